import { describe, expect, it } from 'vitest';
import { diffVersions } from './version-diff.ts';

const doc = (name: string) => ({ name, originals: 1, copies: null, certifiedCopies: null, photocopies: null, template: null });
const base = {
  name: 'Đăng ký khai sinh', field: 'Hộ tịch', fieldCode: null, level: 'commune' as const, onlineLevel: 'full' as const,
  mustFileInOwnArea: false, onlinePaymentRequired: false, digitallySignedResult: false,
  timeLimit: { unit: 'days' as const, value: 3 },
  channels: [{ channel: 'direct' as const, duration: { unit: 'days' as const, value: 3 }, durationText: '3 ngày', fee: { kind: 'free' as const }, feeText: 'Miễn phí', note: '' }],
  documents: [doc('Tờ khai'), doc('Giấy chứng sinh')], cases: [], results: [{ name: 'Giấy khai sinh', code: null }],
  agencies: { competent: 'UBND xã', implementing: null, authorized: null, coordinating: null, receivingAddress: null },
  applicants: null, conditions: null, legalBasis: 'Luật Hộ tịch 2014', issuingMinistry: null, publishingDecision: null,
};

describe('version diff', () => {
  it('finds nothing between equal versions', () => {
    expect(diffVersions(base, structuredClone(base))).toEqual([]);
  });

  it('names each changed field in Vietnamese with before and after', () => {
    const after = { ...base, timeLimit: { unit: 'days' as const, value: 1 }, documents: [doc('Tờ khai'), doc('Văn bản ủy quyền')], legalBasis: 'Luật Hộ tịch 2014; Nghị định 123/2015' };
    const changes = diffVersions(base, after);
    expect(changes.map((c) => c.field)).toEqual(['timeLimit', 'documents', 'legalBasis']);
    expect(changes[0]).toEqual({ field: 'timeLimit', label: 'Thời hạn giải quyết', before: '3 ngày làm việc', after: '1 ngày làm việc' });
    expect(changes[1]).toEqual({ field: 'documents', label: 'Thành phần hồ sơ', before: 'bỏ: Giấy chứng sinh', after: 'thêm: Văn bản ủy quyền' });
  });

  it('sees a changed count of copies even when the names stay', () => {
    const after = { ...base, documents: [doc('Tờ khai'), { ...doc('Giấy chứng sinh'), originals: 2 }] };
    expect(diffVersions(base, after).map((c) => c.label)).toEqual(['Số bản giấy tờ (chính/sao/chụp)']);
  });
});
