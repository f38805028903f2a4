// The HTTP bench's --statements diagnostic: the cluster runs with pg_stat_statements, reset before each
// scenario; after it, the statements that cost PostgreSQL the most, as calls and milliseconds (planning +
// execution) per request of the scenario. Shows the round trips a request makes and what each costs.
import type pg from 'pg';

export const STATEMENTS_CLUSTER_OPTIONS = '-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on';

export interface StatementCost {
  query: string;
  callsPerRequest: number;
  msPerRequest: number;
}

export async function resetStatements(client: pg.Client): Promise<void> {
  await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await client.query('SELECT pg_stat_statements_reset()');
}

/** The `limit` costliest statements since the reset, per request of a scenario of `requests` answers. */
export async function statementCosts(client: pg.Client, requests: number, limit = 25): Promise<{ statementsPerRequest: number; msPerRequest: number; top: StatementCost[] }> {
  const { rows } = await client.query<{ query: string; calls: string; ms: number }>(`
    SELECT query, calls, total_plan_time + total_exec_time AS ms FROM pg_stat_statements
    WHERE query NOT ILIKE '%pg_stat_statements%' ORDER BY ms DESC`);
  const per = (n: number) => Math.round((n / Math.max(1, requests)) * 1000) / 1000;
  return {
    statementsPerRequest: per(rows.reduce((s, r) => s + Number(r.calls), 0)),
    msPerRequest: per(rows.reduce((s, r) => s + r.ms, 0)),
    top: rows.slice(0, limit).map((r) => ({ query: r.query.replace(/\s+/g, ' ').slice(0, 160), callsPerRequest: per(Number(r.calls)), msPerRequest: per(r.ms) })),
  };
}

export function printStatements(name: string, costs: Awaited<ReturnType<typeof statementCosts>>): void {
  console.log(`  statements of ${name}: ${costs.statementsPerRequest} per request, ${costs.msPerRequest} ms of PostgreSQL time (plan + execute) per request`);
  for (const s of costs.top) console.log(`    ${s.callsPerRequest.toFixed(2).padStart(6)} × ${s.msPerRequest.toFixed(3).padStart(7)} ms  ${s.query}`);
}
