// Publication decisions (append-only) and the location-free periods derived from them.
import { sql } from 'kysely';
import type { Db } from './database.ts';
import type { PublicationDecision } from '../domain/catalog/publication-decision.ts';
import type { LocationFreeSpan, PublicationEvent } from '../domain/catalog/location-free.ts';

export async function decisionExists(db: Db, provinceCode: string, code: string): Promise<boolean> {
  const row = await db.selectFrom('publication_decisions').select('code').where('province_code', '=', provinceCode).where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

export async function insertDecision(db: Db, provinceCode: string, decision: PublicationDecision, createdAt: Date, createdBy: string | null): Promise<void> {
  await db
    .insertInto('publication_decisions')
    .values({
      province_code: provinceCode,
      code: decision.code,
      title: decision.title,
      kind: decision.kind,
      effective_at: new Date(decision.effectiveAt),
      is_demo: decision.isDemo,
      note: decision.note,
      created_at: createdAt,
      created_by: createdBy,
    })
    .execute();
  for (let i = 0; i < decision.entries.length; i += 1000) {
    await db
      .insertInto('publication_decision_entries')
      .values(decision.entries.slice(i, i + 1000).map((e) => ({
        province_code: provinceCode, decision_code: decision.code, procedure_code: e.procedureCode, op: e.op,
      })))
      .execute();
  }
}

export async function publicationEvents(db: Db, provinceCode: string): Promise<PublicationEvent[]> {
  const rows = await db
    .selectFrom('publication_decision_entries as e')
    .innerJoin('publication_decisions as d', (join) => join.onRef('d.province_code', '=', 'e.province_code').onRef('d.code', '=', 'e.decision_code'))
    .select(['e.procedure_code', 'e.op', 'd.effective_at', 'd.seq'])
    .where('e.province_code', '=', provinceCode)
    .where('d.kind', '=', 'location_free_list')
    .execute();
  return rows.map((r) => ({ procedureCode: r.procedure_code, op: r.op, effectiveAt: r.effective_at.getTime(), seq: Number(r.seq) }));
}

export async function replaceLocationFreeSpans(db: Db, provinceCode: string, spans: readonly LocationFreeSpan[]): Promise<void> {
  await db.deleteFrom('location_free_spans').where('province_code', '=', provinceCode).execute();
  for (let i = 0; i < spans.length; i += 1000) {
    await db
      .insertInto('location_free_spans')
      .values(spans.slice(i, i + 1000).map((s) => ({
        province_code: provinceCode, procedure_code: s.procedureCode, valid_from: new Date(s.from), valid_to: s.to === null ? null : new Date(s.to),
      })))
      .execute();
  }
}

export interface DecisionSummary {
  code: string;
  title: string;
  kind: string;
  effectiveAt: Date;
  isDemo: boolean;
  note: string | null;
  added: number;
  removed: number;
}

export async function listDecisions(db: Db, provinceCode: string): Promise<DecisionSummary[]> {
  const result = await sql<{ code: string; title: string; kind: string; effective_at: Date; is_demo: boolean; note: string | null; added: number; removed: number }>`
    SELECT d.code, d.title, d.kind, d.effective_at, d.is_demo, d.note,
           count(*) FILTER (WHERE e.op = 'add')::int AS added, count(*) FILTER (WHERE e.op = 'remove')::int AS removed
      FROM publication_decisions d
      LEFT JOIN publication_decision_entries e ON e.province_code = d.province_code AND e.decision_code = d.code
     WHERE d.province_code = ${provinceCode}
     GROUP BY d.province_code, d.code
     ORDER BY d.effective_at, d.seq`.execute(db);
  return result.rows.map((r) => ({
    code: r.code, title: r.title, kind: r.kind, effectiveAt: r.effective_at, isDemo: r.is_demo, note: r.note, added: Number(r.added), removed: Number(r.removed),
  }));
}

/** How many procedures are location-free at `at` (listed and not marked "file in own area"). */
export async function countLocationFreeAt(db: Db, provinceCode: string, at: Date): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT count(*)::int AS n
      FROM location_free_spans s
      JOIN procedure_versions v ON v.province_code = s.province_code AND v.procedure_code = s.procedure_code
                               AND v.valid_from <= ${at} AND (v.valid_to IS NULL OR v.valid_to > ${at})
     WHERE s.province_code = ${provinceCode} AND s.valid_from <= ${at} AND (s.valid_to IS NULL OR s.valid_to > ${at})
       AND NOT v.must_file_in_own_area`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

export interface ProcedurePublication {
  code: string;
  title: string;
  effectiveAt: Date;
  isDemo: boolean;
  op: 'add' | 'remove';
}

/** The decisions that name one procedure, in the order they take effect. */
export async function decisionsForProcedure(db: Db, provinceCode: string, procedureCode: string): Promise<ProcedurePublication[]> {
  const rows = await db
    .selectFrom('publication_decision_entries as e')
    .innerJoin('publication_decisions as d', (join) => join.onRef('d.province_code', '=', 'e.province_code').onRef('d.code', '=', 'e.decision_code'))
    .select(['d.code', 'd.title', 'd.effective_at', 'd.is_demo', 'e.op', 'd.seq'])
    .where('e.province_code', '=', provinceCode)
    .where('e.procedure_code', '=', procedureCode)
    .orderBy('d.effective_at')
    .orderBy('d.seq')
    .execute();
  return rows.map((r) => ({ code: r.code, title: r.title, effectiveAt: r.effective_at, isDemo: r.is_demo, op: r.op }));
}

/** The periods during which one procedure is on the location-free list. */
export async function spansForProcedure(db: Db, provinceCode: string, procedureCode: string): Promise<Array<{ from: Date; to: Date | null }>> {
  const rows = await db
    .selectFrom('location_free_spans')
    .select(['valid_from', 'valid_to'])
    .where('province_code', '=', provinceCode)
    .where('procedure_code', '=', procedureCode)
    .orderBy('valid_from')
    .execute();
  return rows.map((r) => ({ from: r.valid_from, to: r.valid_to }));
}
