import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  dossierIndices, dossierScore, evaluateOfficer, evaluateUnit, feedbackHandlingPoints, officerBand, unitBand,
  type DossierEvaluationInput,
} from './evaluation.ts';

const base: DossierEvaluationInput = { outcome: 'on_time', consultedOutcomes: [], supplementRequests: 0, channel: 'direct', catalogComplete: true, verifiedComplaint: false, citizen: null };

describe('Circular 01/2018 per-dossier indices', () => {
  it('scores time, agencies, contacts, agencies to contact, publicity and attitude from the facts', () => {
    expect(dossierIndices(base)).toEqual({ 1: 1, 2: 1, 3: 2, 4: 1, 6: 2, 7: 1 });
    expect(dossierIndices({ ...base, outcome: 'early', channel: 'online' })).toEqual({ 1: 2, 2: 2, 3: 2, 4: 2, 6: 2, 7: 2 });
    expect(dossierIndices({ ...base, outcome: 'late', supplementRequests: 2, catalogComplete: false })).toEqual({ 1: 0, 2: 0, 3: 0, 4: 1, 6: 1, 7: 0 });
    expect(dossierIndices({ ...base, supplementRequests: 1 })[3]).toBe(1);
  });

  it('a late consulted agency lowers index 2; a verified complaint makes attitude 0', () => {
    expect(dossierIndices({ ...base, outcome: 'early', consultedOutcomes: ['early', 'late'] })[2]).toBe(0);
    expect(dossierIndices({ ...base, outcome: 'early', verifiedComplaint: true })[7]).toBe(0);
  });

  it("the citizen's answers only lower an index", () => {
    const rated = dossierIndices({ ...base, outcome: 'early', channel: 'online', citizen: { time: 1, contacts: 0, agencies: 2, attitude: 0 } });
    expect(rated).toMatchObject({ 1: 1, 3: 0, 4: 2, 7: 0 });
    const generous = dossierIndices({ ...base, outcome: 'late', citizen: { time: 2, contacts: 2, agencies: 2, attitude: 2 } });
    expect(generous).toMatchObject({ 1: 0, 4: 1, 7: 0 });
  });

  it('every index is 0, 1 or 2 and the dossier sum at most 12 (property)', () => {
    const input = fc.record({
      outcome: fc.constantFrom('early', 'on_time', 'late' as const),
      consultedOutcomes: fc.array(fc.constantFrom('early', 'on_time', 'late' as const), { maxLength: 4 }),
      supplementRequests: fc.integer({ min: 0, max: 5 }),
      channel: fc.constantFrom('direct', 'online', 'postal'),
      catalogComplete: fc.boolean(),
      verifiedComplaint: fc.boolean(),
      citizen: fc.option(fc.record({ time: fc.integer({ min: -3, max: 5 }), contacts: fc.integer({ min: 0, max: 2 }), agencies: fc.integer({ min: 0, max: 2 }), attitude: fc.integer({ min: 0, max: 2 }) }), { nil: null }),
    }) as fc.Arbitrary<DossierEvaluationInput>;
    fc.assert(fc.property(input, (d) => {
      const i = dossierIndices(d);
      for (const v of Object.values(i)) expect([0, 1, 2]).toContain(v);
      expect(dossierScore(i)).toBeLessThanOrEqual(12);
      const better = dossierIndices({ ...d, citizen: null });
      for (const k of [1, 3, 4, 7] as const) expect(i[k]).toBeLessThanOrEqual(better[k]);
    }), { numRuns: 400 });
  });
});

describe('Circular 01/2018 bands', () => {
  it('officer: ≥5 complete, 3.5–<5 mostly, <3.5 incomplete', () => {
    expect([officerBand(5), officerBand(4.99), officerBand(3.5), officerBand(3.49), officerBand(0)]).toEqual(['complete', 'mostly_complete', 'mostly_complete', 'incomplete', 'incomplete']);
  });
  it('unit: ≥15 excellent, 12–<15 good, 9–<12 fair, 6–<9 average, <6 weak', () => {
    expect([15, 14.99, 12, 11.99, 9, 8.99, 6, 5.99, 0].map(unitBand)).toEqual(['excellent', 'good', 'good', 'fair', 'fair', 'average', 'average', 'weak', 'weak']);
  });
  it('index 8: 100% on time 2, ≥90% 1, else 0, nothing handled = not measured', () => {
    expect([100, 95, 90, 89.9, 0].map(feedbackHandlingPoints)).toEqual([2, 1, 1, 0, 0]);
    expect(feedbackHandlingPoints(null)).toBeNull();
  });
});

describe('officer and unit evaluations', () => {
  it('officer: the average of the dossier sums', () => {
    const a = dossierIndices({ ...base, outcome: 'early', channel: 'online' }); // 12
    const b = dossierIndices({ ...base, outcome: 'late', supplementRequests: 3 }); // 0+0+0+1+2+0 = 3
    const e = evaluateOfficer([a, b])!;
    expect(e.score).toBe(7.5);
    expect(e.band).toBe('complete');
    expect(e.indices[1]).toBe(1);
    expect(evaluateOfficer([b])!.band).toBe('incomplete');
    expect(evaluateOfficer([])).toBeNull();
  });

  it('unit: Σ index averages, 5 and 9 not measured, band on the score scaled to 18', () => {
    const a = dossierIndices({ ...base, outcome: 'early', channel: 'online' });
    const u = evaluateUnit([a], 100);
    expect(u.indices[5]).toBeNull();
    expect(u.indices[9]).toBeNull();
    expect(u.score).toBe(14);
    expect(u.measuredMax).toBe(14);
    expect(u.scaledScore).toBe(18);
    expect(u.band).toBe('excellent');
    const none = evaluateUnit([], null);
    expect(none).toMatchObject({ score: 0, measuredMax: 0, scaledScore: null, band: null });
  });

  it('unit score never exceeds its measured max, scaled never exceeds 18 (property)', () => {
    const idx = fc.record({ 1: fc.constantFrom(0, 1, 2), 2: fc.constantFrom(0, 1, 2), 3: fc.constantFrom(0, 1, 2), 4: fc.constantFrom(0, 1, 2), 6: fc.constantFrom(0, 1, 2), 7: fc.constantFrom(0, 1, 2) }) as fc.Arbitrary<ReturnType<typeof dossierIndices>>;
    fc.assert(fc.property(fc.array(idx, { maxLength: 30 }), fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }), (ds, fb) => {
      const u = evaluateUnit(ds, fb);
      expect(u.score).toBeLessThanOrEqual(u.measuredMax + 1e-9);
      if (u.scaledScore !== null) expect(u.scaledScore).toBeLessThanOrEqual(18 + 1e-9);
      const o = evaluateOfficer(ds);
      if (o) expect(o.score).toBeLessThanOrEqual(12);
    }), { numRuns: 300 });
  });
});
