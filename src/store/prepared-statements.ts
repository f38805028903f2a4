// Named (prepared) statements on the PostgreSQL server connections. Kysely sends every query unnamed, so
// PostgreSQL parses, analyses and plans each execution anew: profiled under the HTTP bench (perf, 2026-11-29)
// planning was ~37 % and parsing + analysis ~15 % of PostgreSQL's CPU for the lookup's and the queue's small
// indexed statements. A named statement is parsed once per connection and, after five executions,
// PostgreSQL may keep a generic plan (plan_cache_mode auto): the per-execution cost drops to binding and
// executing. node-postgres prepares a statement on first use of its name on a connection and reuses it.
//
// Off unless MOTCUA_PG_PREPARED_STATEMENTS=true (decision 0033), because of two hazards found by the tests:
// - behind pgbouncer in transaction mode before 1.21 (the multi-instance test's 1.18), a named statement
//   prepared on one server connection is missing or already present on the next: the queries fail
//   ("prepared statement … already exists"). pgbouncer ≥ 1.21 with max_prepared_statements handles them;
// - a schema change under a running instance (another instance migrating) makes a prepared `SELECT *`
//   fail once with "cached plan must not change result type" (SQLSTATE 0A000): the connection then forgets
//   its names and prepares under fresh ones — that one query fails, the next ones work.
// Bounds: at most MAX_PER_CONNECTION distinct texts are named per connection (the rest run unnamed, as
// before), so statements built with varying text (IN lists of varying length, inlined literals) cannot
// grow a backend's memory without bound. A name is a hash of the text (and of the generation), so one name
// never means two statements, whichever server connection a pooler hands the client.
import { createHash } from 'node:crypto';
import type pg from 'pg';

export const MAX_PER_CONNECTION = 500;

interface Named {
  names: Map<string, string>;
  generation: number;
}

const CACHED_PLAN_CHANGED = '0A000';

/** Makes a pool client name its parameterised statements (see above). Idempotent per client. */
export function prepareStatementsOn(client: pg.PoolClient): void {
  const marked = client as pg.PoolClient & { motcuaNamed?: Named };
  if (marked.motcuaNamed) return;
  const state: Named = { names: new Map(), generation: 0 };
  marked.motcuaNamed = state;
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
    if (typeof config !== 'string' || !Array.isArray(values) || values.length === 0 || callback !== undefined) {
      return original(config, values, callback);
    }
    let name = state.names.get(config);
    if (name === undefined && state.names.size < MAX_PER_CONNECTION) {
      name = `motcua_${state.generation}_${createHash('sha1').update(config).digest('hex').slice(0, 24)}`;
      state.names.set(config, name);
    }
    if (name === undefined) return original(config, values);
    return (original({ name, text: config, values }) as Promise<unknown>).catch((error: { code?: string; message?: string }) => {
      if (error?.code === CACHED_PLAN_CHANGED && /cached plan/i.test(error.message ?? '')) {
        state.names.clear();
        state.generation++;
      }
      throw error;
    });
  };
}
