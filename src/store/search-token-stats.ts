// Which word prefixes are too common for the token index to pay (0027): PostgreSQL's own statistics on
// procedure_search.search_tokens (0032; the most common elements ANALYZE found, with their share of rows).
// A query word whose prefix token is in more than COMMON_TOKEN_SHARE of the versions is matched with
// the text test instead: the planner would read most of the table anyway, and a plan that reads rows
// to test their tokens pays a detoast per row where the text test costs a strpos. A hint for the plan,
// never for the answer (both tests give the same rows), so it may be a few minutes stale: kept per
// database handle for CACHE_MS (reading pg_stats costs ~1 ms).
import { sql } from 'kysely';
import type { Db } from './database.ts';

export const COMMON_TOKEN_SHARE = 0.3;
const CACHE_MS = 5 * 60_000;

const cache = new WeakMap<Db, { until: number; tokens: Promise<ReadonlySet<string>> }>();

export function commonSearchTokens(db: Db): Promise<ReadonlySet<string>> {
  const cached = cache.get(db);
  if (cached && cached.until > Date.now()) return cached.tokens;
  const tokens = readCommonTokens(db);
  cache.set(db, { until: Date.now() + CACHE_MS, tokens });
  tokens.catch(() => cache.delete(db));
  return tokens;
}

async function readCommonTokens(db: Db): Promise<ReadonlySet<string>> {
  // most_common_elem_freqs ends with three extra figures (min, max, null share): unnest pads the
  // elements with NULL for them.
  const result = await sql<{ token: string }>`
    SELECT e.token
      FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(token, share)
     WHERE s.schemaname = current_schema() AND s.tablename = 'procedure_search' AND s.attname = 'search_tokens'
       AND e.token IS NOT NULL AND e.share > ${COMMON_TOKEN_SHARE}`.execute(db);
  return new Set(result.rows.map((r) => r.token));
}

/** Drops what this handle knows, e.g. right after an ANALYZE (tests); otherwise it expires by itself. */
export function forgetCommonSearchTokens(db: Db): void {
  cache.delete(db);
}

/** Sets what this handle takes as common, for CACHE_MS (tests: every plan must give the same answers). */
export function assumeCommonSearchTokens(db: Db, tokens: Iterable<string>): void {
  cache.set(db, { until: Date.now() + CACHE_MS, tokens: Promise.resolve(new Set(tokens)) });
}
