// A dossier's current state as the national portal sees it: the national status code (with the online
// sub-steps 1 and 3 and the pause reason), channel, receiving agency identifier and instants. Nothing
// about the applicant is read into it.
import { portalCodeOf } from '../../domain/portal/online-filing.ts';
import type { DossierSnapshot } from '../../domain/portal/national-sync.ts';
import { findDossier, listActions } from '../../store/dossiers.ts';
import type { ServiceContext } from '../context.ts';
import { clockEventsOf, factsOf } from '../dossier-history.ts';

export async function portalSnapshotOf(ctx: ServiceContext, code: string): Promise<DossierSnapshot | undefined> {
  const dossier = await findDossier(ctx.db, ctx.provinceCode, code);
  if (!dossier) return undefined;
  const actions = await listActions(ctx.db, ctx.provinceCode, code);
  const facts = factsOf(dossier, actions);
  const refusedOnline = actions.some((a) => a.type === 'refuse_online');
  // Before an online filing is received (or when its receipt was refused) no legal clock runs.
  const received = clockEventsOf(actions).length > 0;
  return {
    provinceCode: ctx.provinceCode,
    code: dossier.code,
    actionCount: dossier.actionCount,
    statusCode: portalCodeOf(dossier.status, { rejectedAtReceipt: facts.rejectedAtReceipt, refusedOnline, pauseReason: facts.pauseReason }),
    channel: dossier.channel,
    // The identifier the receiving agency had at receipt, as the dossier code carries it (Decree 61 art. 26).
    agencyIdentifier: dossier.code.split('-')[0]!,
    procedureCode: dossier.procedureCode,
    receivedAt: received ? dossier.receivedAt.getTime() : null,
    dueAt: dossier.dueAt?.getTime() ?? null,
    finishedAt: dossier.finishedAt?.getTime() ?? null,
  };
}
