// Demo location-free lists. Bình Dương published its lists in three phases (275 procedures from
// 02/12/2024, 570 from 01/01/2025, 1,500 from 01/07/2025) but the lists themselves were not published,
// so demo mode draws them from the seeded catalog by a fixed rule and labels them as demo lists.
//
// Rule (deterministic): rank every procedure by
//   1. citizen-facing first (applicants name "công dân" or "cá nhân"),
//   2. then those done at commune level,
//   3. then by how common its field is in the catalog (most procedures first),
//   4. then by field name and code;
// skip those marked "must be filed in its own area"; phase N is the first 275 / 570 / 1,500 of the
// ranking, so each list contains the previous one and a decision adds only the new procedures.
import type { LevelTag } from './level.ts';
import type { PublicationDecisionInput } from './publication-decision.ts';
import { foldVietnamese } from './text.ts';

export interface DemoCandidate {
  code: string;
  field: string;
  levels: readonly LevelTag[];
  applicants: string | null;
  mustFileInOwnArea: boolean;
}

export const DEMO_PHASES: ReadonlyArray<{ size: number; effectiveAt: string; code: string; date: string }> = [
  { size: 275, effectiveAt: '2024-12-02T00:00:00+07:00', code: 'DEMO-PDG-2024-12-02', date: '02/12/2024' },
  { size: 570, effectiveAt: '2025-01-01T00:00:00+07:00', code: 'DEMO-PDG-2025-01-01', date: '01/01/2025' },
  { size: 1500, effectiveAt: '2025-07-01T00:00:00+07:00', code: 'DEMO-PDG-2025-07-01', date: '01/07/2025' },
];

export function rankDemoCandidates(candidates: readonly DemoCandidate[]): DemoCandidate[] {
  const fieldCount = new Map<string, number>();
  for (const c of candidates) fieldCount.set(c.field, (fieldCount.get(c.field) ?? 0) + 1);
  const citizen = (c: DemoCandidate) => (/\b(cong dan|ca nhan)\b/.test(foldVietnamese(c.applicants ?? '')) ? 0 : 1);
  const commune = (c: DemoCandidate) => (c.levels.includes('commune') ? 0 : 1);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return candidates
    .filter((c) => !c.mustFileInOwnArea)
    .map((c) => ({ c, key: [citizen(c), commune(c), -(fieldCount.get(c.field) ?? 0)] as const }))
    .sort((x, y) => x.key[0] - y.key[0] || x.key[1] - y.key[1] || x.key[2] - y.key[2] || cmp(x.c.field, y.c.field) || cmp(x.c.code, y.c.code))
    .map((x) => x.c);
}

/** The three demo decisions; fewer candidates than a phase asks for give a shorter (still nested) list. */
export function demoLocationFreeDecisions(candidates: readonly DemoCandidate[]): PublicationDecisionInput[] {
  const ranked = rankDemoCandidates(candidates);
  let previous = 0;
  return DEMO_PHASES.map((phase) => {
    const upTo = Math.min(phase.size, ranked.length);
    const added = ranked.slice(previous, upTo);
    previous = upTo;
    return {
      code: phase.code,
      title: `[DEMO] Danh mục ${phase.size.toLocaleString('vi-VN')} thủ tục hành chính phi địa giới hành chính áp dụng từ ${phase.date} (danh sách minh họa)`,
      kind: 'location_free_list',
      effectiveAt: Date.parse(phase.effectiveAt),
      isDemo: true,
      note:
        'Danh sách minh họa cho chế độ demo: tỉnh Bình Dương công bố số lượng thủ tục phi địa giới theo từng đợt nhưng danh mục cụ thể không được công bố. ' +
        'Thủ tục được chọn theo quy tắc cố định (ưu tiên thủ tục cho công dân, cấp xã, lĩnh vực phổ biến).',
      entries: added.map((c) => ({ procedureCode: c.code, op: 'add' as const })),
    };
  });
}
