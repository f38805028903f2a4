// What motcua sends to the national public-service portal (Cổng Dịch vụ công quốc gia, domain.md §3)
// about one dossier, and when a send is needed (docs/decisions/0030). The portal's real protocol is not
// public here: the message is a plain JSON document of the dossier's current state, nothing about the
// applicant (name, ID number, phone, address stay in the province's system).
import { CHANNEL_PORTAL_CODES, type Channel } from '../catalog/channel.ts';
import type { PortalStatusCode } from '../dossier/status.ts';

/** The message: one dossier's current state. Identical states give identical messages (the portal can
 * discard a replay); `seq` only grows with the dossier's history, so the portal can discard an older state. */
export interface NationalPortalDossier {
  provinceCode: string;
  /** Mã hồ sơ (Decree 61 art. 26). */
  dossierCode: string;
  /** The dossier's history length when this state was read (its action count). */
  seq: number;
  /** Trạng thái hồ sơ, national codes 1–10. */
  statusCode: PortalStatusCode;
  /** Kênh nộp: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích. */
  channelCode: number;
  /** The receiving agency's identifier (QCVN 102:2016/BTTTT), e.g. 000.00.53.H48. */
  agencyIdentifier: string;
  /** Mã thủ tục hành chính in the national catalogue. */
  procedureCode: string;
  /** ISO instants; receivedAt is null while an online filing waits for receipt (code 1). */
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
}

export interface DossierSnapshot {
  provinceCode: string;
  code: string;
  actionCount: number;
  statusCode: PortalStatusCode;
  channel: Channel;
  agencyIdentifier: string;
  procedureCode: string;
  receivedAt: number | null;
  dueAt: number | null;
  finishedAt: number | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function nationalPortalMessage(d: DossierSnapshot): NationalPortalDossier {
  return {
    provinceCode: d.provinceCode,
    dossierCode: d.code,
    seq: d.actionCount,
    statusCode: d.statusCode,
    channelCode: CHANNEL_PORTAL_CODES[d.channel],
    agencyIdentifier: d.agencyIdentifier,
    procedureCode: d.procedureCode,
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    finishedAt: iso(d.finishedAt),
  };
}

/** What the portal last accepted for a dossier (seq 0 = nothing yet). */
export interface SyncedState {
  seq: number;
  dueAt: number | null;
}

/**
 * Send the current state, or skip it: skipped when the portal already has this state (same history
 * length and the same promised instant, which a calendar edit may move without an action), or — never
 * expected, the history only grows — when the portal has a LATER state: an older state is never sent
 * after a newer one.
 */
export function syncDecision(current: { seq: number; dueAt: number | null }, synced: SyncedState): 'send' | 'skip' {
  if (current.seq < synced.seq) return 'skip';
  if (current.seq === synced.seq && current.dueAt === synced.dueAt) return 'skip';
  return 'send';
}
