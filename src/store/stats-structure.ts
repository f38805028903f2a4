// Reads behind reports across a restructuring (issue 9): the network's renames and moves after a date
// (to see the units as they stood then) and dossier counts per unit × applicant commune (the weights by
// which a split predecessor's rollup figures are allocated to its successors).
import { sql } from 'kysely';
import type { Db } from './database.ts';

export interface UnitRevision {
  code: string;
  changedAt: Date;
  nameBefore: string;
  parentBefore: string | null;
}

/** Renames and moves that took (or take) effect after `at`, oldest first. */
export async function unitRevisionsAfter(db: Db, at: Date): Promise<UnitRevision[]> {
  const rows = await db.selectFrom('unit_revisions').select(['code', 'changed_at', 'name_before', 'parent_before'])
    .where('changed_at', '>', at).orderBy('changed_at').orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, changedAt: r.changed_at, nameBefore: r.name_before, parentBefore: r.parent_before }));
}

export interface CommuneWeightFilter {
  /** Instants [from, to): dossiers received or finished in them. */
  from: Date;
  to: Date;
  channel?: string | undefined;
  procedureCodes?: readonly string[] | undefined;
  /** Where a plan may have moved the units' open dossiers (their successors): only dossiers now there are looked up for a move. */
  movedTo: readonly string[];
}

/**
 * Dossiers per (unit in `role` × applicant commune) received or finished in the window, for the units
 * given — counted under the unit they had then: a dossier a plan moved on (a `restructure` action whose
 * payload lists `moves: [{ role, from, to }]`) still counts for the unit it was moved from.
 */
export async function dossiersByUnitAndCommune(db: Db, provinceCode: string, role: 'receiving' | 'competent', unitCodes: readonly string[], f: CommuneWeightFilter): Promise<Array<{ unit: string; commune: string; n: number }>> {
  if (unitCodes.length === 0) return [];
  const column = sql.ref(role === 'receiving' ? 'd.receiving_unit_code' : 'd.competent_unit_code');
  const codes = [...unitCodes];
  const where = sql`d.province_code = ${provinceCode} AND d.applicant_commune_code IS NOT NULL
      AND ((d.received_at >= ${f.from} AND d.received_at < ${f.to}) OR (d.finished_at >= ${f.from} AND d.finished_at < ${f.to}))
      ${f.channel ? sql`AND d.channel = ${f.channel}` : sql``}
      ${f.procedureCodes ? sql`AND d.procedure_code = ANY(${[...f.procedureCodes]}::text[])` : sql``}`;
  const rows = await sql<{ unit: string; commune: string; n: number }>`
    SELECT unit, commune, sum(n)::int AS n FROM (
      SELECT ${column} AS unit, d.applicant_commune_code AS commune, count(*) AS n FROM dossiers d
      WHERE ${where} AND ${column} = ANY(${codes}::text[])
        AND NOT EXISTS (SELECT 1 FROM dossier_actions r, jsonb_array_elements(COALESCE(r.payload -> 'moves', '[]'::jsonb)) m
                        WHERE r.province_code = d.province_code AND r.dossier_code = d.code AND r.type = 'restructure' AND m ->> 'role' = ${role})
      GROUP BY 1, 2
      UNION ALL
      SELECT first.unit, d.applicant_commune_code, count(*) FROM dossiers d
        JOIN LATERAL (SELECT m ->> 'from' AS unit FROM dossier_actions r, jsonb_array_elements(COALESCE(r.payload -> 'moves', '[]'::jsonb)) m
                      WHERE r.province_code = d.province_code AND r.dossier_code = d.code AND r.type = 'restructure' AND m ->> 'role' = ${role}
                      ORDER BY r.seq LIMIT 1) first ON true
      WHERE ${where} AND ${column} = ANY(${[...f.movedTo]}::text[]) AND first.unit = ANY(${codes}::text[])
      GROUP BY 1, 2
    ) w GROUP BY 1, 2`.execute(db);
  return rows.rows.map((r) => ({ unit: r.unit, commune: r.commune, n: Number(r.n) }));
}
