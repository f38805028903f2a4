import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { judgeAttempt, maskDestination, normaliseTypedCode, OTP_POLICY, parseOtpDestination } from './one-time-code.ts';

describe('one-time code destinations', () => {
  it('reads a mobile number in any usual form, and an e-mail in lower case', () => {
    expect(parseOtpDestination(' +84 912 345 678 ')).toEqual({ channel: 'sms', identifier: '0912345678' });
    expect(parseOtpDestination('0912.345.678')).toEqual({ channel: 'sms', identifier: '0912345678' });
    expect(parseOtpDestination('Lan.Nguyen@Example.VN')).toEqual({ channel: 'email', identifier: 'lan.nguyen@example.vn' });
  });

  it('refuses landlines, short numbers and malformed addresses with a Vietnamese message', () => {
    for (const bad of ['02743822222', '091234', 'lan@', '@example.vn', 'lan@@example.vn', '', 'abc']) {
      let error: unknown;
      try {
        parseOtpDestination(bad);
      } catch (caught) {
        error = caught;
      }
      expect(isAppError(error) && error.code, bad).toBe('OTP_DESTINATION_INVALID');
    }
  });

  it('masks what it shows', () => {
    expect(maskDestination({ channel: 'sms', identifier: '0912345678' })).toBe('091****678');
    expect(maskDestination({ channel: 'email', identifier: 'lan.nguyen@example.vn' })).toBe('la***@example.vn');
  });

  it('accepts exactly six digits, with spaces or dashes between', () => {
    expect(normaliseTypedCode('123 456')).toBe('123456');
    expect(normaliseTypedCode('123-456')).toBe('123456');
    for (const bad of ['12345', '1234567', '12a456', '']) expect(normaliseTypedCode(bad)).toBeNull();
    fc.assert(fc.property(fc.string(), (s) => {
      const code = normaliseTypedCode(s);
      return code === null || /^\d{6}$/.test(code);
    }));
  });
});

describe('judging an attempt', () => {
  const now = 1_000_000;
  it('expires at the instant, locks after the last allowed attempt, and a locked code never passes', () => {
    expect(judgeAttempt({ expiresAt: now, attemptsBefore: 0 }, now, true)).toBe('expired');
    expect(judgeAttempt({ expiresAt: now + 1, attemptsBefore: 0 }, now, true)).toBe('right');
    expect(judgeAttempt({ expiresAt: now + 1, attemptsBefore: OTP_POLICY.maxAttempts - 2 }, now, false)).toBe('wrong');
    expect(judgeAttempt({ expiresAt: now + 1, attemptsBefore: OTP_POLICY.maxAttempts - 1 }, now, false)).toBe('wrong_and_locked');
    fc.assert(fc.property(fc.integer({ min: OTP_POLICY.maxAttempts, max: 1000 }), fc.boolean(), (attempts, matches) =>
      judgeAttempt({ expiresAt: now + 1, attemptsBefore: attempts }, now, matches) === 'locked'));
  });

  it('never lets more than the allowed number of wrong attempts through', () => {
    fc.assert(fc.property(fc.array(fc.boolean(), { maxLength: 20 }), (tries) => {
      let attempts = 0;
      let passedAfterLock = false;
      for (const matches of tries) {
        const outcome = judgeAttempt({ expiresAt: now + 1, attemptsBefore: attempts }, now, matches);
        if (outcome === 'right' && attempts >= OTP_POLICY.maxAttempts) passedAfterLock = true;
        if (outcome === 'wrong' || outcome === 'wrong_and_locked') attempts += 1;
        if (outcome === 'right') break;
      }
      return !passedAfterLock && attempts <= OTP_POLICY.maxAttempts;
    }));
  });
});
