// Publication decisions: recording one (checked, append-only) rebuilds the location-free periods.
import { conflict, invalid, isAppError } from '../domain/errors.ts';
import { validatePublicationDecision, type PublicationDecision, type PublicationDecisionInput } from '../domain/catalog/publication-decision.ts';
import { locationFreeSpans } from '../domain/catalog/location-free.ts';
import { decisionExists, insertDecision, listDecisions, publicationEvents, replaceLocationFreeSpans, type DecisionSummary } from '../store/publications.ts';
import { unknownProcedureCodes } from '../store/procedures.ts';
import { appendAudit, type AuditEntry } from '../store/audit.ts';
import type { Db } from '../store/database.ts';
import type { ServiceContext } from './context.ts';

export interface PublishOptions {
  actor?: AuditEntry['actor'];
  via?: string;
}

export async function publishDecision(ctx: ServiceContext, input: PublicationDecisionInput, options: PublishOptions = {}): Promise<PublicationDecision> {
  const decision = validatePublicationDecision(input);
  if (isAppError(decision)) throw decision;
  return ctx.db.transaction().execute((trx) => recordDecision(trx, ctx, decision, options));
}

/** Records a checked decision inside the caller's transaction. */
export async function recordDecision(db: Db, ctx: ServiceContext, decision: PublicationDecision, options: PublishOptions = {}): Promise<PublicationDecision> {
  if (await decisionExists(db, ctx.provinceCode, decision.code)) {
    throw conflict('DECISION_EXISTS', `Quyết định ${decision.code} đã được ghi nhận; quyết định không sửa được, hãy ban hành quyết định mới.`, { code: decision.code });
  }
  const unknown = await unknownProcedureCodes(db, ctx.provinceCode, decision.entries.map((e) => e.procedureCode));
  if (unknown.length > 0) {
    throw invalid('UNKNOWN_PROCEDURE', `Quyết định nêu ${unknown.length} mã thủ tục không có trong danh mục: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ', …' : ''}.`, { codes: unknown });
  }
  const now = ctx.now();
  await insertDecision(db, ctx.provinceCode, decision, now, options.actor?.username ?? options.via ?? null);
  await replaceLocationFreeSpans(db, ctx.provinceCode, locationFreeSpans(await publicationEvents(db, ctx.provinceCode)));
  await appendAudit(db, {
    provinceCode: ctx.provinceCode,
    at: now,
    actor: options.actor ?? null,
    action: 'catalog.publish',
    entityType: 'publication_decision',
    entityId: decision.code,
    details: {
      via: options.via ?? 'api', kind: decision.kind, effectiveAt: new Date(decision.effectiveAt).toISOString(), isDemo: decision.isDemo,
      added: decision.entries.filter((e) => e.op === 'add').length, removed: decision.entries.filter((e) => e.op === 'remove').length,
    },
  });
  return decision;
}

export function getPublicationDecisions(ctx: ServiceContext): Promise<DecisionSummary[]> {
  return listDecisions(ctx.db, ctx.provinceCode);
}
