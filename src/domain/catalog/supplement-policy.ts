// How a supplement moves a procedure's clock (open per procedure, domain.md §3.5): `restart` — the time
// limit starts again from zero once the complete dossier is received (Decree 61/2018 art. 19 cl. 4, the
// default) — or `pause` — the time the applicant took is not counted, the rest of the limit resumes.
import type { SupplementPolicy } from '../sla/index.ts';
import { foldVietnamese } from './text.ts';

export const DEFAULT_SUPPLEMENT_POLICY: SupplementPolicy = 'restart';

export const SUPPLEMENT_POLICY_LABELS_VI: Record<SupplementPolicy, string> = {
  restart: 'Tính lại thời hạn từ khi nhận đủ hồ sơ bổ sung',
  pause: 'Tạm dừng thời hạn trong thời gian bổ sung, tiếp tục khi nhận đủ',
};

const ALIASES: Record<string, SupplementPolicy> = {
  restart: 'restart', 'tinh lai': 'restart', 'tinh lai tu dau': 'restart', 'tinh lai thoi han': 'restart',
  pause: 'pause', 'tam dung': 'pause', 'dung dong ho': 'pause', 'tru thoi gian bo sung': 'pause',
};

/** `undefined` when not given (the version keeps no setting), `null` when given but not understood. */
export function parseSupplementPolicy(value: unknown): SupplementPolicy | undefined | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  if (typeof value !== 'string') return null;
  return ALIASES[foldVietnamese(value).replace(/\s+/g, ' ').trim()] ?? null;
}

/** The policy a dossier of this version follows. */
export function supplementPolicyOf(content: { supplementPolicy?: SupplementPolicy | undefined }): SupplementPolicy {
  return content.supplementPolicy ?? DEFAULT_SUPPLEMENT_POLICY;
}
