import { describe, expect, it } from 'vitest';
import { normaliseProcedure } from './normalise-procedure.ts';
import { parseSupplementPolicy, supplementPolicyOf } from './supplement-policy.ts';

const record = (extra: Record<string, unknown> = {}) => ({
  code: 'T.1', name: 'Thủ tục thử', field: 'Hộ tịch', levels: ['Cấp xã'], channels: [{ channel: 'Trực tiếp', processingTime: '5 ngày làm việc' }], ...extra,
});

describe('supplement policy of a procedure version', () => {
  it('reads restart / pause in English or Vietnamese, absent = the decree\'s restart', () => {
    expect(parseSupplementPolicy('Tạm dừng')).toBe('pause');
    expect(parseSupplementPolicy(' tính lại ')).toBe('restart');
    expect(parseSupplementPolicy('pause')).toBe('pause');
    expect(parseSupplementPolicy('')).toBeUndefined();
    expect(parseSupplementPolicy('mỗi lần một khác')).toBeNull();
    expect(supplementPolicyOf({})).toBe('restart');
  });

  it('is stored only when set, so older versions keep their content hash', () => {
    const plain = normaliseProcedure(record());
    const paused = normaliseProcedure(record({ supplementPolicy: 'tạm dừng' }));
    if (!plain.ok || !paused.ok) throw new Error('expected both to normalise');
    expect('supplementPolicy' in plain.procedure.content).toBe(false);
    expect(paused.procedure.content.supplementPolicy).toBe('pause');
    expect(paused.procedure.hash).not.toBe(plain.procedure.hash);
    const bad = normaliseProcedure(record({ supplementPolicy: 'khác' }));
    expect(bad.ok ? [] : bad.issues.map((i) => i.field)).toEqual(['supplementPolicy']);
  });
});
