import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asciiFallback, contentDisposition, downloadName, isAcceptedMediaType, normaliseDocumentName, normaliseFileName, normaliseSha256 } from './attachment-rules.ts';
import { isAppError } from '../errors.ts';

describe('attachment rules', () => {
  it('accepts only PDF, JPEG and PNG', () => {
    expect(isAcceptedMediaType('application/pdf')).toBe(true);
    expect(isAcceptedMediaType('image/png')).toBe(true);
    expect(isAcceptedMediaType('image/jpeg')).toBe(true);
    expect(isAcceptedMediaType('image/gif')).toBe(false);
    expect(isAcceptedMediaType('toString')).toBe(false);
    expect(isAcceptedMediaType(undefined)).toBe(false);
  });

  it('reads checksums in either case and refuses other shapes', () => {
    const hex = 'AB'.repeat(32);
    expect(normaliseSha256(` ${hex} `)).toBe(hex.toLowerCase());
    expect(normaliseSha256('abc')).toBeNull();
    expect(normaliseSha256('g'.repeat(64))).toBeNull();
  });

  it('keeps the last path component of a file name and its Vietnamese letters', () => {
    expect(normaliseFileName('C:\\Users\\An\\Đơn đề nghị.pdf')).toBe('Đơn đề nghị.pdf');
    expect(normaliseFileName('../../etc/passwd')).toBe('passwd');
    expect(normaliseFileName('a\u0000b\n.pdf')).toBe('ab.pdf');
    expect(normaliseFileName('x'.repeat(300) + '.pdf')).toMatch(/^x{196}\.pdf$/);
    // NFD input (macOS) is stored NFC.
    expect(normaliseFileName('Giấy'.normalize('NFD'))).toBe('Giấy'.normalize('NFC'));
  });

  it('refuses an empty name, naming the field', () => {
    for (const bad of ['', '   ', '/', '..', 'a/..']) {
      try {
        normaliseFileName(bad);
        expect.unreachable(bad);
      } catch (error) {
        expect(isAppError(error) && error.code).toBe('INVALID_FILE_NAME');
      }
    }
  });

  it('never keeps a path separator or a control character (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => {
      let name: string;
      try {
        name = normaliseFileName(raw);
      } catch {
        return true;
      }
      return !/[\\/\u0000-\u001f]/.test(name) && name.length <= 200 && name.length > 0;
    }));
  });

  it('downloads under the extension of the real content', () => {
    expect(downloadName('scan.pdf', 'application/pdf')).toBe('scan.pdf');
    expect(downloadName('scan', 'image/png')).toBe('scan.png');
    expect(downloadName('anh.JPEG', 'image/jpeg')).toBe('anh.JPEG');
    expect(downloadName('anh.png', 'image/jpeg')).toBe('anh.png.jpg');
  });

  it('writes a header-safe Content-Disposition with the exact UTF-8 name', () => {
    const header = contentDisposition('Đơn đề nghị "mẫu".pdf');
    expect(header).toBe(`attachment; filename="Don de nghi _mau_.pdf"; filename*=UTF-8''${encodeURIComponent('Đơn đề nghị "mẫu".pdf')}`);
    expect(asciiFallback('Giấy khai sinh')).toBe('Giay khai sinh');
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (name) => {
      const value = contentDisposition(name, 'inline');
      return /^[\x20-\x7e]*$/.test(value) && decodeURIComponent(value.split("UTF-8''")[1]!) === name;
    }));
  });

  it('normalises a document label or leaves it empty', () => {
    expect(normaliseDocumentName(undefined)).toBeNull();
    expect(normaliseDocumentName('  ')).toBeNull();
    expect(normaliseDocumentName(' Tờ khai  đăng ký ')).toBe('Tờ khai đăng ký');
    expect(() => normaliseDocumentName('x'.repeat(501))).toThrow();
  });
});
