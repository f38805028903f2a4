// Configuration of the service index (Bộ chỉ số phục vụ người dân, doanh nghiệp — Decision 766/QĐ-TTg,
// domain.md §7): the six scoring groups with their totals, each indicator's maximum points and its rule.
// The group totals (18/20/12/10/22/18) and the thresholds marked `source: 'domain'` come from domain.md;
// every other figure is a documented ASSUMPTION (domain.md: "per-indicator point weights … are (open):
// keep them in configuration"), overridable with `resolveServiceIndexConfig(overrides)`.
import { invalid } from '../errors.ts';

export const GROUP_IDS = ['publicity', 'progress', 'online_services', 'online_payment', 'digitisation', 'satisfaction'] as const;
export type GroupId = (typeof GROUP_IDS)[number];

export const INDICATOR_IDS = [
  '1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '3.1', '3.2', '3.3', '3.5', '3.6', '4.1', '4.2', '4.3', '4.4', '4.5', '5.1', '5.2', '5.3', '5.4',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/**
 * - `rate`: higher is better; full points from `fullAtPercent`, below it rate × max / fullAtPercent
 *   (domain.md's own form, e.g. 3.1 "≥80% ⇒ full points, else rate × max / 80%").
 * - `share_of_legal_time`: lower is better (2.2): the measured value is the average share of the legal
 *   time used; full points up to `fullAtPercent`, above it max × fullAtPercent / value.
 */
export type ScoreRule = { kind: 'rate'; fullAtPercent: number } | { kind: 'share_of_legal_time'; fullAtPercent: number };

export interface IndicatorConfig {
  id: IndicatorId;
  group: GroupId;
  maxPoints: number;
  rule: ScoreRule;
  /** Where the threshold comes from: domain.md, or motcua's documented assumption. */
  thresholdSource: 'domain' | 'assumption';
  /** Where the maximum points come from. */
  pointsSource: 'domain' | 'assumption';
}

export interface ServiceIndexConfig {
  groups: Record<GroupId, { maxPoints: number }>;
  indicators: Record<IndicatorId, IndicatorConfig>;
}

const rate = (fullAtPercent: number): ScoreRule => ({ kind: 'rate', fullAtPercent });
const ind = (id: IndicatorId, group: GroupId, maxPoints: number, rule: ScoreRule, thresholdSource: 'domain' | 'assumption', pointsSource: 'domain' | 'assumption' = 'assumption'): IndicatorConfig =>
  ({ id, group, maxPoints, rule, thresholdSource, pointsSource });

/**
 * Defaults. Group totals: domain.md §7. Known points: 1.2 = 4, 5.4 = 6. Known thresholds: 3.1, 3.5, 4.2,
 * 4.3 (80%), 3.3 (50%), 5.4 (90%). ASSUMPTIONS (not in domain.md): every other indicator's points (the
 * group's remainder split in whole points), and for indicators without a documented threshold full points
 * only at 100% (points proportional to the rate); 2.2 full while dossiers use on average at most the legal
 * time (100%). Indicator 3.4 is not described in domain.md and is left out (its points, if any, are
 * inside the online-services group's 12 that 3.1–3.3 share here).
 */
export const DEFAULT_SERVICE_INDEX_CONFIG: ServiceIndexConfig = {
  groups: {
    publicity: { maxPoints: 18 },
    progress: { maxPoints: 20 },
    online_services: { maxPoints: 12 },
    online_payment: { maxPoints: 10 },
    digitisation: { maxPoints: 22 },
    satisfaction: { maxPoints: 18 },
  },
  indicators: {
    '1.1': ind('1.1', 'publicity', 4, rate(100), 'assumption'),
    '1.2': ind('1.2', 'publicity', 4, rate(100), 'assumption', 'domain'),
    '1.3': ind('1.3', 'publicity', 4, rate(100), 'assumption'),
    '1.4': ind('1.4', 'publicity', 6, rate(100), 'assumption'),
    '2.1': ind('2.1', 'progress', 10, rate(100), 'assumption'),
    '2.2': ind('2.2', 'progress', 10, { kind: 'share_of_legal_time', fullAtPercent: 100 }, 'assumption'),
    '3.1': ind('3.1', 'online_services', 4, rate(80), 'domain'),
    '3.2': ind('3.2', 'online_services', 4, rate(100), 'assumption'),
    '3.3': ind('3.3', 'online_services', 4, rate(50), 'domain'),
    '3.5': ind('3.5', 'online_payment', 5, rate(80), 'domain'),
    '3.6': ind('3.6', 'online_payment', 5, rate(100), 'assumption'),
    '4.1': ind('4.1', 'digitisation', 4, rate(100), 'assumption'),
    '4.2': ind('4.2', 'digitisation', 5, rate(80), 'domain'),
    '4.3': ind('4.3', 'digitisation', 5, rate(80), 'domain'),
    '4.4': ind('4.4', 'digitisation', 4, rate(100), 'assumption'),
    '4.5': ind('4.5', 'digitisation', 4, rate(100), 'assumption'),
    '5.1': ind('5.1', 'satisfaction', 4, rate(100), 'assumption'),
    '5.2': ind('5.2', 'satisfaction', 4, rate(100), 'assumption'),
    '5.3': ind('5.3', 'satisfaction', 4, rate(100), 'assumption'),
    '5.4': ind('5.4', 'satisfaction', 6, rate(90), 'domain', 'domain'),
  },
};

export interface IndicatorOverride {
  maxPoints?: number | undefined;
  fullAtPercent?: number | undefined;
}

export interface ServiceIndexOverrides {
  groups?: Partial<Record<string, { maxPoints?: number | undefined }>> | undefined;
  indicators?: Partial<Record<string, IndicatorOverride>> | undefined;
}

const EPSILON = 1e-9;

/** The defaults with `overrides` applied, refused (400 INVALID_SERVICE_INDEX_CONFIG) when inconsistent. */
export function resolveServiceIndexConfig(overrides: ServiceIndexOverrides = {}, base: ServiceIndexConfig = DEFAULT_SERVICE_INDEX_CONFIG): ServiceIndexConfig {
  const issues: string[] = [];
  const groups = structuredClone(base.groups);
  const indicators = structuredClone(base.indicators);
  for (const [id, o] of Object.entries(overrides.groups ?? {})) {
    if (!(GROUP_IDS as readonly string[]).includes(id)) issues.push(`Nhóm chỉ số "${id}" không tồn tại.`);
    else if (o?.maxPoints !== undefined) groups[id as GroupId].maxPoints = o.maxPoints;
  }
  for (const [id, o] of Object.entries(overrides.indicators ?? {})) {
    if (!(INDICATOR_IDS as readonly string[]).includes(id)) {
      issues.push(`Chỉ tiêu "${id}" không tồn tại.`);
      continue;
    }
    const target = indicators[id as IndicatorId];
    if (o?.maxPoints !== undefined) target.maxPoints = o.maxPoints;
    if (o?.fullAtPercent !== undefined) target.rule = { ...target.rule, fullAtPercent: o.fullAtPercent };
  }
  issues.push(...configIssues({ groups, indicators }));
  if (issues.length > 0) throw invalid('INVALID_SERVICE_INDEX_CONFIG', `Cấu hình Bộ chỉ số 766 không hợp lệ: ${issues.join(' ')}`, { issues });
  return { groups, indicators };
}

/** A config is consistent when every number is finite and positive and each group's indicators share exactly its total. */
export function configIssues(config: ServiceIndexConfig): string[] {
  const issues: string[] = [];
  const total = GROUP_IDS.reduce((sum, g) => sum + config.groups[g].maxPoints, 0);
  if (Math.abs(total - 100) > EPSILON) issues.push(`Tổng điểm các nhóm phải là 100 (đang là ${total}).`);
  for (const g of GROUP_IDS) {
    const max = config.groups[g].maxPoints;
    if (!Number.isFinite(max) || max <= 0) issues.push(`Điểm tối đa của nhóm "${g}" phải là số dương.`);
    const members = INDICATOR_IDS.filter((id) => config.indicators[id].group === g);
    const sum = members.reduce((s, id) => s + config.indicators[id].maxPoints, 0);
    if (Math.abs(sum - max) > EPSILON) issues.push(`Tổng điểm tối đa các chỉ tiêu nhóm "${g}" (${members.join(', ')}) là ${sum}, phải bằng ${max}.`);
  }
  for (const id of INDICATOR_IDS) {
    const c = config.indicators[id];
    if (!Number.isFinite(c.maxPoints) || c.maxPoints < 0) issues.push(`Điểm tối đa của chỉ tiêu ${id} phải là số không âm.`);
    if (!Number.isFinite(c.rule.fullAtPercent) || c.rule.fullAtPercent <= 0 || c.rule.fullAtPercent > 100) {
      issues.push(`Ngưỡng đạt điểm tối đa của chỉ tiêu ${id} phải trong khoảng (0, 100] %.`);
    }
  }
  return issues;
}
