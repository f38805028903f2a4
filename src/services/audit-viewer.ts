// The audit log viewer: a province administrator reads every entry; another administrator reads the
// entries written by actors of its unit subtree.
import { parseDateOrInstant } from '../domain/time/instant.ts';
import { queryAudit, type AuditRow } from '../store/audit-query.ts';
import { findUnit, subtreeCodesOf } from '../store/units.ts';
import { requireAdminRole } from './admin-checks.ts';
import type { Actor, ServiceContext } from './context.ts';

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

const DAY_MS = 86_400_000;

export async function readAudit(ctx: ServiceContext, actor: Actor, query: AuditQuery): Promise<{ items: AuditRow[]; total: number }> {
  requireAdminRole(actor, 'Chỉ quản trị viên được xem nhật ký.');
  const unit = await findUnit(ctx.db, actor.unitCode);
  const actorUnitCodes = unit && unit.parentCode === null ? undefined : await subtreeCodesOf(ctx.db, actor.unitCode);
  const from = query.from ? new Date(parseDateOrInstant(query.from, 'from')) : undefined;
  // A date as `to` includes that whole day.
  const to = query.to ? new Date(parseDateOrInstant(query.to, 'to') + (/^\d{4}-\d{2}-\d{2}$/.test(query.to.trim()) ? DAY_MS : 0)) : undefined;
  return queryAudit(ctx.db, { actorUnitCodes, entityType: query.entityType || undefined, entityId: query.entityId || undefined,
    actor: query.actor || undefined, action: query.action || undefined, from, to, limit: query.limit ?? 50, offset: query.offset ?? 0 });
}
