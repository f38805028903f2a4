// Catalog search: accent-insensitive, word-start matching over code, name, field and agencies, ranked
// in SQL; typo correction against the catalog's vocabulary (catalog_words). See docs/decisions/0004.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from './database.ts';
import { locationFreeAt, validAt } from './procedures.ts';
import type { LevelTag, ProcedureLevel } from '../domain/catalog/level.ts';
import type { OnlineLevel } from '../domain/catalog/online-level.ts';
import type { PreparedQuery } from '../domain/catalog/search-query.ts';

export interface ProcedureSearch {
  provinceCode: string;
  at: Date;
  /** The prepared query (search-query.ts); undefined: no text filter. */
  text?: PreparedQuery | undefined;
  level?: ProcedureLevel | undefined;
  field?: string | undefined;
  onlineLevel?: OnlineLevel | undefined;
  agency?: string | undefined;
  locationFree?: boolean | undefined;
  limit: number;
  offset: number;
  /** Typo correction: from the query's searchable words, word groups to search instead, or undefined. */
  correct?: ((words: readonly string[]) => Promise<string[][] | undefined>) | undefined;
}

export interface SearchHit {
  code: string;
  name: string;
  field: string;
  fieldCode: string | null;
  level: ProcedureLevel;
  levels: LevelTag[];
  onlineLevel: OnlineLevel;
  locationFree: boolean;
  processingDays: number | null;
  processingHours: number | null;
  version: number;
}

/** The searchable forms (motcua_search_norm in 0003_catalog.sql: " cap giay phep ") of texts, in one query. */
async function searchForms(db: Db, texts: readonly string[]): Promise<string[]> {
  if (texts.length === 0) return [];
  const result = await sql<Record<string, string>>`SELECT ${sql.join(texts.map((t, i) => sql`motcua_search_norm(${t}) AS ${sql.ref(`n${i}`)}`))}`.execute(db);
  const row = result.rows[0] ?? {};
  return texts.map((_, i) => row[`n${i}`] ?? ' ');
}

/** "A word of the text starts with this": "% cap giay%" (searchable forms never contain % or _). */
const startsWord = (core: string) => `% ${core}%`;

/**
 * Every group has one of its words at the start of a word of the code, name, field or agencies (all
 * accent-folded): "khai" finds "khai sinh", "an" finds "an ninh" but not "ban". The patterns keep their
 * trigrams (" kh", "kha"…), so the GIN index finds the candidates. Groups hold searchable cores.
 */
function wordsCondition(groups: readonly string[][]): RawBuilder<boolean> {
  const contains = (core: string) => sql`v.search_text LIKE ${startsWord(core)}`;
  const conditions = groups.filter((g) => g.length > 0).map((g) => (g.length === 1 ? contains(g[0]!) : sql`(${sql.join(g.map(contains), sql` OR `)})`));
  return sql<boolean>`(${conditions.length > 0 ? sql.join(conditions, sql` AND `) : sql`true`})`;
}

/**
 * Code or exact name (with or without the "Thủ tục" prefix) 0, name starting with the phrase 1, name
 * containing it 2, phrase elsewhere (field, agency) 3, words scattered 4; ties: shorter names first.
 * The cheap tests come first so most rows cost one LIKE.
 */
function rankOf(phrase: string, core: string): RawBuilder<number> {
  const multiword = core.includes(' ');
  return sql<number>`CASE
      WHEN v.procedure_code = ${phrase} THEN 0
      WHEN v.name_folded LIKE ${startsWord(core)} THEN
        CASE WHEN v.name_folded = ${` ${core} `} OR v.name_folded = ${` thu tuc ${core} `} THEN 0
             WHEN v.name_folded LIKE ${` ${core}%`} OR v.name_folded LIKE ${` thu tuc ${core}%`} THEN 1
             ELSE 2 END
      ${multiword ? sql`WHEN v.search_text LIKE ${startsWord(core)} THEN 3` : sql``}
      ELSE 4 END`;
}

type HitRow = {
  procedure_code: string; name: string; field: string; field_code: string | null; level: ProcedureLevel; levels: string[];
  online_level: OnlineLevel; processing_days: number | null; processing_hours: number | null; version: number;
  location_free: boolean; total: number;
};

export interface SearchResult {
  items: SearchHit[];
  total: number;
  /** The query after typo correction, when the words as typed found nothing. */
  correctedQuery: string | null;
}

/**
 * Words first: procedures whose code, name, field or agencies contain every word of the query, ranked
 * by `rankOf`. When none has every word, unknown words are corrected against the catalog's vocabulary
 * (typo-correction.ts) and the search runs again with the corrected words.
 */
export async function searchProcedures(db: Db, search: ProcedureSearch): Promise<SearchResult> {
  const text = search.text;
  // A query with no letter or digit (punctuation, emoji) cannot match a procedure.
  if (text && text.words.length === 0) return { items: [], total: 0, correctedQuery: null };
  const forms = await searchForms(db, [...(text ? [text.phrase, ...text.words] : []), ...(search.agency ? [search.agency] : [])]);
  const core = (form: string) => form.trim();

  const filters: RawBuilder<unknown>[] = [sql`v.province_code = ${search.provinceCode}`, validAt(search.at)];
  if (search.level) filters.push(sql`${search.level} = ANY (v.levels)`);
  if (search.field) filters.push(sql`(v.field_folded = motcua_fold(${search.field}) OR v.field_code = ${search.field})`);
  if (search.onlineLevel) filters.push(sql`v.online_level = ${search.onlineLevel}`);
  if (search.agency) filters.push(sql`v.agencies_folded LIKE ${startsWord(core(forms[forms.length - 1]!))}`);
  if (search.locationFree !== undefined) filters.push(search.locationFree ? locationFreeAt(search.at) : sql`NOT ${locationFreeAt(search.at)}`);

  if (!text) return { ...(await pageByCode(db, search, sql.join(filters, sql` AND `))), correctedQuery: null };
  const phraseCore = core(forms[0]!);
  const wordCores = forms.slice(1, 1 + text.words.length).map(core).filter((c) => c !== '');
  // Letters the database does not count as alphanumeric (scripts unaccent does not fold) leave nothing to match.
  if (wordCores.length === 0) return { items: [], total: 0, correctedQuery: null };
  const byWords = await pageByRank(db, search, sql.join([...filters, wordsCondition(wordCores.map((c) => [c]))], sql` AND `), rankOf(text.phrase, phraseCore));
  if (byWords.total > 0 || !search.correct) return { ...byWords, correctedQuery: null };
  const groups = await search.correct(wordCores);
  if (!groups) return { ...byWords, correctedQuery: null };
  const corrected = groups.map((g) => g[0]).join(' ');
  const fuzzy = await pageByRank(db, search, sql.join([...filters, wordsCondition(groups)], sql` AND `), rankOf(corrected, corrected));
  return { ...fuzzy, correctedQuery: corrected };
}

const hitColumns = sql`v.procedure_code, v.version, v.name, v.field, v.field_code, v.level, v.levels, v.online_level,
  v.processing_days, v.processing_hours`;

/**
 * Ranks the candidates on a narrow projection (code, version, rank keys, total), then reads the page's
 * display columns and location-free status for those rows only.
 */
async function pageByRank(db: Db, search: ProcedureSearch, where: RawBuilder<unknown>, rank: RawBuilder<number>): Promise<{ items: SearchHit[]; total: number }> {
  const result = await sql<HitRow>`
    WITH page AS (
      SELECT v.procedure_code, v.version, ${rank} AS tier, length(v.name_folded) AS name_length, count(*) OVER () AS total
        FROM procedure_versions v
       WHERE ${where}
       ORDER BY tier, name_length, v.procedure_code
       LIMIT ${search.limit} OFFSET ${search.offset})
    SELECT ${hitColumns}, p.total, ${locationFreeAt(search.at)} AS location_free
      FROM page p
      JOIN procedure_versions v ON v.province_code = ${search.provinceCode} AND v.procedure_code = p.procedure_code AND v.version = p.version
     ORDER BY p.tier, p.name_length, p.procedure_code`.execute(db);
  const total = result.rows[0] ? Number(result.rows[0].total) : search.offset > 0 ? await countMatches(db, where) : 0;
  return { total, items: result.rows.map(toHit) };
}

async function pageByCode(db: Db, search: ProcedureSearch, where: RawBuilder<unknown>): Promise<{ items: SearchHit[]; total: number }> {
  const result = await sql<HitRow>`
    SELECT v.*, ${locationFreeAt(search.at)} AS location_free
      FROM (SELECT v.province_code, v.must_file_in_own_area, ${hitColumns}
              FROM procedure_versions v
             WHERE ${where}
             ORDER BY v.procedure_code
             LIMIT ${search.limit} OFFSET ${search.offset}) AS v
     ORDER BY v.procedure_code`.execute(db);
  const total = result.rows.length < search.limit && (result.rows.length > 0 || search.offset === 0)
    ? search.offset + result.rows.length
    : await countMatches(db, where);
  return { total, items: result.rows.map(toHit) };
}

function toHit(r: HitRow): SearchHit {
  return {
    code: r.procedure_code,
    name: r.name,
    field: r.field,
    fieldCode: r.field_code,
    level: r.level,
    levels: r.levels as LevelTag[],
    onlineLevel: r.online_level,
    locationFree: r.location_free,
    processingDays: r.processing_days,
    processingHours: r.processing_hours,
    version: r.version,
  };
}

async function countMatches(db: Db, where: RawBuilder<unknown>): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM procedure_versions v WHERE ${where}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

// ---------------------------------------------------------------------------------------------------
// Vocabulary (for typo correction)

/** Rebuilds the province's vocabulary from the search text of all its versions. */
export async function rebuildCatalogWords(db: Db, provinceCode: string): Promise<void> {
  await db.deleteFrom('catalog_words').where('province_code', '=', provinceCode).execute();
  await sql`
    INSERT INTO catalog_words (province_code, word, frequency)
    SELECT ${provinceCode}, w, count(*)::int
      FROM procedure_versions v, regexp_split_to_table(v.search_text, ' +') AS w
     WHERE v.province_code = ${provinceCode} AND length(w) >= 2 AND w !~ '^[0-9]+$'
     GROUP BY w`.execute(db);
}

export async function loadVocabulary(db: Db, provinceCode: string): Promise<Array<{ word: string; frequency: number }>> {
  return db.selectFrom('catalog_words').select(['word', 'frequency']).where('province_code', '=', provinceCode).execute();
}

