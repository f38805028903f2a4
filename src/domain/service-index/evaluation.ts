// Evaluation of administrative-procedure handling (Circular 01/2018/TT-VPCP arts. 13–15, domain.md §6):
// nine indices worth 0/1/2 points; indices 1, 2, 3, 4, 6, 7 are scored per dossier from the system's
// facts, lowered (never raised) by the citizen's own answers when they rated the dossier (the rating form
// asks indices 1, 3, 4, 7: domain/portal/rating.ts). Officer bands (≥5, 3.5–<5, <3.5) and unit bands
// (≥15, 12–<15, 9–<12, 6–<9, <6) are domain.md's.
//
// motcua's reading where domain.md is silent (ASSUMPTIONS, documented, not law):
// - An officer's score is the average, over the dossiers they finished (result recorded or rejection),
//   of the sum of the per-dossier indices 1, 2, 3, 4, 6, 7 (max 12): domain.md gives the bands but not
//   which indices form the officer's score.
// - Index 2 (each participating agency's time) is the worst of the competent agency's outcome and each
//   consulted agency's answer (before its due day 2, on it 1, after 0).
// - Index 3 (contacts): supplement requests 0 → 2, 1 → 1, more → 0 (the applicant's fault cannot be told).
// - Index 4 (agencies to contact): filed online 2, else only the one-stop unit 1.
// - Index 6 (publicity): the procedure is in the published catalog; with all its components 2, else 1.
// - Index 7 (attitude): a verified complaint 0; otherwise early 2, on time 1, late 0 (domain.md does not
//   score "late, no complaint").
// - Unit-level indices: 8 from the feedback timeliness (100% 2, ≥90% 1, else 0); 5 and 9 are not measured.
//   The unit's band is read on its score scaled to 18 over the indices measured, reported as such.
import type { FinishOutcome } from '../sla/index.ts';

export type Points = 0 | 1 | 2;
export const DOSSIER_INDICES = [1, 2, 3, 4, 6, 7] as const;
export type DossierIndex = (typeof DOSSIER_INDICES)[number];
export const UNIT_INDICES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type UnitIndex = (typeof UNIT_INDICES)[number];

export interface CitizenAnswers {
  /** Points the citizen gave (0–2) to indices 1, 3, 4, 7. */
  time?: number | undefined;
  contacts?: number | undefined;
  agencies?: number | undefined;
  attitude?: number | undefined;
}

export interface DossierEvaluationInput {
  outcome: FinishOutcome;
  /** Outcomes of the consulted agencies' answers (sub-dossiers), if any. */
  consultedOutcomes: readonly FinishOutcome[];
  supplementRequests: number;
  channel: string;
  catalogComplete: boolean;
  verifiedComplaint: boolean;
  citizen: CitizenAnswers | null;
}

const OUTCOME_POINTS: Record<FinishOutcome, Points> = { early: 2, on_time: 1, late: 0 };
const clampPoints = (n: number | undefined): Points | undefined => (n === undefined || !Number.isFinite(n) ? undefined : (Math.max(0, Math.min(2, Math.floor(n))) as Points));
const lower = (system: Points, citizen: number | undefined): Points => Math.min(system, clampPoints(citizen) ?? 2) as Points;

export function dossierIndices(d: DossierEvaluationInput): Record<DossierIndex, Points> {
  const time = OUTCOME_POINTS[d.outcome];
  const agencies = Math.min(time, ...d.consultedOutcomes.map((o) => OUTCOME_POINTS[o])) as Points;
  const contacts: Points = d.supplementRequests === 0 ? 2 : d.supplementRequests === 1 ? 1 : 0;
  const toContact: Points = d.channel === 'online' ? 2 : 1;
  const attitude: Points = d.verifiedComplaint ? 0 : time;
  return {
    1: lower(time, d.citizen?.time),
    2: agencies,
    3: lower(contacts, d.citizen?.contacts),
    4: lower(toContact, d.citizen?.agencies),
    6: d.catalogComplete ? 2 : 1,
    7: lower(attitude, d.citizen?.attitude),
  };
}

export const dossierScore = (indices: Record<DossierIndex, Points>) => DOSSIER_INDICES.reduce((s, i) => s + indices[i], 0);

export type OfficerBand = 'complete' | 'mostly_complete' | 'incomplete';
export const OFFICER_BAND_LABELS_VI: Record<OfficerBand, string> = {
  complete: 'Hoàn thành 100% nhiệm vụ',
  mostly_complete: 'Hoàn thành từ 70% đến dưới 100% nhiệm vụ',
  incomplete: 'Hoàn thành dưới 70% nhiệm vụ',
};

export function officerBand(score: number): OfficerBand {
  if (score >= 5) return 'complete';
  if (score >= 3.5) return 'mostly_complete';
  return 'incomplete';
}

export type UnitBand = 'excellent' | 'good' | 'fair' | 'average' | 'weak';
export const UNIT_BAND_LABELS_VI: Record<UnitBand, string> = { excellent: 'Xuất sắc', good: 'Tốt', fair: 'Khá', average: 'Trung bình', weak: 'Yếu' };

export function unitBand(score: number): UnitBand {
  if (score >= 15) return 'excellent';
  if (score >= 12) return 'good';
  if (score >= 9) return 'fair';
  if (score >= 6) return 'average';
  return 'weak';
}

/** Index 8 from the share of feedback handled on time (percent); null when nothing was handled. */
export function feedbackHandlingPoints(onTimePercent: number | null): Points | null {
  if (onTimePercent === null) return null;
  if (onTimePercent >= 100) return 2;
  return onTimePercent >= 90 ? 1 : 0;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export interface OfficerEvaluation {
  dossiers: number;
  /** Average of the per-dossier sums (0–12). */
  score: number;
  band: OfficerBand;
  indices: Record<DossierIndex, number>;
}

/** null when the officer finished no dossier in the period. */
export function evaluateOfficer(dossiers: ReadonlyArray<Record<DossierIndex, Points>>): OfficerEvaluation | null {
  if (dossiers.length === 0) return null;
  const indices = averages(dossiers);
  const score = round2(dossiers.reduce((s, d) => s + dossierScore(d), 0) / dossiers.length);
  return { dossiers: dossiers.length, score, band: officerBand(score), indices };
}

function averages(dossiers: ReadonlyArray<Record<DossierIndex, Points>>): Record<DossierIndex, number> {
  const out = {} as Record<DossierIndex, number>;
  for (const i of DOSSIER_INDICES) out[i] = round2(dossiers.reduce((s, d) => s + d[i], 0) / dossiers.length);
  return out;
}

export interface UnitEvaluation {
  dossiers: number;
  /** Average points per index; null = not measured (or nothing to measure). */
  indices: Record<UnitIndex, number | null>;
  /** Σ of the measured indices. */
  score: number;
  measuredMax: number;
  /** score × 18 / measuredMax: the band is read on it. null when nothing was measured. */
  scaledScore: number | null;
  band: UnitBand | null;
}

export function evaluateUnit(dossiers: ReadonlyArray<Record<DossierIndex, Points>>, feedbackOnTimePercent: number | null): UnitEvaluation {
  const per = dossiers.length > 0 ? averages(dossiers) : null;
  const indices: Record<UnitIndex, number | null> = {
    1: per?.[1] ?? null, 2: per?.[2] ?? null, 3: per?.[3] ?? null, 4: per?.[4] ?? null, 5: null,
    6: per?.[6] ?? null, 7: per?.[7] ?? null, 8: feedbackHandlingPoints(feedbackOnTimePercent), 9: null,
  };
  const measured = UNIT_INDICES.filter((i) => indices[i] !== null);
  const score = round2(measured.reduce((s, i) => s + indices[i]!, 0));
  const measuredMax = measured.length * 2;
  const scaledScore = measuredMax === 0 ? null : round2((score * 18) / measuredMax);
  return { dossiers: dossiers.length, indices, score, measuredMax, scaledScore, band: scaledScore === null ? null : unitBand(scaledScore) };
}
