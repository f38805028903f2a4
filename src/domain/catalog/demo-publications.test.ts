import { describe, expect, it } from 'vitest';
import { demoLocationFreeDecisions, rankDemoCandidates, type DemoCandidate } from './demo-publications.ts';

function candidates(n: number): DemoCandidate[] {
  return Array.from({ length: n }, (_, i) => ({
    code: `1.${String(i).padStart(6, '0')}`,
    field: i % 3 === 0 ? 'Hộ tịch' : i % 3 === 1 ? 'Hải quan' : `Lĩnh vực ${i}`,
    levels: i % 2 === 0 ? ['commune'] : ['province'],
    applicants: i % 5 === 0 ? 'Doanh nghiệp' : 'Công dân Việt Nam',
    mustFileInOwnArea: i === 7,
  }));
}

describe('demo location-free decisions', () => {
  it('draws three nested lists of 275, 570 and 1,500, labelled as demo', () => {
    const decisions = demoLocationFreeDecisions(candidates(1601));
    expect(decisions.map((d) => (d.entries as unknown[]).length)).toEqual([275, 295, 930]);
    expect(decisions.map((d) => new Date(d.effectiveAt as number).toISOString())).toEqual([
      '2024-12-01T17:00:00.000Z', '2024-12-31T17:00:00.000Z', '2025-06-30T17:00:00.000Z',
    ]);
    expect(decisions.every((d) => d.isDemo === true && String(d.title).startsWith('[DEMO]'))).toBe(true);
    const codes = decisions.flatMap((d) => (d.entries as Array<{ procedureCode: string }>).map((e) => e.procedureCode));
    expect(new Set(codes).size).toBe(1500);
  });

  it('is deterministic and prefers citizen-facing, commune-level, common-field procedures', () => {
    const list = candidates(40);
    const ranked = rankDemoCandidates(list);
    expect(rankDemoCandidates([...list].reverse()).map((c) => c.code)).toEqual(ranked.map((c) => c.code));
    expect(ranked[0]).toMatchObject({ levels: ['commune'], applicants: 'Công dân Việt Nam' });
    expect(ranked.map((c) => c.code)).not.toContain('1.000007'); // must be filed in its own area
  });

  it('gives shorter lists when the catalog is small', () => {
    expect(demoLocationFreeDecisions(candidates(300)).map((d) => (d.entries as unknown[]).length)).toEqual([275, 24, 0]);
  });
});
