// The outbox job: hands each pending event to the consumers of its topic, one event per transaction.
// Instances share the queue (FOR UPDATE SKIP LOCKED); a failing event is retried with backoff and set
// aside after `maxAttempts`, never blocking the events behind it.
import type { ServiceContext } from '../services/context.ts';
import { claimNextOutboxEvent, markOutboxDelivered, recordOutboxFailure, type OutboxEvent } from '../store/outbox-delivery.ts';
import { consumersOf, type OutboxConsumer } from './outbox-consumers.ts';
import { backoffMs } from './backoff.ts';

export interface OutboxDispatchOptions {
  consumers: readonly OutboxConsumer[];
  batch: number;
  maxAttempts: number;
  retryBaseMs: number;
}

export async function dispatchOutbox(ctx: ServiceContext, options: OutboxDispatchOptions): Promise<{ handled: number; failed: number }> {
  let handled = 0;
  let failed = 0;
  let afterId = 0;
  for (let i = 0; i < options.batch; i++) {
    const now = ctx.now();
    let claimed: OutboxEvent | undefined;
    try {
      const event = await ctx.db.transaction().execute(async (trx) => {
        const next = await claimNextOutboxEvent(trx, ctx.provinceCode, now, afterId);
        if (!next) return undefined;
        claimed = next;
        for (const consumer of consumersOf(options.consumers, next.topic)) await consumer.handle(ctx, trx, next);
        await markOutboxDelivered(trx, next.id, now);
        return next;
      });
      if (!event) break;
      afterId = event.id;
      handled += 1;
    } catch (error) {
      if (!claimed) throw error;
      const attempts = claimed.attempts + 1;
      const giveUp = attempts >= options.maxAttempts;
      await recordOutboxFailure(ctx.db, claimed.id, (error as Error).message ?? String(error), now,
        new Date(now.getTime() + backoffMs(options.retryBaseMs, attempts)), giveUp);
      afterId = claimed.id;
      failed += 1;
    }
  }
  return { handled, failed };
}
