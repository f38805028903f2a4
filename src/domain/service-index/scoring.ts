// Points of the service index (Decision 766/QĐ-TTg) from measured inputs: per indicator, per group, total.
// An indicator the system cannot compute is "not measured" (null points, never zero) and one with nothing
// to count in the period is "no data"; both are left out of the sums and of `measuredMaxPoints`, so a
// unit's score can be read against the points actually at stake.
import { GROUP_IDS, INDICATOR_IDS, type GroupId, type IndicatorId, type ScoreRule, type ServiceIndexConfig } from './config.ts';

export type Measurement =
  /** count / total, e.g. dossiers finished on time / dossiers finished. */
  | { kind: 'ratio'; count: number; total: number }
  /** A percentage measured otherwise (2.2: average share of the legal time used), over `basis` items. */
  | { kind: 'percent'; percent: number; basis: number }
  | { kind: 'not_measured'; reason: string };

export type IndicatorStatus = 'scored' | 'no_data' | 'not_measured';

export interface IndicatorScore {
  id: IndicatorId;
  group: GroupId;
  maxPoints: number;
  status: IndicatorStatus;
  /** null unless scored. */
  points: number | null;
  /** The measured rate or value in percent (one decimal); null unless scored. */
  percent: number | null;
  count: number | null;
  total: number | null;
  fullAtPercent: number;
  rule: ScoreRule['kind'];
  thresholdSource: 'domain' | 'assumption';
  reason: string | null;
}

export interface GroupScore {
  id: GroupId;
  maxPoints: number;
  points: number;
  /** Σ max points of the scored indicators. */
  measuredMaxPoints: number;
  indicators: IndicatorScore[];
}

export interface ServiceIndexScore {
  maxPoints: number;
  points: number;
  measuredMaxPoints: number;
  groups: GroupScore[];
}

/** Points to two decimals, rounded down so rounding can never lift a score above its rule. */
const floor2 = (x: number) => Math.floor(x * 100 + 1e-9) / 100;
const round1 = (x: number) => Math.round(x * 10) / 10;
const sum2 = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;

/** Points of one rule for a measured percentage in [0, 100] (share of legal time may exceed 100). */
export function pointsFor(rule: ScoreRule, maxPoints: number, percent: number): number {
  if (!Number.isFinite(percent) || percent < 0) return 0;
  if (rule.kind === 'rate') return floor2(maxPoints * Math.min(1, percent / rule.fullAtPercent));
  if (percent <= rule.fullAtPercent) return floor2(maxPoints);
  return floor2((maxPoints * rule.fullAtPercent) / percent);
}

export function scoreIndicator(config: ServiceIndexConfig, id: IndicatorId, m: Measurement): IndicatorScore {
  const c = config.indicators[id];
  const base = {
    id, group: c.group, maxPoints: c.maxPoints, fullAtPercent: c.rule.fullAtPercent, rule: c.rule.kind, thresholdSource: c.thresholdSource,
    points: null, percent: null, count: null, total: null, reason: null,
  };
  if (m.kind === 'not_measured') return { ...base, status: 'not_measured', reason: m.reason };
  if (m.kind === 'ratio') {
    const count = Math.max(0, Math.min(m.count, m.total));
    if (m.total <= 0) return { ...base, status: 'no_data', count: 0, total: 0 };
    const percent = (count / m.total) * 100;
    return { ...base, status: 'scored', count, total: m.total, percent: round1(percent), points: pointsFor(c.rule, c.maxPoints, percent) };
  }
  if (m.basis <= 0) return { ...base, status: 'no_data', total: 0 };
  return { ...base, status: 'scored', total: m.basis, percent: round1(m.percent), points: pointsFor(c.rule, c.maxPoints, m.percent) };
}

/** Scores every configured indicator; one missing from `measurements` counts as not measured. */
export function scoreServiceIndex(config: ServiceIndexConfig, measurements: Partial<Record<IndicatorId, Measurement>>): ServiceIndexScore {
  const scores = INDICATOR_IDS.map((id) => scoreIndicator(config, id, measurements[id] ?? { kind: 'not_measured', reason: 'Hệ thống không có dữ liệu để tính chỉ tiêu này.' }));
  const groups = GROUP_IDS.map((g): GroupScore => {
    const indicators = scores.filter((s) => s.group === g);
    const scored = indicators.filter((s) => s.status === 'scored');
    return {
      id: g,
      maxPoints: config.groups[g].maxPoints,
      points: sum2(scored.map((s) => s.points!)),
      measuredMaxPoints: sum2(scored.map((s) => s.maxPoints)),
      indicators,
    };
  });
  return {
    maxPoints: sum2(groups.map((g) => g.maxPoints)),
    points: sum2(groups.map((g) => g.points)),
    measuredMaxPoints: sum2(groups.map((g) => g.measuredMaxPoints)),
    groups,
  };
}
