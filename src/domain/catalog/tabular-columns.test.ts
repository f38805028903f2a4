import { describe, expect, it } from 'vitest';
import { mapHeader, parseDocumentCell, tabularRecord } from './tabular-columns.ts';
import { normaliseProcedure } from './normalise-procedure.ts';

describe('tabular columns', () => {
  it('accepts English keys and Vietnamese headings, with or without accents', () => {
    const header = mapHeader(['Mã thủ tục', 'ten thu tuc', 'LĨNH VỰC', 'level', 'Thời hạn giải quyết', 'fee_direct']);
    expect(header).toEqual({ ok: true, keys: ['code', 'name', 'field', 'level', 'processing_time', 'fee_direct'] });
  });

  it('refuses unknown, duplicate and missing required columns', () => {
    expect(mapHeader(['code', 'name', 'colour'])).toMatchObject({ ok: false, code: 'UNKNOWN_COLUMN' });
    expect(mapHeader(['code', 'name', 'Tên thủ tục'])).toMatchObject({ ok: false, code: 'DUPLICATE_COLUMN' });
    expect(mapHeader(['code', 'field'])).toMatchObject({ ok: false, code: 'MISSING_COLUMN' });
  });

  it('builds channels from per-channel columns, falling back to the shared ones', () => {
    const headers = ['code', 'name', 'field', 'level', 'processing_time', 'time_online', 'fee', 'channels'];
    const header = mapHeader(headers);
    if (!header.ok) throw new Error('header');
    const record = tabularRecord(header.keys, headers, ['1.1', 'Tên', 'Hộ tịch', 'Cấp xã; Cấp tỉnh', '3 ngày làm việc', '2 ngày làm việc', 'Miễn phí', 'Trực tiếp; Trực tuyến']);
    const result = normaliseProcedure(record);
    expect(result.ok && result.procedure.content.channels.map((c) => [c.channel, c.duration])).toEqual([
      ['direct', { unit: 'days', value: 3 }],
      ['online', { unit: 'days', value: 2 }],
    ]);
    expect(result.ok && result.procedure.content.levels).toEqual(['commune', 'province']);
    expect(record.raw).toMatchObject({ code: '1.1', time_online: '2 ngày làm việc' });
  });

  it('reads documents one per line with counts, template and case headings', () => {
    expect(parseDocumentCell('Tờ khai | 1 | 0 | 0 | TK01\n# Trường hợp ủy quyền\nVăn bản ủy quyền | 1\n\n')).toEqual([
      { name: 'Tờ khai', originals: '1', certifiedCopies: '0', photocopies: '0', template: 'TK01', group: '' },
      { name: 'Văn bản ủy quyền', originals: '1', certifiedCopies: undefined, photocopies: undefined, template: undefined, group: 'Trường hợp ủy quyền' },
    ]);
  });
});
