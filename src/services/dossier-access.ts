// Officers see and act on a dossier only when its receiving, competent or return unit lies within their
// unit's subtree (a leader of a Branch sees its Reception Points' work). Every denial is logged.
import { forbidden } from '../domain/errors.ts';
import { appendAudit } from '../store/audit.ts';
import { anyInScope } from './admin-checks.ts';
import { subtreeCodesOf } from '../store/units.ts';
import { coordinatesOn } from '../store/sub-dossiers.ts';
import type { DossierRecord } from '../store/dossiers.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';

export async function dossierInScope(ctx: ServiceContext, actor: Actor, dossier: DossierRecord): Promise<boolean> {
  if (await anyInScope(ctx.db, actor, [dossier.receivingUnitCode, dossier.competentUnitCode, dossier.returnUnitCode])) return true;
  // A coordinating agency (liên thông) reads the dossier it was asked about; acting on it stays with the
  // dossier's own units (the state machine checks the sides).
  return coordinatesOn(ctx.db, ctx.provinceCode, dossier.code, await subtreeCodesOf(ctx.db, actor.unitCode));
}

/** Throws 403 (and records the attempt) when the dossier is outside the officer's units. Runs on the
 * outer handle, before any transaction, so the record of the denial is kept. */
export async function requireDossierScope(ctx: ServiceContext, actor: Actor, dossier: DossierRecord, origin: RequestOrigin): Promise<void> {
  if (await dossierInScope(ctx, actor, dossier)) return;
  await appendAudit(ctx.db, { provinceCode: ctx.provinceCode, at: ctx.now(), actor, action: 'dossier.access_denied', entityType: 'dossier',
    entityId: dossier.code, requestId: origin.requestId, address: origin.address });
  throw forbidden('OUT_OF_SCOPE', 'Hồ sơ này không thuộc đơn vị của bạn.');
}
