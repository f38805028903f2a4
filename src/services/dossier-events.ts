// Workflow events that do not change the dossier's status (a paper handover, a sub-dossier opened,
// answered or closed) are still appended to the dossier's history, with who, role, unit and instant,
// and move the dossier's action counter — so they race with status actions under the same
// one-winner rule (the loser gets 409) and show in the timeline.
import { conflict, isAppError } from '../domain/errors.ts';
import { appendAction, advanceDossier, type DossierRecord } from '../store/dossiers.ts';
import { appendAudit } from '../store/audit.ts';
import type { Db } from '../store/database.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';

export interface DossierEvent {
  type: string;
  reason: string | null;
  payload: Record<string, unknown>;
}

/** Appends the event as the dossier's next history row; returns its sequence number. */
export async function appendDossierEvent(
  ctx: ServiceContext, trx: Db, dossier: DossierRecord, actor: Actor, event: DossierEvent, now: Date, origin?: RequestOrigin,
): Promise<number> {
  const seq = dossier.actionCount + 1;
  try {
    await appendAction(trx, ctx.provinceCode, dossier.code, {
      seq, type: event.type, at: now, actorUsername: actor.username, actorRoles: actor.roles, actorUnitCode: actor.unitCode,
      fromStatus: dossier.status, toStatus: dossier.status, reason: event.reason, payload: event.payload, clockEvents: [],
    });
  } catch (error) {
    if (!isAppError(error) && (error as { code?: string } | null)?.code === '23505') throw concurrentChange();
    throw error;
  }
  const moved = await advanceDossier(trx, ctx.provinceCode, dossier.code, dossier.actionCount, {
    status: dossier.status, dueAt: dossier.dueAt, finishedAt: dossier.finishedAt, at: now,
  });
  if (!moved) throw concurrentChange();
  await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor, action: `dossier.${event.type}`, entityType: 'dossier', entityId: dossier.code,
    details: event.payload, requestId: origin?.requestId ?? null, address: origin?.address ?? null });
  return seq;
}

export const concurrentChange = () => conflict('CONCURRENT_ACTION', 'Hồ sơ vừa được người khác xử lý; vui lòng tải lại và thử lại.');
