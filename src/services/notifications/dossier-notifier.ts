// Outbox consumer: a dossier's status events become messages to its applicant (e-mail when an address
// was given, SMS to the mobile number always), queued in the consumer's transaction. Dedupe keys name
// the cause, so handling an event twice (a retry after a crash) queues nothing new.
import type { ProcedureClock } from '../../domain/sla/index.ts';
import { formatInstantVN } from '../../domain/time/instant.ts';
import { findDossier, listActions, type ActionRecord, type DossierRecord } from '../../store/dossiers.ts';
import { enqueueNotifications, type NotificationChannel, type NotificationRequest } from '../../store/notifications.ts';
import type { OutboxEvent } from '../../store/outbox-delivery.ts';
import { findUnit } from '../../store/units.ts';
import type { Db } from '../../store/database.ts';
import { unitCalendar } from '../calendar.ts';
import type { ServiceContext } from '../context.ts';
import { clockEventsOf, clockOf } from '../dossier-history.ts';

interface StatusEvent {
  code: string;
  status: string;
  action?: string;
  at?: string;
}

export interface ApplicantMessage {
  template: string;
  /** Distinguishes causes that may happen more than once (each supplement request). */
  cause: string;
  payload: Record<string, unknown>;
}

export const DOSSIER_STATUS_TOPIC = 'dossier.status_changed';
/** Written when a calendar edit (a day off declared after intake) moves running due dates. */
export const DOSSIER_DUE_CHANGED_TOPIC = 'dossier.due_changed';

export async function notifyApplicantOfStatus(ctx: ServiceContext, trx: Db, event: OutboxEvent): Promise<void> {
  const change = event.payload as unknown as StatusEvent;
  const dossier = await findDossier(trx, ctx.provinceCode, change.code);
  if (!dossier) return;
  const message = await messageFor(ctx, trx, dossier, change);
  if (message) await queueForApplicant(ctx, trx, dossier, message);
}

/** The promised date moved with the calendar: the applicant learns the new date (while the dossier runs). */
export async function notifyApplicantOfNewDueDate(ctx: ServiceContext, trx: Db, event: OutboxEvent): Promise<void> {
  const change = event.payload as { code?: string; dueBefore?: string; dueAfter?: string };
  if (!change.code || !change.dueAfter) return;
  const dossier = await findDossier(trx, ctx.provinceCode, change.code);
  if (!dossier || dossier.finishedAt !== null) return;
  await queueForApplicant(ctx, trx, dossier, {
    template: 'dossier.due_changed', cause: `due_changed:${Date.parse(change.dueAfter)}`,
    payload: { previousDueAt: change.dueBefore ?? null, newDueAt: change.dueAfter },
  });
}

async function queueForApplicant(ctx: ServiceContext, trx: Db, dossier: DossierRecord, message: ApplicantMessage): Promise<void> {
  await enqueueNotifications(trx, ctx.provinceCode, applicantRequests(dossier, message));
}

/**
 * The requests of one message to a dossier's applicant: SMS to the mobile number always, e-mail first when
 * an address was given; the dedupe key names the dossier, the cause and the channel.
 */
export function applicantRequests(dossier: Pick<DossierRecord, 'code' | 'procedureName' | 'applicant' | 'applicantPhone'>, message: ApplicantMessage): NotificationRequest[] {
  const applicant = dossier.applicant as { fullName?: string; email?: string | null };
  const recipients: Array<[NotificationChannel, string]> = [['sms', dossier.applicantPhone]];
  if (typeof applicant.email === 'string' && applicant.email.includes('@')) recipients.unshift(['email', applicant.email.trim()]);
  const payload = { code: dossier.code, procedureName: dossier.procedureName, applicantName: applicant.fullName ?? '', ...message.payload };
  return recipients.map(([channel, recipient]) => ({
    channel, recipient, template: message.template, payload, subjectKind: 'dossier', subjectCode: dossier.code,
    dedupeKey: `dossier:${dossier.code}:${message.cause}:${channel}`,
  }));
}

async function messageFor(ctx: ServiceContext, trx: Db, dossier: DossierRecord, change: StatusEvent): Promise<ApplicantMessage | undefined> {
  const received = async (): Promise<ApplicantMessage> => ({ template: 'dossier.received', cause: 'received', payload: {
    receivedAt: formatInstantVN(dossier.receivedAt.getTime()),
    dueAt: dossier.dueAt ? formatInstantVN(dossier.dueAt.getTime()) : null,
    ...(await returnPlace(trx, dossier)),
  } });
  if (change.action === undefined) return change.status === 'received' ? received() : undefined;
  // An online filing: the receipt (or its refusal) by the officer is the citizen's "received" message.
  if (change.action === 'receive_online') return received();
  const actions = await listActions(trx, ctx.provinceCode, dossier.code);
  const action = actionOf(actions, change);
  if (!action) return undefined;
  switch (change.action) {
    case 'request_supplement': {
      const request = (action.payload as { request?: { missingDocuments?: unknown } }).request;
      return { template: 'dossier.supplement_requested', cause: `supplement_requested:${action.seq}`, payload: {
        reason: action.reason, requestedAt: formatInstantVN(action.at.getTime()),
        missingDocuments: Array.isArray(request?.missingDocuments) ? request.missingDocuments : [],
      } };
    }
    case 'extend': {
      const before = await dueAfter(ctx, trx, dossier, actions, action.seq - 1);
      const after = await dueAfter(ctx, trx, dossier, actions, action.seq);
      return { template: 'dossier.extended', cause: 'extended', payload: {
        reason: action.reason, previousDueAt: formatInstantVN(before.dueAt), newDueAt: formatInstantVN(after.dueAt),
      } };
    }
    case 'record_result': {
      const clock = await dueAfter(ctx, trx, dossier, actions, action.seq);
      const early = clock.finish?.outcome === 'early';
      return { template: early ? 'dossier.completed_early' : 'dossier.result_ready', cause: 'result_ready', payload: {
        readyAt: formatInstantVN(action.at.getTime()), dueAt: formatInstantVN(clock.dueAt), ...(await returnPlace(trx, dossier)),
      } };
    }
    case 'reject':
    case 'refuse_online':
      return { template: 'dossier.rejected', cause: 'rejected', payload: { reason: action.reason } };
    default:
      return undefined;
  }
}

/** The history row the event is about: the last action of that type at or before the event's instant. */
function actionOf(actions: readonly ActionRecord[], change: StatusEvent): ActionRecord | undefined {
  const at = change.at ? Date.parse(change.at) : Number.POSITIVE_INFINITY;
  return [...actions].reverse().find((a) => a.type === change.action && a.at.getTime() <= at);
}

/** The clock as it stood after history row `seq` (for the due date before and after an extension). */
async function dueAfter(ctx: ServiceContext, trx: Db, dossier: DossierRecord, actions: readonly ActionRecord[], seq: number) {
  const calendar = await unitCalendar(ctx, dossier.receivingUnitCode, trx);
  const upTo = actions.filter((a) => a.seq <= seq);
  const last = upTo[upTo.length - 1];
  return clockOf(calendar, dossier.clock as ProcedureClock, clockEventsOf(upTo), last ? last.at.getTime() : dossier.receivedAt.getTime());
}

async function returnPlace(trx: Db, dossier: DossierRecord): Promise<{ returnPlace: string; byPost: boolean }> {
  const unit = await findUnit(trx, dossier.returnUnitCode);
  return { returnPlace: unit?.name ?? dossier.returnUnitCode, byPost: dossier.returnByPost };
}
