import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vn } from '../calendar/calendar-test-support.ts';
import { compareDossierCodes, formatDossierCode, normaliseDossierCode, parseDossierCode, sequenceDay } from './dossier-code.ts';

const parts = (text: string) => {
  const parsed = parseDossierCode(text);
  return parsed.ok ? parsed.value : parsed.error.code;
};

describe('formatDossierCode (Decree 61 art. 26)', () => {
  it('gives the law’s example', () => {
    expect(formatDossierCode('000.00.53.H48', vn('2022-09-21 10:00'), 99)).toBe('000.00.53.H48-220921-0099');
  });

  it('dates by the day in Vietnam, not UTC', () => {
    expect(formatDossierCode('000.00.00.H74', vn('2025-03-10 00:30'), 1)).toBe('000.00.00.H74-250310-0001');
    expect(formatDossierCode('000.00.00.H74', vn('2025-03-10 23:59:59'), 1)).toBe('000.00.00.H74-250310-0001');
    expect(sequenceDay(vn('2025-03-10 06:59'))).toBe('2025-03-10');
  });

  it('widens to 5 digits past 9,999 instead of failing; refuses 0 and past 99,999', () => {
    expect(formatDossierCode('000.00.53.H48', vn('2025-03-10 10:00'), 9999)).toBe('000.00.53.H48-250310-9999');
    expect(formatDossierCode('000.00.53.H48', vn('2025-03-10 10:00'), 10_000)).toBe('000.00.53.H48-250310-10000');
    for (const bad of [0, -1, 1.5, 100_000, Number.NaN]) {
      expect(() => formatDossierCode('000.00.53.H48', vn('2025-03-10 10:00'), bad)).toThrow(/Số thứ tự/);
    }
  });

  it('refuses an identifier not shaped as QCVN 102:2016', () => {
    for (const bad of ['H48', '000.00.53.h48', '000.0.53.H48', 'CN718', '000.00.53.H48-1']) {
      expect(() => formatDossierCode(bad, vn('2025-03-10 10:00'), 1), bad).toThrow(/QCVN 102:2016/);
    }
  });
});

describe('parseDossierCode (public lookup)', () => {
  it('reads a code, tolerating spaces and lower case', () => {
    expect(parts(' 000.00.53.h48-220921-0099 ')).toEqual({ agencyIdentifier: '000.00.53.H48', receivedDate: '2022-09-21', sequence: 99 });
    expect(normaliseDossierCode(' 000.00.53.h48-220921-0099')).toBe('000.00.53.H48-220921-0099');
  });

  it.each([
    '000.00.53.H48-220931-0099', // 31 September
    '000.00.53.H48-220921-0000',
    '000.00.53.H48-220921-099',
    '000.00.53.H48-220921-09999', // 5 digits only from 10000, one spelling per number
    '000.00.53.H48/220921/0099',
    '',
  ])('refuses %j', (text) => {
    expect(parts(text)).toBe('INVALID_DOSSIER_CODE');
  });
});

describe('dossier code properties (fast-check)', () => {
  const identifier = fc
    .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(...'ABCDEFGH'), fc.integer({ min: 0, max: 99 }))
    .map(([v, z, y, m, x]) => `${String(v).padStart(3, '0')}.${String(z).padStart(2, '0')}.${String(y).padStart(2, '0')}.${m}${String(x).padStart(2, '0')}`);
  const instant = fc.integer({ min: Date.parse('2000-01-01T00:00:00+07:00'), max: Date.parse('2099-12-31T23:59:59+07:00') });
  const sequence = fc.integer({ min: 1, max: 99_999 });

  it('format → parse round-trips', () => {
    fc.assert(
      fc.property(identifier, instant, sequence, (id, at, seq) => {
        const code = formatDossierCode(id, at, seq);
        expect(parts(code)).toEqual({ agencyIdentifier: id, receivedDate: sequenceDay(at), sequence: seq });
        expect(normaliseDossierCode(code)).toBe(code);
      }),
      { numRuns: 300 },
    );
  });

  it('a day’s gap-free run gives distinct codes in sequence order (string order too, up to 9,999)', () => {
    fc.assert(
      fc.property(identifier, instant, fc.integer({ min: 1, max: 99_000 }), fc.integer({ min: 2, max: 200 }), (id, at, first, count) => {
        const run = Array.from({ length: count }, (_, i) => formatDossierCode(id, at, first + i));
        expect(new Set(run).size).toBe(count);
        const shuffled = [...run].reverse();
        expect(shuffled.sort(compareDossierCodes)).toEqual(run);
        expect(run.map((c) => (parts(c) as { sequence: number }).sequence)).toEqual(run.map((_, i) => first + i));
        if (first + count - 1 <= 9999) expect([...run].sort()).toEqual(run);
      }),
      { numRuns: 200 },
    );
  });
});
