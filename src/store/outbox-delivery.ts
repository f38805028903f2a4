// Reading the outbox: one pending event at a time, claimed with FOR UPDATE SKIP LOCKED inside the
// consumer's transaction, so instances share the work and none handles an event another is handling.
import type { Db } from './database.ts';

export interface OutboxEvent {
  id: number;
  topic: string;
  key: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  attempts: number;
}

export async function claimNextOutboxEvent(trx: Db, provinceCode: string, now: Date, afterId: number): Promise<OutboxEvent | undefined> {
  const row = await trx
    .selectFrom('outbox')
    .select(['id', 'topic', 'key', 'payload', 'created_at', 'attempts'])
    .where('province_code', '=', provinceCode)
    .where('delivered_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('id', '>', afterId)
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  return row ? { id: row.id, topic: row.topic, key: row.key, payload: row.payload as Record<string, unknown>, createdAt: row.created_at, attempts: row.attempts } : undefined;
}

export async function markOutboxDelivered(trx: Db, id: number, at: Date): Promise<void> {
  await trx.updateTable('outbox').set({ delivered_at: at, last_error: null }).where('id', '=', id).execute();
}

/** A consumer failed: try again after `retryAt`, or set the event aside when `giveUp`. */
export async function recordOutboxFailure(db: Db, id: number, error: string, at: Date, retryAt: Date, giveUp: boolean): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 2000), next_attempt_at: retryAt, failed_at: giveUp ? at : null }))
    .where('id', '=', id)
    .where('delivered_at', 'is', null)
    .execute();
}
