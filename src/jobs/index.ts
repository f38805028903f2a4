// The background jobs of `motcua serve`, built from the settings: the dossier timer scan, the outbox
// dispatcher, the notification delivery, the national-portal sync, scheduled restructuring plans, the
// audit log's sealing and the dashboard's end-of-day snapshots. Returned unstarted; `serve` starts them and
// stops them on SIGTERM, tests call `runOnce(name)` with an injected clock.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../services/context.ts';
import { channelsFromSettings } from '../services/notifications/channels.ts';
import { SILENT_LOGGER, type Channels, type JobLogger } from '../services/notifications/channel.ts';
import { DEFAULT_TIMER_POLICY } from '../domain/sla/dossier-timers.ts';
import { scanDossierTimers, TIMER_JOB } from './dossier-timers.ts';
import { deliverNotifications } from './notification-delivery.ts';
import { dispatchOutbox } from './outbox-dispatch.ts';
import { OUTBOX_CONSUMERS, type OutboxConsumer } from './outbox-consumers.ts';
import { JobRunner } from './runner.ts';
import { NATIONAL_PORTAL_JOB, syncNationalPortal } from './national-portal-sync.ts';
import { applyScheduledPlans, RESTRUCTURE_JOB } from './restructure-plans.ts';
import { sealAuditLog } from '../store/audit-chain.ts';
import { STATS_SNAPSHOT_JOB, takeDueSnapshots } from './stats-snapshots.ts';

export const OUTBOX_JOB = 'outbox';
export const DELIVERY_JOB = 'notification-delivery';
export const AUDIT_SEAL_JOB = 'audit-seal';
export { RESTRUCTURE_JOB, STATS_SNAPSHOT_JOB, NATIONAL_PORTAL_JOB };

export interface JobOptions {
  demo?: boolean;
  log?: JobLogger;
  /** Replaces the channels built from the settings (tests). */
  channels?: Channels;
  consumers?: readonly OutboxConsumer[];
  /** Identifies this instance in job leases. */
  holder?: string;
}

export interface BackgroundJobs {
  runner: JobRunner;
  channels: Channels;
  runOnce(name: string): ReturnType<JobRunner['runOnce']>;
  /** Stops the jobs (waiting for runs in flight) and closes the channels. */
  stop(): Promise<void>;
}

export function createJobs(ctx: ServiceContext, options: JobOptions = {}): BackgroundJobs {
  const log = options.log ?? SILENT_LOGGER;
  const { jobs: settings, notifications } = ctx.settings;
  const built = options.channels ? undefined : channelsFromSettings(notifications, { demo: options.demo ?? false, log });
  const channels = options.channels ?? built!;
  const holder = options.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = settings.leaseSeconds * 1000;
  const runner = new JobRunner([
    {
      name: TIMER_JOB,
      intervalMs: settings.timerIntervalSeconds * 1000,
      run: async () => ({ ...(await scanDossierTimers(ctx, { holder, leaseMs, policy: { ...DEFAULT_TIMER_POLICY, dueSoonPercent: settings.dueSoonPercent } })) }),
    },
    {
      name: OUTBOX_JOB,
      intervalMs: settings.outboxIntervalSeconds * 1000,
      run: async () => ({ ...(await dispatchOutbox(ctx, { consumers: options.consumers ?? OUTBOX_CONSUMERS, batch: 200, maxAttempts: 10, retryBaseMs: 30_000 })) }),
    },
    {
      name: DELIVERY_JOB,
      intervalMs: settings.deliveryIntervalSeconds * 1000,
      run: async () => ({ ...(await deliverNotifications(ctx, {
        channels, batch: 50, leaseMs, maxAttempts: notifications.maxAttempts, retryBaseMs: notifications.retryBaseSeconds * 1000,
        publicUrl: notifications.publicUrl, log,
      })) }),
    },
    {
      // Polled as often as notification delivery; does nothing while MOTCUA_NATIONAL_PORTAL=none.
      name: NATIONAL_PORTAL_JOB,
      intervalMs: settings.deliveryIntervalSeconds * 1000,
      run: async () => ({ ...(await syncNationalPortal(ctx, { batch: 50, leaseMs, log })) }),
    },
    {
      // Checked as often as the dossier timers (each minute by default).
      name: RESTRUCTURE_JOB,
      intervalMs: settings.timerIntervalSeconds * 1000,
      run: async () => ({ ...(await applyScheduledPlans(ctx, { holder, leaseMs, log: (ids) => log.info({ plans: ids }, 'restructure: plans applied') })) }),
    },
    {
      // The audit log is sealed into its hash chain a few seconds after entries commit (motcua audit verify);
      // an advisory lock inside makes instances take turns.
      name: AUDIT_SEAL_JOB,
      intervalMs: 10_000,
      run: async () => ({ sealed: await sealAuditLog(ctx.db) }),
    },
    {
      // End-of-day in-progress snapshots for the dashboard (decision 0026); checked as often as the timers.
      name: STATS_SNAPSHOT_JOB,
      intervalMs: settings.timerIntervalSeconds * 1000,
      run: async () => ({ ...(await takeDueSnapshots(ctx, { holder, leaseMs })) }),
    },
  ], log);
  return {
    runner,
    channels,
    runOnce: (name) => runner.runOnce(name),
    stop: async () => {
      await runner.stop();
      built?.close();
    },
  };
}
