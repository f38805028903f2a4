import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ATTACHABLE_STATUSES, checkAttachment, MAX_FEEDBACK_ATTACHMENTS } from './attachments.ts';
import { FEEDBACK_STATUSES } from './kinds.ts';

describe('feedback attachments rule', () => {
  it('accepts files while the message is open and under the cap', () => {
    expect(checkAttachment('received', 0)).toEqual({ ok: true });
    expect(checkAttachment('info_requested', MAX_FEEDBACK_ATTACHMENTS - 1)).toEqual({ ok: true });
  });

  it('refuses once answered, refused or published, and at the cap', () => {
    for (const status of ['answered', 'published', 'refused'] as const) {
      const check = checkAttachment(status, 0);
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.error.code).toBe('FEEDBACK_CLOSED');
    }
    const full = checkAttachment('accepted', MAX_FEEDBACK_ATTACHMENTS);
    expect(full.ok).toBe(false);
    if (!full.ok) expect(full.error.code).toBe('TOO_MANY_ATTACHMENTS');
  });

  it('never lets the count exceed the cap, whatever the status', () => {
    fc.assert(fc.property(fc.constantFrom(...FEEDBACK_STATUSES), fc.nat(50), (status, existing) => {
      const ok = checkAttachment(status, existing).ok;
      expect(ok).toBe(ATTACHABLE_STATUSES.includes(status) && existing < MAX_FEEDBACK_ATTACHMENTS);
    }));
  });
});
