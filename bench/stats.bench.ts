// Dashboard summary latency on a large synthetic history: N dossiers (default 1,000,000 on PostgreSQL,
// 20,000 on PGlite; --n N) with realistic action histories (intake, transfer, assign, supplements for some,
// the finishing action with its on-time outcome, the return), rollups rebuilt from that history, then
// p50/p95/p99 of the contract summary (answered from rollups) against the same figures computed by a naive
// GROUP BY over the raw history, measured in the same run.
// Run: npx tsx bench/stats.bench.ts [--n N] [--rounds R]
//   MOTCUA_BENCH_DATABASE_URL=postgres://…/postgres  measures on that server (scratch database created and
//   dropped); without it, PGlite.
import pg from 'pg';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openPGlite, openPostgres, type DatabaseHandle } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { loadSettings } from '../src/config/settings.ts';
import { PROVINCE_CODE } from '../src/config/province.ts';
import { seedDemo } from '../src/services/demo-seed.ts';
import { replaceFactsFromHistory } from '../src/store/stats-rebuild.ts';
import { statsSummary } from '../src/services/stats-summary.ts';
import { findStaffByUsername } from '../src/store/staff.ts';
import { subtreeCodesOf } from '../src/store/units.ts';
import type { Actor, ServiceContext } from '../src/services/context.ts';

const { values } = parseArgs({ options: { n: { type: 'string' }, rounds: { type: 'string' } } });
const serverUrl = process.env.MOTCUA_BENCH_DATABASE_URL;
const N = Number(values.n ?? (serverUrl ? 1_000_000 : 20_000));
const ROUNDS = Number(values.rounds ?? 20);
const BATCH = 100_000;

async function open(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  if (!serverUrl) return { handle: await openPGlite(), drop: async () => undefined };
  const name = `motcua_bench_stats_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), 8);
  return {
    handle,
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** Dossiers spread over two years from 2023-01-01, at every kind of receiving unit, for commune procedures. */
async function generate(ctx: ServiceContext): Promise<void> {
  const db = ctx.db;
  const receiving = (await db.selectFrom('units').select('code').where('type', 'in', ['center', 'branch', 'reception_point']).execute()).map((r) => r.code);
  const communes = (await db.selectFrom('units').select('code').where('agency_level', '=', 'commune').execute()).map((r) => r.code);
  const procedures = await db.selectFrom('procedure_versions').select(['procedure_code', 'version', 'name']).where('level', '=', 'commune').limit(60).execute();
  const codes = procedures.map((p) => p.procedure_code);
  const versions = procedures.map((p) => p.version);
  for (let offset = 0; offset < N; offset += BATCH) {
    const size = Math.min(BATCH, N - offset);
    await db.transaction().execute(async (trx) => {
      await sql`
        INSERT INTO dossiers (province_code, code, procedure_code, procedure_version, procedure_name, channel, applicant, applicant_phone, applicant_commune_code,
          receiving_unit_code, competent_unit_code, return_unit_code, received_at, received_by, clock, status, due_at, finished_at)
        SELECT ${ctx.provinceCode}, 'B-' || i, (${codes}::text[])[1 + i % ${codes.length}], (${versions}::int[])[1 + i % ${versions.length}], 'Thủ tục', 
          CASE WHEN i % 10 < 6 THEN 'direct' WHEN i % 10 < 9 THEN 'online' ELSE 'postal' END, '{}'::jsonb, '0912345678', '25861',
          (${receiving}::text[])[1 + (i * 7) % ${receiving.length}], (${communes}::text[])[1 + (i * 13) % ${communes.length}],
          (${receiving}::text[])[1 + (i * 7) % ${receiving.length}],
          r, 'bench', '{"timeLimit":{"unit":"days","value":7},"supplementPolicy":"restart"}'::jsonb,
          CASE WHEN open THEN 'processing' ELSE 'returned' END, r + interval '10 days',
          CASE WHEN open THEN NULL ELSE r + (1 + i % 13) * interval '1 day' END
        FROM (SELECT i, timestamptz '2023-01-01 08:00+07' + (i::double precision / ${N}::int) * interval '730 days' AS r,
                     (i::double precision / ${N}::int > 0.985 OR i % 53 = 0) AS open
              FROM generate_series(${offset + 1}::int, ${offset + size}::int) AS i) g`.execute(trx);
      // intake, transfer, assign, a supplement request for 1 in 8, the result with its outcome, the return
      await sql`
        INSERT INTO dossier_actions (province_code, dossier_code, seq, type, at, actor_username, actor_roles, actor_unit_code, from_status, to_status, payload)
        SELECT d.province_code, d.code, a.seq, a.type, a.at, 'bench', '{reception}', d.receiving_unit_code, NULL, a.status, a.payload
        FROM dossiers d, LATERAL (VALUES
          (1, 'receive', d.received_at, 'received', '{}'::jsonb),
          (2, 'transfer', d.received_at + interval '2 hours', 'transferred', '{}'::jsonb),
          (3, 'assign', d.received_at + interval '1 day', 'processing', '{}'::jsonb),
          (4, CASE WHEN right(d.code, 1) = '8' THEN 'request_supplement' END, d.received_at + interval '30 hours', 'awaiting_supplement', '{}'::jsonb),
          (5, CASE WHEN d.finished_at IS NOT NULL THEN 'record_result' END, d.finished_at, 'result_ready',
             jsonb_build_object('outcome', CASE WHEN d.finished_at > d.due_at THEN 'late' WHEN d.finished_at < d.due_at - interval '1 day' THEN 'early' ELSE 'on_time' END)),
          (6, CASE WHEN d.finished_at IS NOT NULL THEN 'return_result' END, d.finished_at + interval '1 day', 'returned', '{}'::jsonb)
        ) AS a(seq, type, at, status, payload)
        WHERE d.code = ANY(SELECT 'B-' || i FROM generate_series(${offset + 1}::int, ${offset + size}::int) i) AND a.type IS NOT NULL`.execute(trx);
    });
    process.stdout.write(`  ${Math.min(offset + size, N).toLocaleString('en')} / ${N.toLocaleString('en')} dossiers\r`);
  }
  process.stdout.write('\n');
  await sql`ANALYZE`.execute(db);
}

/** The same numbers as the summary, computed from the raw history with one GROUP BY per question. */
async function naiveSummary(db: DatabaseHandle['db'], unitCodes: string[], from: string, to: string): Promise<unknown> {
  const result = await sql`
    SELECT d.channel,
      count(*) FILTER (WHERE a.type = 'receive') AS received,
      count(*) FILTER (WHERE a.payload ->> 'outcome' = 'early') AS early,
      count(*) FILTER (WHERE a.payload ->> 'outcome' = 'on_time') AS on_time,
      count(*) FILTER (WHERE a.payload ->> 'outcome' = 'late') AS late,
      count(*) FILTER (WHERE a.type = 'return_result') AS returned,
      count(*) FILTER (WHERE a.type = 'reject') AS rejected,
      count(*) FILTER (WHERE a.type = 'withdraw') AS withdrawn
    FROM dossier_actions a JOIN dossiers d ON d.province_code = a.province_code AND d.code = a.dossier_code
    WHERE a.at >= ${from}::date AND a.at < ${to}::date + 1
      AND (d.receiving_unit_code = ANY(${unitCodes}::text[]) OR d.competent_unit_code = ANY(${unitCodes}::text[]))
    GROUP BY d.channel`.execute(db);
  return result.rows;
}

async function main(): Promise<void> {
  const { handle, drop } = await open();
  try {
    await migrate(handle.db);
    let now = new Date('2024-12-31T16:00:00+07:00');
    const ctx: ServiceContext = { db: handle.db, settings: loadSettings({}), provinceCode: PROVINCE_CODE, now: () => now };
    await seedDemo(ctx, 'bench-password');
    console.log(`stats bench on ${handle.kind}: N = ${N.toLocaleString('en')} dossiers`);
    let t = process.hrtime.bigint();
    await generate(ctx);
    console.log(`generated history in ${(ms(t) / 1000).toFixed(1)} s`);
    t = process.hrtime.bigint();
    const rebuilt = await handle.db.transaction().execute((trx) => replaceFactsFromHistory(trx, ctx.provinceCode));
    await sql`ANALYZE`.execute(handle.db);
    console.log(`rebuilt facts in ${(ms(t) / 1000).toFixed(1)} s: ${rebuilt.events.toLocaleString('en')} events, ${rebuilt.rollups.toLocaleString('en')} rollup rows`);

    const staff = (await findStaffByUsername(handle.db, 'admin'))!;
    const actor: Actor = { userId: staff.id, username: staff.username, fullName: staff.fullName, unitCode: staff.unitCode, unitName: '', roles: staff.roles };
    const questions: Array<{ label: string; unitCode: string; from: string; to: string }> = [
      { label: 'province, one month', unitCode: 'UBND74', from: '2024-11-01', to: '2024-11-30' },
      { label: 'province, one year', unitCode: 'UBND74', from: '2024-01-01', to: '2024-12-31' },
      { label: 'Center network, one quarter', unitCode: 'TT74', from: '2024-07-01', to: '2024-09-30' },
      { label: 'one Branch, one year', unitCode: 'CN718', from: '2024-01-01', to: '2024-12-31' },
    ];
    console.log('question                        | summary p50 / p95 / p99 ms | naive p50 / p95 / p99 ms | naive/summary (p50)');
    for (const q of questions) {
      const codes = await subtreeCodesOf(handle.db, q.unitCode);
      const fast: number[] = [];
      const slow: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        t = process.hrtime.bigint();
        await statsSummary(ctx, actor, { unitCode: q.unitCode, from: q.from, to: q.to });
        fast.push(ms(t));
        if (r < Math.max(3, Math.ceil(ROUNDS / 4))) {
          t = process.hrtime.bigint();
          await naiveSummary(handle.db, codes, q.from, q.to);
          slow.push(ms(t));
        }
      }
      const f = (xs: number[]) => `${pct(xs, 50).toFixed(1)} / ${pct(xs, 95).toFixed(1)} / ${pct(xs, 99).toFixed(1)}`;
      console.log(`${q.label.padEnd(31)} | ${f(fast).padEnd(26)} | ${f(slow).padEnd(24)} | ${(pct(slow, 50) / pct(fast, 50)).toFixed(1)}×`);
    }
    now = new Date();
  } finally {
    await handle.close();
    await drop();
  }
}

await main();
