// Reading the audit log (nhật ký) for the viewer: filters, paging, and the actor-unit scope.
import type { Db } from './database.ts';

export interface AuditFilter {
  /** Only entries by actors of these units; undefined: every entry (province administrator). */
  actorUnitCodes?: readonly string[];
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
  limit: number;
  offset: number;
}

export interface AuditRow {
  id: number;
  at: Date;
  actorUsername: string | null;
  actorRoles: string[];
  actorUnitCode: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: unknown;
  requestId: string | null;
  address: string | null;
}

export async function queryAudit(db: Db, filter: AuditFilter): Promise<{ items: AuditRow[]; total: number }> {
  if (filter.actorUnitCodes && filter.actorUnitCodes.length === 0) return { items: [], total: 0 };
  let query = db.selectFrom('audit_log');
  if (filter.actorUnitCodes) query = query.where('actor_unit_code', 'in', [...filter.actorUnitCodes]);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actor) query = query.where('actor_username', '=', filter.actor);
  // An action filter ending with "." (e.g. "staff.") selects the whole family.
  if (filter.action) query = filter.action.endsWith('.') ? query.where('action', 'like', `${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : query.where('action', '=', filter.action);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({ id: Number(r.id), at: r.at, actorUsername: r.actor_username, actorRoles: r.actor_roles, actorUnitCode: r.actor_unit_code,
      action: r.action, entityType: r.entity_type, entityId: r.entity_id, details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details,
      requestId: r.request_id, address: r.address })),
  };
}
