// Catalog search: accent-insensitive, word-start matching over code, name, field and agencies, ranked
// in SQL; typo correction against the catalog's vocabulary (catalog_words). See docs/decisions/0004, 0027, 0032 and 0034.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from './database.ts';
import { commonSearchTokens } from './search-token-stats.ts';
import { listedAt, locationFreeAt, validAt } from './procedures.ts';
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

/** The longest word prefix motcua_search_tokens indexes (0027_search_tokens.sql). */
export const MAX_TOKEN_CHARS = 20;

/** "Some word of `column` starts with this core": the core (a searchable form, trimmed) behind a space. */
const startsWord = (column: RawBuilder<string>, core: string) => sql<boolean>`strpos(${column}, ${` ${core}`}) > 0`;

/**
 * How to find a text containing `core` at a word start: the index tokens it must have (each word cut
 * to 20 characters, common ones left out: search-token-stats.ts), and whether the tokens alone decide
 * (one word, not cut, not common) or the text test must confirm.
 */
function tokensOf(core: string, common: ReadonlySet<string>): { tokens: string[]; exact: boolean } {
  const parts = core.split(' ').filter((p) => p !== '');
  const cut = parts.map((p) => Array.from(p).slice(0, MAX_TOKEN_CHARS).join(''));
  const tokens = cut.filter((t) => !common.has(t));
  return { tokens, exact: parts.length === 1 && tokens.length === 1 && tokens[0] === parts[0] };
}

const searchTokens = sql<string[]>`v.search_tokens`;
const searchText = sql<string>`v.search_text`;

/**
 * Every group has one of its cores at the start of a word of the code, name, field or agencies (all
 * accent-folded): "khai" finds "khai sinh", "an" finds "an ninh" but not "ban". The GIN index on the
 * word prefixes (0027) answers a one-word core of up to 20 characters exactly; a core of several words
 * ("1 001193" from "1.001193"), a longer one or a common one also needs the text test, on the
 * candidates only. A group of alternatives uses the index only when each of them can.
 */
function wordsCondition(groups: readonly string[][], common: ReadonlySet<string>): RawBuilder<boolean> {
  const required: string[] = [];
  const conditions: RawBuilder<boolean>[] = [];
  for (const group of groups.filter((g) => g.length > 0)) {
    const alternatives = group.map((core) => ({ core, ...tokensOf(core, common) }));
    if (alternatives.length === 1) {
      const only = alternatives[0]!;
      required.push(...only.tokens);
      if (!only.exact) conditions.push(startsWord(searchText, only.core));
      continue;
    }
    const indexed = alternatives.every((a) => a.tokens.length > 0);
    const each = alternatives.map((a) => !indexed
      ? startsWord(searchText, a.core)
      : a.exact ? sql<boolean>`${searchTokens} @> ${tokenArray(a.tokens)}` : sql<boolean>`(${searchTokens} @> ${tokenArray(a.tokens)} AND ${startsWord(searchText, a.core)})`);
    conditions.push(sql<boolean>`(${sql.join(each, sql` OR `)})`);
  }
  if (required.length > 0) conditions.unshift(sql<boolean>`${searchTokens} @> ${tokenArray([...new Set(required)])}`);
  return sql<boolean>`(${conditions.length > 0 ? sql.join(conditions, sql` AND `) : sql`true`})`;
}

const tokenArray = (tokens: readonly string[]) => sql`ARRAY[${sql.join(tokens.map((t) => sql`${t}`))}]::text[]`;

/**
 * Code or exact name (with or without the "Thủ tục" prefix) 0, name starting with the phrase 1, name
 * containing it 2, phrase elsewhere (field, agency) 3, words scattered 4; ties: shorter names first.
 * The cheap tests come first so most rows cost one strpos (the same test as LIKE '% core%': searchable
 * forms hold no wildcard, and strpos needs no pattern matching or planner estimate).
 */
function rankOf(phrase: string, core: string): RawBuilder<number> {
  const multiword = core.includes(' ');
  const name = sql<string>`v.name_folded`;
  return sql<number>`CASE
      WHEN v.procedure_code = ${phrase} THEN 0
      WHEN ${startsWord(name, core)} THEN
        CASE WHEN v.name_folded = ${` ${core} `} OR v.name_folded = ${` thu tuc ${core} `} THEN 0
             WHEN starts_with(v.name_folded, ${` ${core}`}) OR starts_with(v.name_folded, ${` thu tuc ${core}`}) THEN 1
             ELSE 2 END
      ${multiword ? sql`WHEN ${startsWord(searchText, core)} THEN 3` : sql``}
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
  const [forms, common] = await Promise.all([
    searchForms(db, [...(text ? [text.phrase, ...text.words] : []), ...(search.agency ? [search.agency] : [])]),
    text ? commonSearchTokens(db) : new Set<string>(),
  ]);
  const core = (form: string) => form.trim();

  const filters: RawBuilder<unknown>[] = [sql`v.province_code = ${search.provinceCode}`, validAt(search.at)];
  if (search.level) filters.push(sql`${search.level} = ANY (v.levels)`);
  if (search.field) filters.push(sql`(v.field_folded = motcua_fold(${search.field}) OR v.field_code = ${search.field})`);
  if (search.onlineLevel) filters.push(sql`v.online_level = ${search.onlineLevel}`);
  if (search.agency) filters.push(startsWord(sql`v.agencies_folded`, core(forms[forms.length - 1]!)));
  const locationFreeFilter = (free: RawBuilder<boolean>) => search.locationFree === undefined ? [] : [search.locationFree ? free : sql<boolean>`NOT ${free}`];

  if (!text) return { ...(await pageByCode(db, search, sql.join([...filters, ...locationFreeFilter(locationFreeAt(search.at))], sql` AND `))), correctedQuery: null };
  const phraseCore = core(forms[0]!);
  const wordCores = forms.slice(1, 1 + text.words.length).map(core).filter((c) => c !== '');
  // Letters the database does not count as alphanumeric (scripts unaccent does not fold) leave nothing to match.
  if (wordCores.length === 0) return { items: [], total: 0, correctedQuery: null };
  // Candidates are tested against the listed set in the same scan, so only the listed ones are ranked.
  const listed = locationFreeFilter(listedAt(search.provinceCode, search.at));
  const byWords = await pageByRank(db, search, sql.join([...filters, ...listed, wordsCondition(wordCores.map((c) => [c]), common)], sql` AND `), rankOf(text.phrase, phraseCore));
  if (byWords.total > 0 || !search.correct) return { ...byWords, correctedQuery: null };
  const groups = await search.correct(wordCores);
  if (!groups) return { ...byWords, correctedQuery: null };
  const corrected = groups.map((g) => g[0]).join(' ');
  const fuzzy = await pageByRank(db, search, sql.join([...filters, ...listed, wordsCondition(groups, common)], sql` AND `), rankOf(corrected, corrected));
  return { ...fuzzy, correctedQuery: corrected };
}

const hitColumns = sql`v.procedure_code, v.version, v.name, v.field, v.field_code, v.level, v.levels, v.online_level,
  v.processing_days, v.processing_hours`;

/**
 * One statement: the versions passing the filters and the words, read from the narrow search table
 * (0032) and kept once as (code, version, rank keys); the count; the page's display columns and
 * location-free status for its rows only. The first step stands alone (MATERIALIZED) so the planner
 * finds the candidates from the token index rather than, say, walking the primary key to merge with the
 * location-free spans and reading every row's tokens on the way (seen: 20 ms to 1 s).
 * An offset past the end still gets the total (the page is then one row of nulls).
 */
async function pageByRank(db: Db, search: ProcedureSearch, where: RawBuilder<unknown>, rank: RawBuilder<number>): Promise<{ items: SearchHit[]; total: number }> {
  const result = await sql<HitRow & { procedure_code: string | null }>`
    WITH matches AS MATERIALIZED (
      SELECT v.procedure_code, v.version, ${rank} AS tier, v.name_length
        FROM procedure_search v
       WHERE ${where})
    SELECT c.total, hit.*
      FROM (SELECT count(*) AS total FROM matches) AS c
      LEFT JOIN LATERAL (
        SELECT ${hitColumns}, ${locationFreeAt(search.at)} AS location_free, p.tier, p.name_length
          FROM (SELECT * FROM matches ORDER BY tier, name_length, procedure_code LIMIT ${search.limit} OFFSET ${search.offset}) AS p
          JOIN procedure_versions v ON v.province_code = ${search.provinceCode} AND v.procedure_code = p.procedure_code AND v.version = p.version) AS hit ON true
     ORDER BY hit.tier, hit.name_length, hit.procedure_code`.execute(db);
  const total = Number(result.rows[0]?.total ?? 0);
  return { total, items: result.rows.filter((r): r is HitRow => r.procedure_code !== null).map(toHit) };
}

/**
 * No words: the versions passing the filters in code order, from the narrow table (0032); count and
 * page in one statement, the page's display columns read for its rows only.
 */
async function pageByCode(db: Db, search: ProcedureSearch, where: RawBuilder<unknown>): Promise<{ items: SearchHit[]; total: number }> {
  const result = await sql<HitRow & { procedure_code: string | null }>`
    SELECT c.total, hit.*
      FROM (SELECT count(*) AS total FROM procedure_search v WHERE ${where}) AS c
      LEFT JOIN LATERAL (
        SELECT ${hitColumns}, ${locationFreeAt(search.at)} AS location_free
          FROM (SELECT v.procedure_code, v.version FROM procedure_search v WHERE ${where}
                 ORDER BY v.province_code, v.procedure_code, v.version LIMIT ${search.limit} OFFSET ${search.offset}) AS p
          JOIN procedure_versions v ON v.province_code = ${search.provinceCode} AND v.procedure_code = p.procedure_code AND v.version = p.version) AS hit ON true
     ORDER BY hit.procedure_code`.execute(db);
  const total = Number(result.rows[0]?.total ?? 0);
  return { total, items: result.rows.filter((r): r is HitRow => r.procedure_code !== null).map(toHit) };
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

