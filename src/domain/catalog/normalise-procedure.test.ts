// From an import record (the national file's shape) to a version's content.
import { describe, expect, it } from 'vitest';
import { normaliseProcedure } from './normalise-procedure.ts';
import type { ProcedureRecord } from './procedure-record.ts';
import { procedureRecord } from '../../../test/support/catalog.ts';

const ok = (record: ProcedureRecord) => {
  const result = normaliseProcedure(record);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.procedure;
};

describe('normaliseProcedure', () => {
  it('normalises a complete record', () => {
    const p = ok(procedureRecord());
    expect(p.code).toBe('1.001193');
    expect(p.content).toMatchObject({
      name: 'Thủ tục đăng ký khai sinh',
      level: 'commune',
      levels: ['commune'],
      timeLimit: { unit: 'days', value: 3 },
      onlineLevel: 'partial',
      mustFileInOwnArea: false,
      agencies: { competent: 'Ủy ban nhân dân cấp xã', coordinating: null },
      documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }],
      results: [{ name: 'Giấy khai sinh', code: 'KQ.1' }],
      legalBasis: 'Luật Hộ tịch 2014',
    });
    expect(p.content.channels.map((c) => c.channel)).toEqual(['direct', 'online']);
    expect(p.problems).toEqual([]);
    expect(p.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same hash whatever the key order, and another when content changes', () => {
    const a = ok(procedureRecord());
    const reordered = Object.fromEntries(Object.entries(procedureRecord()).reverse()) as ProcedureRecord;
    expect(ok(reordered).hash).toBe(a.hash);
    expect(ok(procedureRecord({ name: 'Thủ tục đăng ký khai sinh (sửa đổi)' })).hash).not.toBe(a.hash);
    expect(ok(procedureRecord({ localCode: '1.001193.000.00.00.H56' })).hash).not.toBe(a.hash);
  });

  it.each([
    [{ code: '' }, 'MISSING_CODE'],
    [{ code: 'a b' }, 'INVALID_CODE'],
    [{ name: '  ' }, 'MISSING_NAME'],
    [{ field: undefined }, 'MISSING_FIELD'],
    [{ levels: [] }, 'MISSING_LEVEL'],
    [{ levels: ['Cấp quận'] }, 'UNKNOWN_LEVEL'],
    [{ levels: ['Cấp bộ'] }, 'NO_LOCAL_LEVEL'],
    [{ levels: 'Cấp tỉnh' }, null],
    [{ channels: [{ channel: 'Fax', processingTime: '1 ngày' }] }, 'UNKNOWN_CHANNEL'],
    [{ channels: 'Trực tiếp' }, 'INVALID_VALUE'],
    [{ requiredDocuments: [{ name: 'x', originals: 'hai' }] }, 'INVALID_COUNT'],
    [{ onlineLevel: 'mức 5' }, 'INVALID_ONLINE_LEVEL'],
    [{ mustFileInOwnArea: 'có lẽ' }, 'INVALID_FLAG'],
  ] as Array<[Partial<ProcedureRecord>, string | null]>)('%j → %s', (overrides, code) => {
    const result = normaliseProcedure(procedureRecord(overrides));
    if (code === null) expect(result.ok).toBe(true);
    else expect(result.ok ? [] : result.issues.map((i) => i.code)).toContain(code);
  });

  it('refuses something that is not a record', () => {
    expect(normaliseProcedure(null as never)).toMatchObject({ ok: false, issues: [{ code: 'INVALID_RECORD' }] });
    expect(normaliseProcedure('x' as never).ok).toBe(false);
  });

  it('keeps the ministry level but shows the level closest to the citizen', () => {
    expect(ok(procedureRecord({ levels: ['Cấp bộ', 'Cấp tỉnh', 'Cấp xã'] })).content).toMatchObject({ level: 'commune', levels: ['ministry', 'province', 'commune'] });
    expect(ok(procedureRecord({ levels: ['Cấp tỉnh', 'Cơ quan khác'] })).content.level).toBe('province');
  });

  it('flags a time limit without unit, stores it as text and leaves the workflow budgets empty', () => {
    const p = ok(procedureRecord({ channels: [{ channel: 'Trực tiếp', processingTime: '1', fee: 'Miễn phí', description: 'Không có' }] }));
    expect(p.content.timeLimit).toEqual({ unit: 'unparsed', text: '1', reason: 'no_unit' });
    expect(p.problems).toEqual([expect.objectContaining({ code: 'DURATION_NO_UNIT', severity: 'unparsed', path: 'channels[0].duration', text: '1' })]);
    expect(p.content.workflow.totalMinutes).toBeNull();
    expect(p.content.workflow.steps.every((s) => s.budgetMinutes === null)).toBe(true);
  });

  it('moves an amount the source put in the time column to the fee ("120 | VNĐ(20.000 vnđ /tờ khai)")', () => {
    const p = ok(procedureRecord({ channels: [{ channel: 'Trực tuyến', processingTime: '120,000', fee: '', description: 'VNĐ(Theo khoản 1 Điều 3 Thông tư số 172/2010/TT-BTC)' }] }));
    const terms = p.content.channels[0]!;
    expect(terms.duration).toEqual({ unit: 'unparsed', text: '120,000', reason: 'fee_in_time_column' });
    expect(terms.fee).toEqual({ kind: 'amount', amount: 120000, currency: 'VND' });
    expect(terms.note).toBe('Theo khoản 1 Điều 3 Thông tư số 172/2010/TT-BTC');
    expect(p.problems.map((x) => x.code)).toEqual(['FEE_IN_TIME_COLUMN', 'DURATION_FEE_IN_TIME_COLUMN']);
  });

  it('turns several limits of one channel into cases and uses the longest, flagged for review (1.000045)', () => {
    const p = ok(procedureRecord({
      channels: [
        { channel: 'Trực tiếp', processingTime: '2 Ngày làm việc', fee: 'Miễn phí', description: 'Trường hợp không phải xác minh: trong thời hạn 02 ngày làm việc.' },
        { channel: 'Trực tiếp', processingTime: '3 Ngày làm việc', fee: 'Miễn phí', description: '- Trường hợp cần xác minh nguồn gốc lâm sản: trong thời hạn 03 ngày làm việc.' },
      ],
    }));
    expect(p.content.timeLimit).toEqual({ unit: 'days', value: 3 });
    expect(p.content.cases.map((c) => [c.name, c.terms.map((t) => t.durationText)])).toEqual([
      ['Trường hợp không phải xác minh: trong thời hạn 02 ngày làm việc.', ['2 Ngày làm việc']],
      ['- Trường hợp cần xác minh nguồn gốc lâm sản: trong thời hạn 03 ngày làm việc.', ['3 Ngày làm việc']],
    ]);
    expect(p.problems.map((x) => x.code)).toContain('MULTIPLE_TERMS_PER_CHANNEL');
  });

  it('makes document headings cases and keeps ungrouped documents common', () => {
    const p = ok(procedureRecord({
      requiredDocuments: [
        { name: 'Tờ khai', originals: 1, copies: 0, group: '' },
        { name: 'Giấy chứng nhận xuất xưởng', originals: 1, copies: 0, group: '1) Hồ sơ đối với tàu đóng mới gồm:' },
        { name: 'Giấy chứng nhận cải hoán', originals: 1, copies: 0, group: '2) Hồ sơ đối với tàu cải hoán gồm:' },
        { name: '', originals: 0, copies: 0, group: '' },
      ],
    }));
    expect(p.content.documents.map((d) => d.name)).toEqual(['Tờ khai']);
    expect(p.content.cases.map((c) => [c.name, c.documents.length])).toEqual([
      ['1) Hồ sơ đối với tàu đóng mới gồm:', 1],
      ['2) Hồ sơ đối với tàu cải hoán gồm:', 1],
    ]);
  });

  it('derives the online level: none without an online channel, full when the texts say "toàn trình"', () => {
    expect(ok(procedureRecord({ channels: [{ channel: 'Trực tiếp', processingTime: '1 ngày làm việc' }] })).content.onlineLevel).toBe('none');
    expect(ok(procedureRecord({ channels: [{ channel: 'Trực tuyến', processingTime: '1 ngày làm việc', description: 'đủ điều kiện thực hiện dịch vụ công trực tuyến toàn trình' }] })).content.onlineLevel).toBe('full');
    expect(ok(procedureRecord({ onlineLevel: 'Một phần' })).content.onlineLevel).toBe('partial');
  });

  it('reads flags given as có/không, true/false or x', () => {
    const p = ok(procedureRecord({ mustFileInOwnArea: 'Có', onlinePaymentRequired: true, digitallySignedResult: 'x' }));
    expect(p.content).toMatchObject({ mustFileInOwnArea: true, onlinePaymentRequired: true, digitallySignedResult: true });
  });

  it('flags a procedure that publishes no channel at all', () => {
    const p = ok(procedureRecord({ channels: [] }));
    expect(p.content.timeLimit).toEqual({ unit: 'unparsed', text: '', reason: 'empty' });
    expect(p.problems.map((x) => x.code)).toEqual(['CHANNELS_MISSING']);
  });

  it('cleans text: NFC, control characters, spaces', () => {
    const p = ok(procedureRecord({ name: 'Thu\u0309 tu\u0323c\u0000  đăng ký\u0007 khai sinh ' }));
    expect(p.content.name).toBe('Thủ tục đăng ký khai sinh');
  });
});
