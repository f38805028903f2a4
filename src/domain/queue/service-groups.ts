// Service groups (nhóm dịch vụ) a reception unit starts with, each with the letter of its ticket series.
// Units may rename, add or close groups; these are only the defaults of the demo and of a new unit.

export interface ServiceGroupSeed {
  code: string;
  name: string;
  prefix: string;
}

export const DEFAULT_SERVICE_GROUPS: readonly ServiceGroupSeed[] = [
  { code: 'HT', name: 'Hộ tịch', prefix: 'A' },
  { code: 'DD', name: 'Đất đai', prefix: 'B' },
  { code: 'KD', name: 'Kinh doanh', prefix: 'C' },
  { code: 'CT', name: 'Chứng thực', prefix: 'D' },
  { code: 'TH', name: 'Tổng hợp', prefix: 'E' },
];

/** Counters a unit gets in demo mode: at least three, each serving every group. */
export function defaultCounterCount(unitType: string): number {
  if (unitType === 'center') return 8;
  if (unitType === 'branch') return 5;
  return 3;
}
