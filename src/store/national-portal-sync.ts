// Per-dossier synchronisation state with the national public-service portal (migration 0030,
// docs/decisions/0030). The outbox consumer marks a dossier pending; the sync job claims due rows under
// a lease (attempt counted at the claim, as notification delivery does), sends outside any transaction,
// and records the outcome only while it still holds the claim (`claim_token`), so an instance whose
// lease expired mid-send cannot overwrite what a later claim recorded.
import { sql } from 'kysely';
import type { Db } from './database.ts';
import { eventWhere, type EventScope } from './service-index.ts';

/** The dossier changed (outbox event `eventId`): due now, unless it is waiting out a failure's backoff. */
export async function markPortalSyncPending(db: Db, provinceCode: string, dossierCode: string, eventId: number, now: Date): Promise<void> {
  await sql`INSERT INTO national_portal_sync (province_code, dossier_code, pending_event_id, next_attempt_at)
    VALUES (${provinceCode}, ${dossierCode}, ${eventId}, ${now})
    ON CONFLICT (province_code, dossier_code) DO UPDATE SET
      pending_event_id = GREATEST(national_portal_sync.pending_event_id, EXCLUDED.pending_event_id),
      next_attempt_at = CASE WHEN national_portal_sync.attempts = 0
        THEN LEAST(national_portal_sync.next_attempt_at, EXCLUDED.next_attempt_at) ELSE national_portal_sync.next_attempt_at END`.execute(db);
}

export interface ClaimedPortalSync {
  dossierCode: string;
  pendingEventId: number;
  syncedSeq: number;
  syncedDueAt: Date | null;
  /** Including this one. */
  attempts: number;
}

export async function claimDuePortalSyncs(db: Db, provinceCode: string, now: Date, leaseMs: number, limit: number, token: string): Promise<ClaimedPortalSync[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const result = await sql<{ dossier_code: string; pending_event_id: number; synced_seq: number; synced_due_at: Date | null; attempts: number }>`
    UPDATE national_portal_sync SET attempts = attempts + 1, lease_until = ${leaseUntil}, claim_token = ${token}
    WHERE province_code = ${provinceCode} AND dossier_code IN (
      SELECT dossier_code FROM national_portal_sync
      WHERE province_code = ${provinceCode} AND pending_event_id > synced_event_id AND next_attempt_at <= ${now}
        AND (lease_until IS NULL OR lease_until <= ${now})
      ORDER BY next_attempt_at, dossier_code LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING dossier_code, pending_event_id, synced_seq, synced_due_at, attempts`.execute(db);
  return result.rows
    .map((r) => ({ dossierCode: r.dossier_code, pendingEventId: Number(r.pending_event_id), syncedSeq: Number(r.synced_seq), syncedDueAt: r.synced_due_at, attempts: Number(r.attempts) }))
    .sort((a, b) => a.dossierCode.localeCompare(b.dossierCode));
}

const claimed = (db: Db, provinceCode: string, dossierCode: string, token: string) =>
  db.updateTable('national_portal_sync').where('province_code', '=', provinceCode).where('dossier_code', '=', dossierCode).where('claim_token', '=', token);

/** The portal accepted the state (`sent`), or already had it (`sent` undefined): events up to `eventId` are handled. */
export async function markPortalSynced(
  db: Db, provinceCode: string, dossierCode: string, token: string, eventId: number, now: Date,
  sent?: { seq: number; statusCode: number; dueAt: Date | null },
): Promise<void> {
  await claimed(db, provinceCode, dossierCode, token)
    .set({
      synced_event_id: sql<number>`GREATEST(synced_event_id, ${eventId})`,
      ...(sent ? { synced_seq: sent.seq, synced_status_code: sent.statusCode, synced_due_at: sent.dueAt, synced_at: now } : {}),
      attempts: 0, last_error: null, lease_until: null, claim_token: null,
      // Events handled while the state was in flight make it due again at once.
      next_attempt_at: now,
    })
    .execute();
}

export async function markPortalSyncRetry(db: Db, provinceCode: string, dossierCode: string, token: string, error: string, retryAt: Date): Promise<void> {
  await claimed(db, provinceCode, dossierCode, token)
    .set({ last_error: error.slice(0, 2000), next_attempt_at: retryAt, lease_until: null, claim_token: null })
    .execute();
}

/** Gives a claimed row back untouched (the job ran out of lease time before reaching it). */
export async function releasePortalSync(db: Db, provinceCode: string, dossierCode: string, token: string): Promise<void> {
  await claimed(db, provinceCode, dossierCode, token)
    .set((eb) => ({ attempts: eb('attempts', '-', 1), lease_until: null, claim_token: null }))
    .execute();
}

/**
 * Indicator 1.4: dossiers received in the scope and period (the reporting events, so sub-dossiers are never
 * counted), and of those, the ones whose latest state the portal has (same history length and promised
 * instant as the dossier row now).
 */
export async function portalSyncCounts(db: Db, provinceCode: string, s: EventScope): Promise<{ received: number; synced: number }> {
  if (s.unitCodes.length === 0) return { received: 0, synced: 0 };
  const r = await sql<{ received: number; synced: number }>`
    SELECT count(*)::bigint AS received,
           count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM national_portal_sync n JOIN dossiers d ON d.province_code = n.province_code AND d.code = n.dossier_code
              WHERE n.province_code = e.province_code AND n.dossier_code = e.dossier_code
                AND n.synced_seq = d.action_count AND n.synced_due_at IS NOT DISTINCT FROM d.due_at))::bigint AS synced
      FROM stats_events e WHERE ${eventWhere(provinceCode, s)} AND e.action = 'receive'`.execute(db);
  return { received: Number(r.rows[0]?.received ?? 0), synced: Number(r.rows[0]?.synced ?? 0) };
}
