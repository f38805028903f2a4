// The append-only audit log (nhật ký): the database refuses UPDATE and DELETE on it.
import type { Db } from './database.ts';

export interface AuditEntry {
  provinceCode: string;
  at: Date;
  actor: { username: string; roles: readonly string[]; unitCode: string } | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details?: Record<string, unknown>;
  requestId?: string | null;
  address?: string | null;
}

export async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      province_code: entry.provinceCode,
      at: entry.at,
      actor_username: entry.actor?.username ?? null,
      actor_roles: entry.actor ? [...entry.actor.roles] : [],
      actor_unit_code: entry.actor?.unitCode ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      details: JSON.stringify(entry.details ?? {}),
      request_id: entry.requestId ?? null,
      address: entry.address ?? null,
    })
    .execute();
}

export async function listAudit(db: Db, filter: { entityType?: string; entityId?: string; limit: number }) {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  return query.execute();
}
