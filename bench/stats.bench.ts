// Dashboard summary latency on a large synthetic history: N dossiers (default 1,000,000; `10m` or --n N)
// with realistic action histories (intake, transfer, assign, supplements for some, the finishing action
// with its on-time outcome, the return) generated set-based (generate_series, secondary indexes built
// after the load), rollups rebuilt from that history by the rebuild command's code, end-of-day in-progress
// snapshots taken for every ended day (as the stats-snapshots job does nightly), then p50/p95/p99 of the
// contract summary over ≥ 50 calls of the service function and over HTTP, against the same figures
// computed by a naive GROUP BY over the raw history, measured in the same run; the two must be equal
// (exit 1 otherwise). Figures go to bench/results/. Disk: about 2.5 GB per million dossiers.
// Run: npm run bench -- stats [10m] [--n N] [--rounds R] [--naive-rounds R] [--pglite]
//   On the SERVER database: MOTCUA_BENCH_DATABASE_URL or DATABASE_URL (a scratch database is created and
//   dropped), else a throwaway local cluster (scripts/pg-cluster.sh). --pglite measures embedded PGlite.
import pg from 'pg';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openPGlite, openPostgres, type DatabaseHandle } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { loadSettings } from '../src/config/settings.ts';
import { PROVINCE_CODE } from '../src/config/province.ts';
import { seedDemo } from '../src/services/demo-seed.ts';
import { replaceFactsFromHistory } from '../src/store/stats-rebuild.ts';
import { takeOpenSnapshots } from '../src/store/stats-open.ts';
import { statsSummary } from '../src/services/stats-summary.ts';
import { buildServer } from '../src/http/server.ts';
import { snapshotInstant, parsePeriod, localDate } from '../src/domain/stats/period.ts';
import { findStaffByUsername } from '../src/store/staff.ts';
import { subtreeCodesOf } from '../src/store/units.ts';
import type { Actor, ServiceContext } from '../src/services/context.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { n: { type: 'string' }, rounds: { type: 'string' }, 'naive-rounds': { type: 'string' }, pglite: { type: 'boolean' } },
});
const usePGlite = values.pglite === true;
const givenUrl = process.env.MOTCUA_BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
const sizeArg = values.n ?? positionals[0];
const N = sizeArg === undefined ? (usePGlite ? 20_000 : 1_000_000) : /^\d+m$/i.test(sizeArg) ? Number(sizeArg.slice(0, -1)) * 1_000_000 : Number(sizeArg);
if (!Number.isInteger(N) || N < 1000) throw new Error(`N phải là số nguyên ≥ 1000 (got ${sizeArg})`);
const ROUNDS = Math.max(50, Number(values.rounds ?? 50));
const NAIVE_ROUNDS = Number(values['naive-rounds'] ?? (N > 2_000_000 ? 3 : 10));
const BATCH = 250_000;

/** The server to measure on: the given one, or a throwaway cluster started here and removed at the end. */
function serverUrlOrCluster(): { url: string; stop: () => void } {
  if (givenUrl) return { url: givenUrl, stop: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-pg-'));
  const script = join(root, 'scripts/pg-cluster.sh');
  const url = execFileSync('bash', [script, 'start', dir], { encoding: 'utf8' }).trim();
  console.log(`throwaway PostgreSQL cluster: ${url}`);
  return { url, stop: () => execFileSync('bash', [script, 'stop', dir]) };
}

async function open(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  if (usePGlite) return { handle: await openPGlite(), drop: async () => undefined };
  const server = serverUrlOrCluster();
  const name = `motcua_bench_stats_${process.pid}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), 8);
  return {
    handle,
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: server.url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
      server.stop();
    },
  };
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/**
 * Indexes of the two history tables other than primary keys and unique ones: dropped while the history
 * is generated and built again afterwards (one sort per index instead of millions of insertions).
 */
async function secondaryIndexes(db: DatabaseHandle['db']): Promise<Array<{ name: string; def: string }>> {
  return (await sql<{ name: string; def: string }>`
    SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS def
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    WHERE t.relname IN ('dossiers', 'dossier_actions') AND NOT x.indisprimary AND NOT x.indisunique ORDER BY 1`.execute(db)).rows;
}

/**
 * Dossiers spread over two years from 2023-01-01, at every kind of receiving unit, for commune procedures,
 * generated set-based: each batch is one statement (generate_series → dossiers, RETURNING → their actions).
 * Receiving unit, competent agency, procedure and channel cycle independently, so every (unit pair ×
 * procedure × channel) occurs: the worst case for rollups keyed by unit pair.
 */
async function generate(ctx: ServiceContext): Promise<void> {
  const db = ctx.db;
  const receiving = (await db.selectFrom('units').select('code').where('type', 'in', ['center', 'branch', 'reception_point']).execute()).map((r) => r.code);
  const communes = (await db.selectFrom('units').select('code').where('agency_level', '=', 'commune').execute()).map((r) => r.code);
  const procedures = await db.selectFrom('procedure_versions').select(['procedure_code', 'version', 'name']).where('level', '=', 'commune').limit(60).execute();
  const codes = procedures.map((p) => p.procedure_code);
  const versions = procedures.map((p) => p.version);
  const indexes = usePGlite ? [] : await secondaryIndexes(db);
  for (const index of indexes) await sql.raw(`DROP INDEX ${index.name}`).execute(db);
  for (let offset = 0; offset < N; offset += BATCH) {
    const size = Math.min(BATCH, N - offset);
    await sql`
      WITH g AS (
        SELECT i, timestamptz '2023-01-01 08:00+07' + (i::double precision / ${N}::int) * interval '730 days' AS r,
               (i::double precision / ${N}::int > 0.985 OR i % 53 = 0) AS open
        FROM generate_series(${offset + 1}::int, ${offset + size}::int) AS i
      ), d AS (
        INSERT INTO dossiers (province_code, code, procedure_code, procedure_version, procedure_name, channel, applicant, applicant_phone, applicant_commune_code,
          receiving_unit_code, competent_unit_code, return_unit_code, received_at, received_by, clock, status, due_at, finished_at)
        SELECT ${ctx.provinceCode}, 'B-' || i, (${codes}::text[])[1 + i % ${codes.length}], (${versions}::int[])[1 + i % ${versions.length}], 'Thủ tục',
          CASE WHEN i % 10 < 6 THEN 'direct' WHEN i % 10 < 9 THEN 'online' ELSE 'postal' END, '{}'::jsonb, '0912345678', '25861',
          (${receiving}::text[])[1 + (i * 7) % ${receiving.length}], (${communes}::text[])[1 + (i * 13) % ${communes.length}],
          (${receiving}::text[])[1 + (i * 7) % ${receiving.length}],
          r, 'bench', '{"timeLimit":{"unit":"days","value":7},"supplementPolicy":"restart"}'::jsonb,
          CASE WHEN open THEN 'processing' ELSE 'returned' END, r + interval '10 days',
          CASE WHEN open THEN NULL ELSE r + (1 + i % 13) * interval '1 day' END
        FROM g
        RETURNING province_code, code, received_at, due_at, finished_at, receiving_unit_code
      )
      -- intake, transfer, assign, a supplement request for 1 in 10, the result with its outcome, the return
      INSERT INTO dossier_actions (province_code, dossier_code, seq, type, at, actor_username, actor_roles, actor_unit_code, from_status, to_status, payload)
      SELECT d.province_code, d.code, a.seq, a.type, a.at, 'bench', '{reception}', d.receiving_unit_code, NULL, a.status, a.payload
      FROM d, LATERAL (VALUES
        (1, 'receive', d.received_at, 'received', '{}'::jsonb),
        (2, 'transfer', d.received_at + interval '2 hours', 'transferred', '{}'::jsonb),
        (3, 'assign', d.received_at + interval '1 day', 'processing', '{}'::jsonb),
        (4, CASE WHEN right(d.code, 1) = '8' THEN 'request_supplement' END, d.received_at + interval '30 hours', 'awaiting_supplement', '{}'::jsonb),
        (5, CASE WHEN d.finished_at IS NOT NULL THEN 'record_result' END, d.finished_at, 'result_ready',
           jsonb_build_object('outcome', CASE WHEN d.finished_at > d.due_at THEN 'late' WHEN d.finished_at < d.due_at - interval '1 day' THEN 'early' ELSE 'on_time' END)),
        (6, CASE WHEN d.finished_at IS NOT NULL THEN 'return_result' END, d.finished_at + interval '1 day', 'returned', '{}'::jsonb)
      ) AS a(seq, type, at, status, payload)
      WHERE a.type IS NOT NULL`.execute(db);
    process.stdout.write(`  ${Math.min(offset + size, N).toLocaleString('en')} / ${N.toLocaleString('en')} dossiers\r`);
  }
  process.stdout.write('\n');
  for (const index of indexes) await sql.raw(index.def).execute(db);
  await sql`VACUUM ANALYZE dossiers`.execute(db);
  await sql`VACUUM ANALYZE dossier_actions`.execute(db);
}

interface Figures {
  received: { total: number; direct: number; online: number; postal: number };
  finished: { early: number; onTime: number; late: number };
  inProgress: { onTime: number; overdue: number };
  returned: number;
  rejected: number;
  withdrawn: number;
}

/** The same numbers as the summary, computed from the raw history (dossier_actions ⨝ dossiers) with
 * plain GROUP BYs: events of the period by local day, and the open set at the snapshot instant from the
 * finishing actions themselves (not from the dossiers' finished_at column the service reads). */
async function naiveSummary(db: DatabaseHandle['db'], unitCodes: string[], from: string, to: string, at: Date): Promise<Figures> {
  const events = await sql<Record<string, string>>`
    SELECT d.channel,
      count(*) FILTER (WHERE a.type = 'receive') AS received,
      count(*) FILTER (WHERE a.payload ->> 'outcome' = 'early') AS early,
      count(*) FILTER (WHERE a.payload ->> 'outcome' = 'on_time') AS on_time,
      count(*) FILTER (WHERE a.payload ->> 'outcome' = 'late') AS late,
      count(*) FILTER (WHERE a.type = 'return_result') AS returned,
      count(*) FILTER (WHERE a.type = 'reject') AS rejected,
      count(*) FILTER (WHERE a.type = 'withdraw') AS withdrawn
    FROM dossier_actions a JOIN dossiers d ON d.province_code = a.province_code AND d.code = a.dossier_code
    WHERE a.at >= (${from}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AND a.at < (${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
      AND (d.receiving_unit_code = ANY(${unitCodes}::text[]) OR d.competent_unit_code = ANY(${unitCodes}::text[]))
    GROUP BY d.channel`.execute(db);
  const open = await sql<{ on_time: string; overdue: string }>`
    SELECT count(*) FILTER (WHERE NOT late) AS on_time, count(*) FILTER (WHERE late) AS overdue FROM (
      SELECT d.due_at < ${at} AND NOT (f.finished IS NULL AND d.status IN ('awaiting_supplement', 'paused')) AS late
      FROM dossiers d
      JOIN dossier_actions r ON r.province_code = d.province_code AND r.dossier_code = d.code AND r.type = 'receive'
      LEFT JOIN (SELECT province_code, dossier_code, min(at) AS finished FROM dossier_actions WHERE payload ? 'outcome' GROUP BY 1, 2) f
        ON f.province_code = d.province_code AND f.dossier_code = d.code
      WHERE (d.receiving_unit_code = ANY(${unitCodes}::text[]) OR d.competent_unit_code = ANY(${unitCodes}::text[]))
        AND r.at < ${at} AND (f.finished IS NULL OR f.finished > ${at})) o`.execute(db);
  const n = (row: Record<string, string> | undefined, k: string) => Number(row?.[k] ?? 0);
  const sum = (k: string) => events.rows.reduce((t, row) => t + n(row, k), 0);
  const channel = (c: string) => n(events.rows.find((row) => row.channel === c), 'received');
  return {
    received: { total: sum('received'), direct: channel('direct'), online: channel('online'), postal: channel('postal') },
    finished: { early: sum('early'), onTime: sum('on_time'), late: sum('late') },
    inProgress: { onTime: Number(open.rows[0]?.on_time ?? 0), overdue: Number(open.rows[0]?.overdue ?? 0) },
    returned: sum('returned'), rejected: sum('rejected'), withdrawn: sum('withdrawn'),
  };
}

const figuresOf = (s: Figures): Figures => ({
  received: s.received, finished: s.finished, inProgress: s.inProgress, returned: s.returned, rejected: s.rejected, withdrawn: s.withdrawn,
});
const stats = (xs: number[]) => ({ calls: xs.length, p50: round(pct(xs, 50)), p95: round(pct(xs, 95)), p99: round(pct(xs, 99)) });
const round = (x: number) => Math.round(x * 10) / 10;

async function main(): Promise<void> {
  const { handle, drop } = await open();
  const results: Array<Record<string, unknown>> = [];
  let mismatches = 0;
  const timings: Record<string, number> = {};
  try {
    await migrate(handle.db);
    const now = new Date('2024-12-31T16:00:00+07:00');
    const ctx: ServiceContext = { db: handle.db, settings: loadSettings({}), provinceCode: PROVINCE_CODE, now: () => now };
    await seedDemo(ctx, 'bench-password');
    console.log(`stats bench on ${handle.kind}: N = ${N.toLocaleString('en')} dossiers (machine: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
    let t = process.hrtime.bigint();
    await generate(ctx);
    timings.generateSeconds = round(ms(t) / 1000);
    console.log(`generated history in ${timings.generateSeconds} s`);
    t = process.hrtime.bigint();
    const rebuilt = await handle.db.transaction().execute((trx) => replaceFactsFromHistory(trx, ctx.provinceCode));
    await sql`ANALYZE`.execute(handle.db);
    timings.rebuildSeconds = round(ms(t) / 1000);
    console.log(`rebuilt facts in ${timings.rebuildSeconds} s: ${rebuilt.events.toLocaleString('en')} events, ${rebuilt.rollups.toLocaleString('en')} rollup rows, ${rebuilt.scopeRows.toLocaleString('en')} scope rows`);
    // End-of-day in-progress snapshots of every ended day, as the stats-snapshots job would have taken them night after night.
    t = process.hrtime.bigint();
    const yesterday = localDate(now.getTime() - 86_400_000);
    const snapshots = await handle.db.transaction().execute((trx) => takeOpenSnapshots(trx, ctx.provinceCode, '2023-01-01', yesterday, now));
    await sql`ANALYZE`.execute(handle.db);
    timings.snapshotSeconds = round(ms(t) / 1000);
    console.log(`took ${snapshots.days} end-of-day snapshots in ${timings.snapshotSeconds} s: ${snapshots.rows.toLocaleString('en')} rows`);

    const staff = (await findStaffByUsername(handle.db, 'admin'))!;
    const actor: Actor = { userId: staff.id, username: staff.username, fullName: staff.fullName, unitCode: staff.unitCode, unitName: '', roles: staff.roles };
    const app = await buildServer(ctx);
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'bench-password' }) });
    const token = ((await login.json()) as { token: string }).token;
    const questions: Array<{ label: string; unitCode: string; from: string; to: string }> = [
      { label: 'province, one month', unitCode: 'UBND74', from: '2024-11-01', to: '2024-11-30' },
      { label: 'province, one year', unitCode: 'UBND74', from: '2024-01-01', to: '2024-12-31' },
      { label: 'province, two years', unitCode: 'UBND74', from: '2023-01-01', to: '2024-12-31' },
      { label: 'Center network, one quarter', unitCode: 'TT74', from: '2024-07-01', to: '2024-09-30' },
      { label: 'one Branch, one year', unitCode: 'CN718', from: '2024-01-01', to: '2024-12-31' },
      { label: 'province, 6 weeks unaligned', unitCode: 'UBND74', from: '2024-10-15', to: '2024-11-26' },
      { label: 'one reception point, 1 month', unitCode: 'DTN25741', from: '2024-06-01', to: '2024-06-30' },
    ];
    console.log(`summary: ${ROUNDS} calls per question; naive GROUP BY: ${NAIVE_ROUNDS} calls per question (it is slow)`);
    console.log('question                        | summary p50/p95/p99 ms | HTTP p50/p95/p99 ms  | naive p50/p95/p99 ms     | naive/summary p50 | equal');
    for (const q of questions) {
      const codes = await subtreeCodesOf(handle.db, q.unitCode);
      const at = new Date(snapshotInstant(parsePeriod(q, now.getTime()), now.getTime()));
      const fast: number[] = [];
      const http: number[] = [];
      const slow: number[] = [];
      let answer: Figures | undefined;
      for (let r = 0; r < ROUNDS; r++) {
        t = process.hrtime.bigint();
        answer = await statsSummary(ctx, actor, { unitCode: q.unitCode, from: q.from, to: q.to });
        fast.push(ms(t));
        t = process.hrtime.bigint();
        const res = await fetch(`${base}/api/v1/stats/summary?unitCode=${q.unitCode}&from=${q.from}&to=${q.to}`, { headers: { authorization: `Bearer ${token}` } });
        await res.json();
        http.push(ms(t));
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      }
      let naive: Figures | undefined;
      for (let r = 0; r < NAIVE_ROUNDS; r++) {
        t = process.hrtime.bigint();
        naive = await naiveSummary(handle.db, codes, q.from, q.to, at);
        slow.push(ms(t));
      }
      const equal = JSON.stringify(figuresOf(answer!)) === JSON.stringify(naive);
      if (!equal) {
        mismatches++;
        console.error(`MISMATCH ${q.label}:\n  summary ${JSON.stringify(figuresOf(answer!))}\n  naive   ${JSON.stringify(naive)}`);
      }
      const f = (xs: number[]) => `${pct(xs, 50).toFixed(1)} / ${pct(xs, 95).toFixed(1)} / ${pct(xs, 99).toFixed(1)}`;
      const ratio = round(pct(slow, 50) / pct(fast, 50));
      const inProgressFrom = at.getTime() < now.getTime() ? 'end-of-day snapshot' : 'live (open dossiers)';
      console.log(`${q.label.padEnd(31)} | ${f(fast).padEnd(22)} | ${f(http).padEnd(20)} | ${f(slow).padEnd(24)} | ${String(ratio).padStart(8)}× | ${equal ? 'yes' : 'NO'}`);
      results.push({ ...q, inProgressFrom, summaryMs: stats(fast), httpMs: stats(http), naiveMs: stats(slow), naiveOverSummaryP50: ratio,
        naiveOverSummaryP95: round(pct(slow, 95) / pct(fast, 95)), equal, figures: naive });
    }
    await app.close();
    const [sizes] = (await sql<{ actions: string; events: string; rollups: string; scope_rows: string; snapshot_rows: string }>`
      SELECT (SELECT count(*) FROM dossier_actions) AS actions, (SELECT count(*) FROM stats_events) AS events, (SELECT count(*) FROM stats_daily) AS rollups,
        (SELECT count(*) FROM stats_scope_daily) AS scope_rows, (SELECT count(*) FROM stats_open_daily) AS snapshot_rows`.execute(handle.db)).rows;
    const out = join(root, 'bench', 'results', `stats-${handle.kind}-${N}.json`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify({
      bench: 'stats', engine: handle.kind, dossiers: N, actions: Number(sizes?.actions), events: Number(sizes?.events), rollupRows: Number(sizes?.rollups),
      scopeRows: Number(sizes?.scope_rows), snapshotRows: Number(sizes?.snapshot_rows),
      at: new Date().toISOString(), machine: { cores: cpus().length, loadAverage: loadavg().map(round), note: 'shared development machine (other helpers may be running)' },
      ...timings, questions: results,
    }, null, 2)}\n`);
    console.log(`figures written to ${out}`);
  } finally {
    await handle.close();
    await drop();
  }
  if (mismatches > 0) {
    console.error(`${mismatches} question(s) where the summary differs from the naive GROUP BY`);
    process.exit(1);
  }
}

await main();
