// Sealing and verifying the audit log's hash chain (see src/domain/audit/chain.ts).
import { sql } from 'kysely';
import type { Db } from './database.ts';
import { chainHash, GENESIS_HASH, verifyChain, type AuditContent, type ChainProblem } from '../domain/audit/chain.ts';

const SEAL_LOCK_KEY = 74_0000_01;

type AuditRow = {
  id: number; province_code: string; at: Date; actor_username: string | null; actor_roles: string[]; actor_unit_code: string | null;
  action: string; entity_type: string; entity_id: string | null; details: unknown; request_id: string | null; address: string | null;
};

const contentOf = (r: AuditRow): AuditContent => ({
  id: Number(r.id), provinceCode: r.province_code, at: r.at, actorUsername: r.actor_username, actorRoles: r.actor_roles, actorUnitCode: r.actor_unit_code,
  action: r.action, entityType: r.entity_type, entityId: r.entity_id, details: r.details, requestId: r.request_id, address: r.address,
});

/** Seals every committed, unsealed entry (in id order); answers how many were sealed. */
export async function sealAuditLog(db: Db, batch = 5000): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${SEAL_LOCK_KEY})`.execute(trx);
    const last = await trx.selectFrom('audit_seals').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const rows = (await sql<AuditRow>`
      SELECT a.* FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.audit_id = a.id)
      ORDER BY a.id LIMIT ${batch}`.execute(trx)).rows;
    let previous = last?.hash ?? GENESIS_HASH;
    let seq = Number(last?.seq ?? 0);
    const seals = rows.map((row) => {
      previous = chainHash(previous, contentOf(row));
      return { seq: ++seq, audit_id: Number(row.id), hash: previous };
    });
    for (let i = 0; i < seals.length; i += 1000) await trx.insertInto('audit_seals').values(seals.slice(i, i + 1000)).execute();
    return seals.length;
  });
}

export interface ChainReport {
  entries: number;
  sealed: number;
  unsealed: number;
  lastHash: string;
  problems: ChainProblem[];
}

/** Recomputes the whole chain from the stored entries. */
export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  const seals = (await db.selectFrom('audit_seals').select(['seq', 'audit_id', 'hash']).orderBy('seq').execute())
    .map((s) => ({ seq: Number(s.seq), auditId: Number(s.audit_id), hash: s.hash }));
  const entries = new Map<number, AuditContent>();
  let lastId = 0;
  // Paged, so a long log does not need one huge result.
  for (;;) {
    const rows = (await sql<AuditRow>`SELECT * FROM audit_log WHERE id > ${lastId} ORDER BY id LIMIT 10000`.execute(db)).rows;
    if (rows.length === 0) break;
    for (const r of rows) entries.set(Number(r.id), contentOf(r));
    lastId = Number(rows[rows.length - 1]!.id);
  }
  const { problems, lastHash } = verifyChain(seals, entries);
  const sealedIds = new Set(seals.map((s) => s.auditId));
  return { entries: entries.size, sealed: seals.length, unsealed: [...entries.keys()].filter((id) => !sealedIds.has(id)).length, lastHash, problems };
}
