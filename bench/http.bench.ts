// HTTP load on loopback against a real `motcua serve` process (its own process, so the RSS measured is
// the server's) on a throwaway PostgreSQL cluster with the demo seed (the province network and the
// 1,601 national procedures) plus the dossiers filed by the bench; the same load settings measure, in the
// same run, a bare Fastify hello-world route in its own process: the ceiling of this machine, to which
// every scenario is compared. Embedded (PGlite) intake is measured beside the server's.
// Run: npm run bench -- http [scenario…] [--duration S] [--connections N] [--warmup S] [--dossiers N]
//        [--units N] [--long]
//   scenarios: intake lookup catalog ticket call-next summary embedded (default: all)
//   --duration 10   seconds per timed scenario (--long: 60)      --connections 32  concurrent connections
//   --warmup 2      unmeasured seconds before each timed scenario --dossiers 2000   filed before the scenarios
//   --units 40      one-stop units whose reception officers file dossiers and work counters
//   --node-options=--max-old-space-size=160  added to the servers' NODE_OPTIONS (e.g. to bound the heap)
//   --prepared      the server names its statements (MOTCUA_PG_PREPARED_STATEMENTS=true, decision 0033)
//   --statements    diagnostic: PostgreSQL with pg_stat_statements; prints each scenario's statements per
//                   request and their cost (planning + execution time), and keeps them in the JSON
// Prints a table and writes bench/results/http-<instant>.json (machine, load average, settings, figures).
// Exit code 1 when a correctness check fails (targets missed are reported, not failures).
import pg from 'pg';
import { parseArgs } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterCpuSeconds, cpuSeconds, startCluster, stopCluster, startServer, startHelloWorld, type Served } from './http/processes.ts';
import { runLoad, type LoadSettings, type Measured } from './http/load.ts';
import { intakeProcedure, receptionOfficers, signIn } from './http/setup.ts';
import {
  acknowledgedAllKept, callNextScenario, catalogScenario, inFlightAllowance, fileDossiers, intakeScenario, lookupScenario, summaryScenario, ticketScenario,
  type BenchEnv, type ScenarioResult,
} from './http/scenarios.ts';
import { load, machine, printTable, writeResults } from './http/report.ts';
import { printStatements, resetStatements, statementCosts, STATEMENTS_CLUSTER_OPTIONS } from './http/statements-report.ts';
import { openPGlite } from '../src/store/database.ts';
import { sql } from 'kysely';

const ROOT = join(import.meta.dirname, '..');
const ALL = ['intake', 'lookup', 'catalog', 'ticket', 'call-next', 'summary', 'embedded'];
// The servers' clock: an ordinary Thursday morning, so that the queue is open whenever the bench runs.
const CLOCK_AT = '2026-11-26T08:00:00+07:00';
const DAY = '2026-11-26';
const RSS_TARGET_MB = 300;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    duration: { type: 'string' }, connections: { type: 'string', default: '32' }, warmup: { type: 'string', default: '2' },
    dossiers: { type: 'string', default: '2000' }, units: { type: 'string', default: '40' }, long: { type: 'boolean', default: false },
    'node-options': { type: 'string', default: '' }, statements: { type: 'boolean', default: false },
    prepared: { type: 'boolean', default: false },
  },
});
const unknown = positionals.filter((p) => !ALL.includes(p));
if (unknown.length) {
  console.error(`unknown scenario ${unknown.join(', ')}; choose among ${ALL.join(' ')}`);
  process.exit(2);
}
const selected = new Set(positionals.length ? positionals : ALL);
const settings: LoadSettings = {
  connections: Number(values.connections),
  durationSeconds: Number(values.duration ?? (values.long ? 60 : 10)),
  warmupSeconds: Number(values.warmup),
};
const prepDossiers = Number(values.dossiers);
const unitCount = Number(values.units);
const loadAtStart = load();
const startedAt = new Date();
console.log(`HTTP bench — ${machine().cores} cores, load average ${loadAtStart}, ${settings.connections} connections, ${settings.durationSeconds} s per scenario (+${settings.warmupSeconds} s warm-up)` +
  `, prepared statements ${values.prepared ? 'on' : 'off'}`);

// 1. The ceiling: a bare Fastify hello-world in its own process, same load settings.
const hello = await startHelloWorld();
let helloMeasured: Measured;
try {
  helloMeasured = (await runLoad({ base: hello.base, requests: [{ method: 'GET', path: '/' }], settings, pid: hello.pid, cpu: () => ({ server: cpuSeconds(hello.pid) }) })).measured;
} finally {
  await hello.stop();
}
console.log(`hello-world: ${Math.round(helloMeasured.okPerSecond).toLocaleString('en')} req/s, p99 ${helloMeasured.latencyMs.p99} ms, CPU ms/request server ${helloMeasured.cpuMsPerRequest?.server ?? '-'}`);

const rows: Array<ScenarioResult & { engine: string }> = [];
const preparation: Record<string, unknown> = {};
const work = mkdtempSync(join(tmpdir(), 'motcua-http-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true })); // also when a step fails

async function environment(server: Served, count: BenchEnv['count'], units: number, clusterDir?: string): Promise<BenchEnv> {
  const officers = await receptionOfficers(server.base, units);
  const procedure = await intakeProcedure(server.base, DAY);
  const cpu = () => ({ server: cpuSeconds(server.pid), ...(clusterDir ? { postgres: clusterCpuSeconds(clusterDir) } : {}) });
  return { base: server.base, pid: server.pid, cpu, settings, runId: `bench-${process.pid}-${Date.now()}`, officers, procedure, filed: [], count, day: DAY };
}

const statementsOf: Record<string, unknown> = {};

function report(result: ScenarioResult, engine: string): void {
  rows.push({ ...result, engine });
  const m = result.measured;
  console.log(`${result.name} [${engine}]: ${Math.round(m.okPerSecond).toLocaleString('en')} 2xx/s, p50 ${m.latencyMs.p50} ms, p99 ${m.latencyMs.p99} ms, ` +
    `non-2xx ${m.non2xx} ${JSON.stringify(m.statusCodes)}, errors ${m.errors}, RSS peak ${m.rss?.peakMb.toFixed(0) ?? '-'} MB, ` +
    `CPU ms/request ${m.cpuMsPerRequest ? Object.entries(m.cpuMsPerRequest).map(([k, v]) => `${k} ${v}`).join(' + ') : '-'}`);
  for (const c of result.checks) console.log(`  ${c.ok ? '✓' : '✗'} ${c.what}`);
}

// 2. The server on PostgreSQL.
const serverScenarios = [...selected].filter((s) => s !== 'embedded');
if (serverScenarios.length > 0) {
  const clusterDir = mkdtempSync(join(tmpdir(), 'motcua-http-bench-pg-')); // its own: the script hands it to the postgres user
  if (values.statements) process.env.MOTCUA_PG_CLUSTER_OPTIONS = STATEMENTS_CLUSTER_OPTIONS;
  const url = startCluster(clusterDir);
  let server: Served | undefined;
  const client = new pg.Client({ connectionString: url });
  try {
    let started = Date.now();
    server = await startServer({ databaseUrl: url, dataDir: join(work, 'server-data'), clockAt: CLOCK_AT, nodeOptions: values['node-options'],
      ...(values.prepared ? { env: { MOTCUA_PG_PREPARED_STATEMENTS: 'true' } } : {}) });
    preparation.serverStartSeconds = (Date.now() - started) / 1000;
    await client.connect();
    const count = async (text: string, params: unknown[] = []) => Number((await client.query(text, params)).rows[0].n);
    const env = await environment(server, count, unitCount, clusterDir);
    console.log(`server on PostgreSQL up in ${preparation.serverStartSeconds} s (pid ${server.pid}); ${env.officers.length} reception units; procedure ${env.procedure.code} (${env.procedure.documents.length} papers)`);
    if (prepDossiers > 0 && (selected.has('lookup') || selected.has('summary') || selected.has('intake'))) {
      started = Date.now();
      const filed = await fileDossiers(env, prepDossiers);
      preparation.dossiersFiled = { count: env.filed.length, seconds: (Date.now() - started) / 1000, non2xx: filed.non2xx, errors: filed.errors };
      console.log(`filed ${env.filed.length} dossiers before the scenarios in ${(Date.now() - started) / 1000} s (non-2xx ${filed.non2xx})`);
    }
    await client.query('VACUUM ANALYZE');
    // With --statements, what PostgreSQL did during each scenario (warm-up included), per request.
    const measuredOnServer = async (run: () => Promise<ScenarioResult>) => {
      if (values.statements) await resetStatements(client);
      const result = await run();
      if (values.statements) {
        const requests = result.measured.ok + result.measured.non2xx + (result.warmup ? result.warmup.ok + result.warmup.non2xx : 0);
        const costs = await statementCosts(client, requests);
        statementsOf[result.name] = costs;
        printStatements(result.name, costs);
      }
      return result;
    };
    if (selected.has('intake')) report(await measuredOnServer(() => intakeScenario(env)), 'postgres');
    if (selected.has('lookup')) report(await measuredOnServer(() => lookupScenario(env)), 'postgres');
    if (selected.has('catalog')) report(await measuredOnServer(() => catalogScenario(env)), 'postgres');
    if (selected.has('ticket') || selected.has('call-next')) {
      const tickets = await measuredOnServer(() => ticketScenario(env, selected.has('ticket')));
      if (selected.has('ticket')) report(tickets, 'postgres');
      else preparation.ticketsIssued = tickets.measured.ok + (tickets.warmup?.ok ?? 0);
    }
    if (selected.has('call-next')) report(await measuredOnServer(() => callNextScenario(env)), 'postgres');
    if (selected.has('summary')) {
      const manager = { unitCode: 'TT74', authorization: await signIn(env.base, 'gd.TT74') };
      report(await measuredOnServer(() => summaryScenario(env, manager)), 'postgres');
    }
    preparation.databaseRows = {
      dossiers: await count('SELECT count(*)::int AS n FROM dossiers'),
      lookupAttempts: await count('SELECT count(*)::int AS n FROM public_lookup_attempts'),
      tickets: await count('SELECT count(*)::int AS n FROM queue_tickets'),
    };
  } finally {
    await client.end().catch(() => undefined);
    await server?.stop();
    stopCluster(clusterDir);
  }
}

// 3. The embedded database: the same intake, the server started without DATABASE_URL.
if (selected.has('embedded')) {
  const dataDir = join(work, 'embedded');
  let started = Date.now();
  const server = await startServer({ dataDir, clockAt: CLOCK_AT, nodeOptions: values['node-options'] });
  preparation.embeddedStartSeconds = (Date.now() - started) / 1000;
  let result: ScenarioResult;
  let runId: string;
  try {
    const env = await environment(server, null, unitCount);
    runId = env.runId;
    result = await intakeScenario(env, 'intake', 'Intake POST /dossiers, embedded PGlite');
  } finally {
    await server.stop();
  }
  // The embedded database is the server's own while it runs: counted once it has stopped.
  const handle = await openPGlite({ dataDir });
  try {
    // The scenario's intakes are those whose idempotency key it made (`<runId>-intake-<n>`).
    const { rows: found } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM idempotency_keys WHERE command = 'dossier.intake' AND key LIKE ${`${runId}-intake-%`}`.execute(handle.db);
    const ok = result.measured.ok + (result.warmup?.ok ?? 0);
    result.checks.push(acknowledgedAllKept('intakes of the scenario (embedded database, read after the stop)', ok, Number(found[0]?.n ?? 0),
      inFlightAllowance(settings, result.measured, result.warmup)));
  } finally {
    await handle.close();
  }
  report(result, 'pglite');
  console.log(`embedded server up in ${preparation.embeddedStartSeconds} s`);
}

const serverPeak = Math.max(0, ...rows.filter((r) => r.engine === 'postgres').map((r) => r.measured.rss?.peakMb ?? 0));
printTable(helloMeasured, rows, { peakMb: serverPeak, targetMb: RSS_TARGET_MB });
const failed = rows.flatMap((r) => r.checks.filter((c) => !c.ok).map((c) => `${r.name} [${r.engine}]: ${c.what}`));
const file = writeResults(ROOT, {
  bench: 'http', date: startedAt.toISOString(), machine: machine(), loadAverage: { atStart: loadAtStart, atEnd: load() },
  settings: { ...settings, dossiersFiledBefore: prepDossiers, units: unitCount, serverClock: CLOCK_AT, serverNodeOptions: values['node-options'], preparedStatements: values.prepared, scenarios: [...selected] },
  helloWorld: helloMeasured, preparation, ...(values.statements ? { statements: statementsOf } : {}),
  scenarios: rows.map((r) => ({ ...r, ratioToHelloWorld: r.measured.okPerSecond / helloMeasured.okPerSecond })),
  serverRss: { peakMb: serverPeak, targetMb: RSS_TARGET_MB, met: serverPeak < RSS_TARGET_MB },
  correctness: { ok: failed.length === 0, failed },
});
console.log(`\nload average at end ${load()}; written ${file}`);
if (failed.length) {
  console.error(`correctness checks failed:\n  ${failed.join('\n  ')}`);
  process.exit(1);
}
