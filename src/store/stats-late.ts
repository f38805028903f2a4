// Open dossiers past or near their due instant, with their current step, the officer who holds them
// and the last actor — read in pages (or streamed in batches for exports).
import { sql } from 'kysely';
import type { Db } from './database.ts';
import type { SnapshotFilter } from './stats.ts';

export interface LateRow {
  code: string;
  procedureCode: string;
  procedureName: string;
  receivingUnitCode: string;
  competentUnitCode: string;
  status: string;
  receivedAt: Date;
  dueAt: Date;
  lastStep: string;
  lastStepAt: Date;
  lastActor: string;
  handlerUsername: string | null;
  handlerName: string | null;
}

/**
 * Unfinished dossiers in scope whose due instant is before `dueBefore` (overdue: now; due soon: one
 * working day ahead), excluding clocks paused for the citizen; most overdue first. `after` pages by key.
 */
export async function listLateDossiers(db: Db, provinceCode: string, f: SnapshotFilter, dueBefore: Date, page: { limit: number; after?: { dueAt: Date; code: string } | undefined }):
  Promise<LateRow[]> {
  if (f.unitCodes.length === 0) return [];
  const parts = [
    sql`d.province_code = ${provinceCode}`,
    sql`d.finished_at IS NULL`,
    sql`d.due_at < ${dueBefore}`,
    sql`d.status NOT IN ('awaiting_supplement', 'paused')`,
    sql`(d.receiving_unit_code = ANY(${[...f.unitCodes]}::text[]) OR d.competent_unit_code = ANY(${[...f.unitCodes]}::text[]))`,
    sql`(to_jsonb(d) ->> 'parent_code') IS NULL`,
  ];
  if (f.procedureCodes) parts.push(sql`d.procedure_code = ANY(${[...f.procedureCodes]}::text[])`);
  if (f.receivingCodes) parts.push(sql`d.receiving_unit_code = ANY(${[...f.receivingCodes]}::text[])`);
  if (f.competentUnitCode) parts.push(sql`d.competent_unit_code = ${f.competentUnitCode}`);
  if (page.after) parts.push(sql`(d.due_at, d.code) > (${page.after.dueAt}, ${page.after.code})`);
  const result = await sql<{ code: string; procedure_code: string; procedure_name: string; receiving_unit_code: string; competent_unit_code: string;
    status: string; received_at: Date; due_at: Date; last_type: string; last_at: Date; last_actor: string; handler: string | null; handler_name: string | null }>`
    SELECT d.code, d.procedure_code, d.procedure_name, d.receiving_unit_code, d.competent_unit_code, d.status, d.received_at, d.due_at,
           l.type AS last_type, l.at AS last_at, l.actor_username AS last_actor, h.handler, s.full_name AS handler_name
    FROM dossiers d
    JOIN LATERAL (SELECT a.type, a.at, a.actor_username FROM dossier_actions a
                  WHERE a.province_code = d.province_code AND a.dossier_code = d.code ORDER BY a.seq DESC LIMIT 1) l ON true
    LEFT JOIN LATERAL (SELECT e ->> 'username' AS handler FROM dossier_actions a, jsonb_array_elements(COALESCE(a.payload -> 'decision' -> 'effects', '[]'::jsonb)) e
                  WHERE a.province_code = d.province_code AND a.dossier_code = d.code AND e ->> 'kind' = 'handler' ORDER BY a.seq DESC LIMIT 1) h ON true
    LEFT JOIN staff_users s ON lower(s.username) = lower(h.handler)
    WHERE ${sql.join(parts, sql` AND `)}
    ORDER BY d.due_at, d.code LIMIT ${page.limit}`.execute(db);
  return result.rows.map((r) => ({
    code: r.code, procedureCode: r.procedure_code, procedureName: r.procedure_name, receivingUnitCode: r.receiving_unit_code,
    competentUnitCode: r.competent_unit_code, status: r.status, receivedAt: r.received_at, dueAt: r.due_at, lastStep: r.last_type,
    lastStepAt: r.last_at, lastActor: r.last_actor, handlerUsername: r.handler, handlerName: r.handler_name,
  }));
}
