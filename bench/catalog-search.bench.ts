// Catalog search latency: p50/p95/p99 over the 1,601 seeded national procedures and over a synthetic
// catalog of 20,000, for a mix of realistic queries (accented and not, typos, filters, codes, hostile
// input). Run: npx tsx bench/catalog-search.bench.ts
//   MOTCUA_BENCH_DATABASE_URL=postgres://…/postgres  also measures on that PostgreSQL server (a scratch
//   database is created there and dropped afterwards); without it, PGlite only.
//   BENCH_ROUNDS=N  rounds over the query mix (default 20).
//   BENCH_ENGINES=postgres|pglite|postgres,pglite  which engines (default: both when a server is given).
//   BENCH_PREPARED=1  name the statements per connection, as MOTCUA_PG_PREPARED_STATEMENTS=true does (decision 0033).
//   BENCH_KEEP_DB=1  keeps the PostgreSQL scratch database (its name is printed) to inspect plans.
import pg from 'pg';
import { sql } from 'kysely';
import { openPGlite, openPostgres, type DatabaseHandle } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { loadSettings } from '../src/config/settings.ts';
import { PROVINCE_CODE } from '../src/config/province.ts';
import { seedDemoCatalog, loadSeedCatalog } from '../src/services/demo-catalog.ts';
import { importProcedureRecords } from '../src/services/import-procedures.ts';
import { searchProcedures, type ProcedureSearchInput } from '../src/services/procedures.ts';
import type { ServiceContext } from '../src/services/context.ts';
import type { LocatedRecord, ProcedureRecord } from '../src/domain/catalog/procedure-record.ts';

const SYNTHETIC_SIZE = 20_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const PREPARED = process.env.BENCH_PREPARED === '1';

/** The share of the search table's pages marked all-visible: the index-only count of a listing needs them. */
async function allVisible(db: DatabaseHandle['db']): Promise<number> {
  const row = (await sql<{ pages: number; visible: number }>`SELECT relpages AS pages, relallvisible AS visible FROM pg_class WHERE relname = 'procedure_search'`.execute(db)).rows[0];
  return row && row.pages > 0 ? row.visible / row.pages : 1;
}

/** A catalog at rest, as autovacuum leaves it after an import: vacuumed until its pages are all-visible. */
async function steadyState(db: DatabaseHandle['db'], kind: string): Promise<void> {
  for (let round = 1; round <= 3; round++) {
    const share = await allVisible(db);
    console.log(`[${kind}] procedure_search pages all-visible: ${(share * 100).toFixed(0)} %`);
    if (share > 0.95) return;
    await sql`VACUUM ANALYZE procedure_search`.execute(db);
  }
}
const serverUrl = process.env.MOTCUA_BENCH_DATABASE_URL ?? process.env.BENCH_DATABASE_URL;

const QUERIES: Array<{ label: string; input: ProcedureSearchInput }> = [
  { label: 'khai sinh', input: { q: 'khai sinh' } },
  { label: 'cap giay phep xay dung', input: { q: 'cap giay phep xay dung' } },
  { label: 'giấy phép xây dựng', input: { q: 'giấy phép xây dựng' } },
  { label: 'đăng ký thường trú', input: { q: 'đăng ký thường trú' } },
  { label: 'chứng thực bản sao', input: { q: 'chứng thực bản sao' } },
  { label: 'ho kinh doanh', input: { q: 'ho kinh doanh' } },
  { label: 'kết hôn', input: { q: 'kết hôn' } },
  { label: 'đất đai', input: { q: 'đất đai' } },
  { label: 'thue', input: { q: 'thue' } },
  { label: 'cấp lại thẻ căn cước', input: { q: 'cấp lại thẻ căn cước' } },
  { label: 'typo: khai snh', input: { q: 'khai snh' } },
  { label: 'typo: giay phep xay dugn', input: { q: 'giay phep xay dugn' } },
  { label: 'code 1.001193', input: { q: '1.001193' } },
  { label: 'q + level=commune', input: { q: 'đăng ký', level: 'commune' } },
  { label: 'q + locationFree', input: { q: 'giấy phép', locationFree: true } },
  { label: 'field=Hộ tịch (no q)', input: { field: 'Hộ tịch' } },
  { label: 'no filter, page 3', input: { offset: 40 } },
  { label: 'at=2025-01-15 locationFree', input: { locationFree: true, at: Date.parse('2025-01-15T00:00:00+07:00') } },
  { label: 'hostile: 2,000 chars', input: { q: 'giấy phép '.repeat(200) } },
  { label: "hostile: %_\\' 😀", input: { q: "%_\\' 😀 ' OR 1=1 --" } },
];

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

async function measure(ctx: ServiceContext, label: string): Promise<void> {
  for (const q of QUERIES) await searchProcedures(ctx, q.input); // warm up
  const all: number[] = [];
  const perQuery = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of QUERIES) {
      const start = process.hrtime.bigint();
      await searchProcedures(ctx, { ...q.input, limit: 20 });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      all.push(ms);
      perQuery.set(q.label, [...(perQuery.get(q.label) ?? []), ms]);
    }
  }
  all.sort((a, b) => a - b);
  console.log(`\n${label}: ${all.length} searches — p50 ${all.length ? percentile(all, 50).toFixed(2) : '-'} ms, p95 ${percentile(all, 95).toFixed(2)} ms, p99 ${percentile(all, 99).toFixed(2)} ms`);
  for (const [query, times] of perQuery) {
    times.sort((a, b) => a - b);
    console.log(`  ${query.padEnd(34)} p50 ${percentile(times, 50).toFixed(2).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(2).padStart(7)} ms`);
  }
}

/** Variants of the real procedures (new codes, names with a distinguishing suffix and other agencies). */
function syntheticRecords(base: LocatedRecord[], count: number): LocatedRecord[] {
  const suffixes = ['đối với tổ chức', 'đối với cá nhân', 'trong khu công nghiệp', 'có yếu tố nước ngoài', 'tại khu vực biên giới', 'theo thủ tục rút gọn',
    'cho hộ gia đình', 'đối với doanh nghiệp nhỏ', 'lần đầu', 'cấp lại do bị mất', 'điều chỉnh nội dung', 'thực hiện trực tuyến'];
  const records: LocatedRecord[] = [];
  for (let i = 0; records.length < count; i++) {
    const source = base[i % base.length]!.record;
    const variant = Math.floor(i / base.length);
    const record: ProcedureRecord = {
      ...source,
      code: `9.${String(i).padStart(6, '0')}`,
      name: `${String(source.name)} ${suffixes[(i + variant) % suffixes.length]}${variant > 0 ? ` (biến thể ${variant})` : ''}`,
      raw: null,
    };
    records.push({ row: records.length + 1, record });
  }
  return records;
}

async function benchEngine(kind: 'pglite' | 'postgres'): Promise<void> {
  let handle: DatabaseHandle;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (kind === 'postgres') {
    const name = `motcua_bench_${process.pid}`;
    console.log(`[postgres] scratch database ${name}`);
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    handle = await openPostgres(url.toString(), 4, PREPARED);
    if (PREPARED) console.log('[postgres] named statements (MOTCUA_PG_PREPARED_STATEMENTS=true)');
    dropDatabase = async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    };
  } else {
    handle = await openPGlite();
  }
  try {
    await migrate(handle.db);
    const ctx: ServiceContext = { db: handle.db, settings: loadSettings({}, {}), provinceCode: PROVINCE_CODE, now: () => new Date('2026-01-15T09:00:00+07:00') };
    let start = Date.now();
    await handle.db.transaction().execute((trx) => seedDemoCatalog({ ...ctx, db: trx }));
    console.log(`\n[${kind}] seeded 1,601 procedures + 3 demo decisions in ${Date.now() - start} ms`);
    await sql`VACUUM ANALYZE`.execute(handle.db);
    await measure(ctx, `[${kind}] 1,601 procedures`);

    start = Date.now();
    const synthetic = syntheticRecords(await loadSeedCatalog(), SYNTHETIC_SIZE - 1601);
    await importProcedureRecords(ctx, synthetic, { format: 'json', via: 'bench', effectiveAt: new Date('2024-12-02T00:00:00+07:00') });
    await sql`VACUUM ANALYZE`.execute(handle.db);
    await steadyState(handle.db, kind);
    console.log(`\n[${kind}] added ${synthetic.length.toLocaleString('en')} synthetic procedures (total ${SYNTHETIC_SIZE.toLocaleString('en')}) in ${Date.now() - start} ms`);
    await measure(ctx, `[${kind}] ${SYNTHETIC_SIZE.toLocaleString('en')} procedures`);
  } finally {
    await handle.close();
    if (process.env.BENCH_KEEP_DB === '1' && dropDatabase) console.log(`\n[${kind}] kept the scratch database for inspection`);
    else await dropDatabase?.();
  }
}

const engines = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',');
if (serverUrl && engines.includes('postgres')) await benchEngine('postgres');
if (engines.includes('pglite')) await benchEngine('pglite');
