// Who consumes which outbox topics. A consumer runs inside the transaction that claims the event and
// marks it delivered, so what it writes commits exactly when the event counts as handled; it must be
// idempotent (a crash after its work but before commit rolls both back; a retry runs it again).
// Other features add their consumer to OUTBOX_CONSUMERS (e.g. statistics facts).
import type { ServiceContext } from '../services/context.ts';
import { DOSSIER_DUE_CHANGED_TOPIC, DOSSIER_STATUS_TOPIC, notifyApplicantOfNewDueDate, notifyApplicantOfStatus } from '../services/notifications/dossier-notifier.ts';
import { markDossierForNationalPortal, NATIONAL_PORTAL_TOPICS } from '../services/national-portal/sync-consumer.ts';
import type { Db } from '../store/database.ts';
import type { OutboxEvent } from '../store/outbox-delivery.ts';

export interface OutboxConsumer {
  name: string;
  /** Topics handled; '*' for every topic. */
  topics: readonly string[] | '*';
  handle(ctx: ServiceContext, trx: Db, event: OutboxEvent): Promise<void>;
}

export const OUTBOX_CONSUMERS: OutboxConsumer[] = [
  { name: 'applicant-notifications', topics: [DOSSIER_STATUS_TOPIC], handle: notifyApplicantOfStatus },
  { name: 'applicant-due-date-changes', topics: [DOSSIER_DUE_CHANGED_TOPIC], handle: notifyApplicantOfNewDueDate },
  { name: 'national-portal-sync', topics: NATIONAL_PORTAL_TOPICS, handle: markDossierForNationalPortal },
];

export function consumersOf(consumers: readonly OutboxConsumer[], topic: string): OutboxConsumer[] {
  return consumers.filter((c) => c.topics === '*' || c.topics.includes(topic));
}
