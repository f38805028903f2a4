// Outbox consumer: a dossier event marks the dossier "to synchronise" with the national portal, in the
// outbox transaction (no HTTP there: a slow or failing portal must not hold the outbox or its locks).
// The sync job (src/jobs/national-portal-sync.ts) sends the dossier's state later. Idempotent: handling
// an event twice raises nothing (the pending mark keeps the highest event id).
import { findDossier } from '../../store/dossiers.ts';
import type { Db } from '../../store/database.ts';
import { markPortalSyncPending } from '../../store/national-portal-sync.ts';
import type { OutboxEvent } from '../../store/outbox-delivery.ts';
import type { ServiceContext } from '../context.ts';
import { DOSSIER_DUE_CHANGED_TOPIC, DOSSIER_STATUS_TOPIC } from '../notifications/dossier-notifier.ts';

/** The events that change what the portal shows: the status, and the promised date (a calendar edit). */
export const NATIONAL_PORTAL_TOPICS = [DOSSIER_STATUS_TOPIC, DOSSIER_DUE_CHANGED_TOPIC] as const;

export async function markDossierForNationalPortal(ctx: ServiceContext, trx: Db, event: OutboxEvent): Promise<void> {
  if (ctx.settings.nationalPortal.mode === 'none') return;
  const payloadCode = (event.payload as { code?: unknown }).code;
  const code = typeof payloadCode === 'string' ? payloadCode : event.key;
  if (!(await findDossier(trx, ctx.provinceCode, code))) return;
  await markPortalSyncPending(trx, ctx.provinceCode, code, event.id, ctx.now());
}
