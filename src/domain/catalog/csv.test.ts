import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './csv.ts';
import { decodeText } from './decode-text.ts';

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields, doubled quotes, newlines inside quotes and CRLF, keeping each record\'s first line', () => {
    const result = parseCsv('a,b,c\r\n1,"x, ""y""",z\r\n2,"two\nlines",w\r\n\r\n3,,\r\n');
    expect(result).toEqual({
      ok: true,
      delimiter: ',',
      records: [
        { line: 1, fields: ['a', 'b', 'c'] },
        { line: 2, fields: ['1', 'x, "y"', 'z'] },
        { line: 3, fields: ['2', 'two\nlines', 'w'] },
        { line: 6, fields: ['3', '', ''] },
      ],
    });
  });

  it('takes ";" or tab when the header uses them (Excel with a Vietnamese locale)', () => {
    expect(detectDelimiter('mã;tên;lĩnh vực\n1;"a,b";c')).toBe(';');
    expect(detectDelimiter('a\tb\n')).toBe('\t');
    const result = parseCsv('mã;tên\n1;"a,b"');
    expect(result.ok && result.records[1]!.fields).toEqual(['1', 'a,b']);
  });

  it('reports an unterminated quote and text after a closing quote with the line', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('a,b\n1,"x"y\n')).toMatchObject({ ok: false, line: 2 });
  });

  it('handles a last line without newline and an empty file', () => {
    expect(parseCsv('a\n1')).toMatchObject({ ok: true, records: [{ line: 1, fields: ['a'] }, { line: 2, fields: ['1'] }] });
    expect(parseCsv('')).toEqual({ ok: true, records: [], delimiter: ',' });
  });
});

describe('decodeText', () => {
  const bytes = (...values: number[]) => Uint8Array.from(values);
  it('reads UTF-8 with or without BOM and UTF-16 with BOM', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFFXã'))).toEqual({ ok: true, text: 'Xã', encoding: 'utf-8' });
    expect(decodeText(new TextEncoder().encode('Xã'))).toMatchObject({ ok: true, text: 'Xã' });
    expect(decodeText(bytes(0xff, 0xfe, 0x58, 0x00, 0xe3, 0x00))).toEqual({ ok: true, text: 'Xã', encoding: 'utf-16le' });
  });
  it('refuses Windows-1258 / TCVN3 bytes with the line of the first bad byte', () => {
    // "Xã" in Windows-1258 is 0x58 0xE3; on the second line.
    expect(decodeText(bytes(0x61, 0x0a, 0x58, 0xe3, 0x0a))).toEqual({ ok: false, line: 2, byteOffset: 3 });
    expect(decodeText(bytes(0xc0, 0x80))).toMatchObject({ ok: false }); // overlong
    expect(decodeText(bytes(0xed, 0xa0, 0x80))).toMatchObject({ ok: false }); // surrogate
    expect(decodeText(bytes(0x61, 0x00, 0x62))).toMatchObject({ ok: false, byteOffset: 1 }); // NUL: UTF-16 without BOM, binary
  });
});
