// Public Q&A: published, anonymised questions and answers, by procedure and by accent-insensitive words
// (the catalog's searchable form: motcua_search_norm, word-start LIKE patterns over a trigram index).
import { sql } from 'kysely';
import type { Db } from './database.ts';

export interface Publication {
  feedbackCode: string;
  procedureCode: string | null;
  field: string | null;
  kind: string;
  question: string;
  answer: string;
  unitCode: string;
  publishedAt: Date;
}

export async function insertPublication(db: Db, provinceCode: string, p: Publication): Promise<void> {
  await db.insertInto('feedback_publications').values({
    province_code: provinceCode, feedback_code: p.feedbackCode, procedure_code: p.procedureCode, field: p.field, kind: p.kind,
    question: p.question, answer: p.answer, unit_code: p.unitCode, published_at: p.publishedAt,
  }).execute();
}

export interface PublicationSearch {
  provinceCode: string;
  procedureCode?: string | undefined;
  /** Words of the query (already cleaned); every one must start a word of the question, answer or field. */
  words?: readonly string[] | undefined;
  limit: number;
  offset: number;
}

export async function searchPublications(db: Db, s: PublicationSearch): Promise<{ items: Array<Publication & { unitName: string }>; total: number }> {
  const filters = [sql`p.province_code = ${s.provinceCode}`];
  if (s.procedureCode) filters.push(sql`p.procedure_code = ${s.procedureCode}`);
  for (const word of s.words ?? []) {
    // A word that folds to nothing searchable (punctuation) matches nothing.
    filters.push(sql`p.search_text LIKE '% ' || btrim(motcua_search_norm(${word})) || '%' AND btrim(motcua_search_norm(${word})) <> ''`);
  }
  const where = sql.join(filters, sql` AND `);
  const rows = await sql<{ feedback_code: string; procedure_code: string | null; field: string | null; kind: string; question: string; answer: string;
    unit_code: string; unit_name: string | null; published_at: Date; total: number }>`
    SELECT p.feedback_code, p.procedure_code, p.field, p.kind, p.question, p.answer, p.unit_code, u.name AS unit_name, p.published_at,
           count(*) OVER () AS total
      FROM feedback_publications p
      LEFT JOIN units u ON u.code = p.unit_code
     WHERE ${where}
     ORDER BY p.published_at DESC, p.feedback_code
     LIMIT ${s.limit} OFFSET ${s.offset}`.execute(db);
  return {
    total: Number(rows.rows[0]?.total ?? 0),
    items: rows.rows.map((r) => ({
      feedbackCode: r.feedback_code, procedureCode: r.procedure_code, field: r.field, kind: r.kind, question: r.question, answer: r.answer,
      unitCode: r.unit_code, unitName: r.unit_name ?? r.unit_code, publishedAt: new Date(r.published_at),
    })),
  };
}
