import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { formatInstantVN, parseDateOrInstant, parseInstant } from './instant.ts';

describe('instants on the wire ', () => {
  it('formats with the +07:00 offset', () => {
    expect(formatInstantVN(Date.parse('2025-02-05T09:30:00Z'))).toBe('2025-02-05T16:30:00+07:00');
  });

  it('parses instants with an offset or Z', () => {
    expect(parseInstant('2025-02-05T16:30:00+07:00', 'from')).toBe(Date.parse('2025-02-05T09:30:00Z'));
    expect(parseInstant('2025-02-05T09:30:00Z', 'from')).toBe(Date.parse('2025-02-05T09:30:00Z'));
  });

  it('refuses an instant without offset, naming the field', () => {
    try {
      parseInstant('2025-02-05T16:30:00', 'from');
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.details).toMatchObject({ field: 'from' });
    }
    expect(() => parseInstant('2025-02-05', 'from')).toThrow();
  });

  it('takes a bare date only through parseDateOrInstant (00:00 +07:00)', () => {
    expect(formatInstantVN(parseDateOrInstant('2025-02-05', 'at'))).toBe('2025-02-05T00:00:00+07:00');
    expect(() => parseDateOrInstant('2025-02-30', 'at')).toThrow();
  });

  it.each(['2025-02-05T08:00:60+07:00', '2025-02-05T08:00:00+25:00', '2025-13-05T08:00:00+07:00', '', 'soon'])('refuses %j with an error, never NaN', (text) => {
    expect(() => parseInstant(text, 'from')).toThrow();
  });
});
