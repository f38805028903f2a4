// Queue throughput: tickets issued per second and call-next per second with 20 counters calling at once
// until 2,000 waiting tickets are drained. Run: npx tsx bench/queue.bench.ts
//   MOTCUA_BENCH_DATABASE_URL=postgres://…/postgres  also measures on that PostgreSQL server (a scratch
//   database is created there and dropped afterwards); without it, PGlite only.
//   BENCH_TICKETS=N  tickets per round (default 2000).
import pg from 'pg';
import { openPGlite, openPostgres, type DatabaseHandle } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { loadSettings } from '../src/config/settings.ts';
import { PROVINCE_CODE } from '../src/config/province.ts';
import { buildPilotNetwork } from '../src/domain/network/binh-duong-network.ts';
import { insertUnits } from '../src/store/units.ts';
import { insertCounters } from '../src/store/queue-config.ts';
import { loadAdministrativeUnits } from '../src/services/demo-seed.ts';
import { seedDemoQueues } from '../src/services/queue-demo.ts';
import { takeTicket } from '../src/services/queue-tickets.ts';
import { callNext } from '../src/services/queue-counter.ts';
import type { Actor, ServiceContext } from '../src/services/context.ts';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 2000);
const COUNTERS = 20;
const UNIT = 'TT74';
const GROUPS = ['HT', 'DD', 'KD', 'CT', 'TH'];
const serverUrl = process.env.MOTCUA_BENCH_DATABASE_URL;
// A Thursday morning, moving forward a second per ticket so that no kiosk reaches the rate limit.
let clock = Date.parse('2024-12-05T08:00:00+07:00');

async function prepare(handle: DatabaseHandle): Promise<ServiceContext> {
  await migrate(handle.db);
  const units = buildPilotNetwork(await loadAdministrativeUnits());
  await insertUnits(handle.db, units);
  await seedDemoQueues(handle.db, PROVINCE_CODE, units);
  await insertCounters(handle.db, PROVINCE_CODE, Array.from({ length: COUNTERS - 8 }, (_, i) => ({ unitCode: UNIT, code: String(i + 9), name: `Quầy ${i + 9}`, serviceGroups: GROUPS })));
  return { db: handle.db, settings: loadSettings({}), provinceCode: PROVINCE_CODE, now: () => new Date(clock) };
}

async function measure(label: string, handle: DatabaseHandle, issuers: number): Promise<void> {
  const ctx = await prepare(handle);
  let issued = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: issuers }, async (_, k) => {
    while (issued < TICKETS) {
      const i = issued++;
      clock += 50;
      await takeTicket(ctx, UNIT, { serviceGroup: GROUPS[i % GROUPS.length]!, priority: i % 7 === 3 ? 'elderly' : 'normal' }, { address: `10.0.${k}.${i % 200}`, userAgent: null, requestId: null });
    }
  }));
  const issueMs = performance.now() - started;

  const origin = { address: '127.0.0.1', userAgent: null, requestId: null };
  const officers: Actor[] = Array.from({ length: COUNTERS }, (_, i) => ({ userId: `u${i}`, username: `bench.${i + 1}`, fullName: `Cán bộ ${i + 1}`, unitCode: UNIT, unitName: 'Trung tâm', roles: ['reception'] }));
  const callStarted = performance.now();
  const called = await Promise.all(officers.map(async (officer, i) => {
    let n = 0;
    while ((await callNext(ctx, officer, UNIT, String(i + 1), origin)).ticket) n++;
    return n;
  }));
  const callMs = performance.now() - callStarted;
  const total = called.reduce((a, b) => a + b, 0);
  if (total !== TICKETS) throw new Error(`called ${total} of ${TICKETS}`);
  console.log(`${label.padEnd(26)} issue: ${Math.round((TICKETS / issueMs) * 1000).toString().padStart(5)} tickets/s (${issuers} kiosks)   ` +
    `call-next: ${Math.round((TICKETS / callMs) * 1000).toString().padStart(5)} calls/s (${COUNTERS} counters, ${called.filter((n) => n > 0).length} took part)`);
}

console.log(`Queue throughput, ${TICKETS} tickets at one unit`);
const lite = await openPGlite();
try {
  await measure('PGlite (embedded)', lite, 1);
} finally {
  await lite.close();
}

if (serverUrl) {
  const name = `motcua_bench_queue_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const server = await openPostgres(url.toString(), 24);
  try {
    clock = Date.parse('2024-12-05T08:00:00+07:00');
    await measure('PostgreSQL server', server, 8);
  } finally {
    await server.close();
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  }
} else {
  console.log('PostgreSQL server: skipped (set MOTCUA_BENCH_DATABASE_URL to measure it)');
}
