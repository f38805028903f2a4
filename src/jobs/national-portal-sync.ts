// The national-portal sync job: claims the dossiers marked by the outbox consumer (a lease per dossier,
// so one state of a dossier is in flight at a time), reads each one's CURRENT state and sends it unless
// the portal already has it. Failures are retried with exponential backoff (never given up: a dossier
// the portal never accepted stays unsynchronised in indicator 1.4, with its last error on the row); the
// other dossiers go on meanwhile.
import { randomUUID } from 'node:crypto';
import { nationalPortalMessage, syncDecision } from '../domain/portal/national-sync.ts';
import type { ServiceContext } from '../services/context.ts';
import { portalSnapshotOf } from '../services/national-portal/dossier-snapshot.ts';
import { portalSenderFromSettings, type NationalPortalSender } from '../services/national-portal/sender.ts';
import type { JobLogger } from '../services/notifications/channel.ts';
import { claimDuePortalSyncs, markPortalSynced, markPortalSyncRetry, releasePortalSync } from '../store/national-portal-sync.ts';
import { backoffMs } from './backoff.ts';

export const NATIONAL_PORTAL_JOB = 'national-portal-sync';

export interface PortalSyncOptions {
  batch: number;
  leaseMs: number;
  log: JobLogger;
  /** Replaces the sender built from ctx.settings (read at each run: demo mode switches it on after start). */
  sender?: NationalPortalSender;
}

export interface PortalSyncReport {
  synced: number;
  skipped: number;
  retried: number;
}

export async function syncNationalPortal(ctx: ServiceContext, options: PortalSyncOptions): Promise<PortalSyncReport> {
  const report: PortalSyncReport = { synced: 0, skipped: 0, retried: 0 };
  const settings = ctx.settings.nationalPortal;
  // A send must end inside the lease, or another instance could send a newer state meanwhile and this
  // older one arrive after it: a third of the lease per request, and no new request in the last third.
  const timeoutMs = Math.min(10_000, Math.floor(options.leaseMs / 3));
  const sender = options.sender ?? portalSenderFromSettings(settings, options.log, timeoutMs);
  if (!sender) return report;
  const token = randomUUID();
  const started = performance.now();
  const claimed = await claimDuePortalSyncs(ctx.db, ctx.provinceCode, ctx.now(), options.leaseMs, options.batch, token);
  for (const row of claimed) {
    const p = ctx.provinceCode;
    if (performance.now() - started > options.leaseMs - 2 * timeoutMs) {
      await releasePortalSync(ctx.db, p, row.dossierCode, token);
      continue;
    }
    let error: string;
    try {
      const snapshot = await portalSnapshotOf(ctx, row.dossierCode);
      if (!snapshot || syncDecision({ seq: snapshot.actionCount, dueAt: snapshot.dueAt }, { seq: row.syncedSeq, dueAt: row.syncedDueAt?.getTime() ?? null }) === 'skip') {
        await markPortalSynced(ctx.db, p, row.dossierCode, token, row.pendingEventId, ctx.now());
        report.skipped += 1;
        continue;
      }
      const outcome = await sender.send(nationalPortalMessage(snapshot));
      if (outcome.ok) {
        await markPortalSynced(ctx.db, p, row.dossierCode, token, row.pendingEventId, ctx.now(), {
          seq: snapshot.actionCount, statusCode: snapshot.statusCode, dueAt: snapshot.dueAt === null ? null : new Date(snapshot.dueAt),
        });
        report.synced += 1;
        continue;
      }
      error = outcome.error;
    } catch (caught) {
      error = (caught as Error).message ?? String(caught);
    }
    const retryAt = new Date(ctx.now().getTime() + backoffMs(settings.retryBaseSeconds * 1000, row.attempts));
    await markPortalSyncRetry(ctx.db, p, row.dossierCode, token, error, retryAt);
    options.log.warn({ dossier: row.dossierCode, attempts: row.attempts, error }, 'national portal sync failed');
    report.retried += 1;
  }
  return report;
}
