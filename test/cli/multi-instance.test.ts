// Three `motcua serve` processes on one PostgreSQL database, started at the same instant on an empty
// database, as a load balancer would use them: migrations run once (advisory lock), the demo network is
// seeded once, a session opened on one instance works on the others, intakes and actions spread over
// all three get unique gap-free codes and replay idempotently anywhere, every receipt notification is
// queued and sent exactly once although three job runners poll the same outbox, and a queue event
// published on the database reaches the live display streams of all three. The same again with the
// instances behind pgbouncer in transaction-pooling mode (docs/deployment.md): migrations, advisory locks,
// sessions and NOTIFY work through it, LISTEN takes the direct MOTCUA_LISTEN_DATABASE_URL, and the
// server sees only pgbouncer's few connections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import { startMotcua, servedPort, type Running } from '../support/serve-process.ts';
import { QUEUE_CHANNEL } from '../../src/store/queue-notify.ts';
import { existsSync } from 'node:fs';
import { PGBOUNCER, startPgbouncer, type Pgbouncer } from '../support/pgbouncer.ts';

const serverUrl = inject('postgresUrl') ?? undefined;
const RECEPTION = 'tn.CN724';
const INTAKES = 30;
const NAMES = ['Bình', 'Cúc', 'Dung', 'Hoa', 'Lan', 'Mai'];

// pgbouncer (Debian package) is installed by .ci/run; a local run without it tests the direct topology only.
const withPgbouncer = existsSync(PGBOUNCER) || process.env.MOTCUA_TEST_STRICT === '1';
const TOPOLOGIES = serverUrl ? (['direct', ...(withPgbouncer ? ['pgbouncer'] : [])] as const) : [];

describe.each(TOPOLOGIES)('three motcua instances on one PostgreSQL database (%s)', (topology) => {
  const name = `motcua_multi_${topology}_${process.pid}`;
  let bouncer: Pgbouncer | undefined;
  let databaseUrl: string;
  let instances: Running[] = [];
  let bases: string[] = [];
  let token: string;
  let db: pg.Client;
  let procedureCode: string;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl! });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    let appUrl = databaseUrl;
    if (topology === 'pgbouncer') {
      await refusedWithoutVietnamTimeZone();
      bouncer = await startPgbouncer(serverUrl!, name);
      appUrl = bouncer.url;
    }
    // All three at once, on an empty database.
    instances = [0, 1, 2].map(() => startMotcua(['serve', '--demo', '--port', '0'], {
      DATABASE_URL: appUrl, MOTCUA_LISTEN_DATABASE_URL: databaseUrl, MOTCUA_DB_POOL_SIZE: '4', MOTCUA_DEMO_OIDC_PORT: '0',
      MOTCUA_OUTBOX_INTERVAL_SECONDS: '1', MOTCUA_DELIVERY_INTERVAL_SECONDS: '1', MOTCUA_TIMER_INTERVAL_SECONDS: '2', MOTCUA_LOG_LEVEL: 'info',
    }));
    const ports = await Promise.all(instances.map((run) => servedPort(run, 150_000)));
    bases = ports.map((p) => `http://127.0.0.1:${p}`);
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
  }, 200_000);

  afterAll(async () => {
    for (const run of instances) run.kill('SIGTERM');
    const codes = await Promise.all(instances.map((run) => run.exited));
    await db?.end();
    await bouncer?.stop();
    const admin = new pg.Client({ connectionString: serverUrl! });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    expect(codes).toEqual([0, 0, 0]);
  }, 60_000);

  /** pgbouncer drops the `options` startup parameter: the database's default time zone must then be Vietnam's. */
  // (pgbouncer caches the server's time zone when it first connects: set the database's before starting it.)
  async function refusedWithoutVietnamTimeZone() {
    const admin = new pg.Client({ connectionString: serverUrl! });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${name} SET timezone TO 'UTC'`);
    const utcBouncer = await startPgbouncer(serverUrl!, name);
    const refused = startMotcua(['serve', '--port', '0'], { DATABASE_URL: utcBouncer.url });
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain('Múi giờ phiên PostgreSQL là UTC');
    await utcBouncer.stop();
    await admin.query(`ALTER DATABASE ${name} SET timezone TO 'Asia/Ho_Chi_Minh'`);
    await admin.end();
  }

  const count = async (query: string, params: unknown[] = []) => Number((await db.query(query, params)).rows[0].n);
  const post = (base: string, path: string, body: unknown) => fetch(`${base}/api/v1${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body),
  });

  it('migrated once and seeded the demo network once, though all three started together', async () => {
    const migrations = (await db.query('SELECT version, count(*)::int AS n FROM schema_migrations GROUP BY version HAVING count(*) > 1')).rows;
    expect(migrations).toEqual([]);
    expect(await count("SELECT count(*)::int AS n FROM audit_log WHERE action = 'demo.seed'")).toBe(1);
    expect(await count("SELECT count(*)::int AS n FROM units WHERE type = 'branch'")).toBe(9);
    const seededBy = instances.filter((run) => run.output().includes('Đã tạo dữ liệu mẫu'));
    expect(seededBy).toHaveLength(1);
  });

  it('accepts a session opened on one instance on the others', async () => {
    const login = await fetch(`${bases[0]}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: RECEPTION, password: 'motcua-demo' }) });
    expect(login.status).toBe(200);
    token = (await login.json()).token;
    for (const base of bases) {
      const me = await fetch(`${base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(me.status).toBe(200);
    }
  });

  it('files intakes through all three at once: unique, gap-free codes; a replay on another instance answers the same dossier', async () => {
    const list = await (await fetch(`${bases[1]}/api/v1/procedures?level=commune&locationFree=true&q=khai%20sinh&limit=50`)).json();
    procedureCode = list.items.find((p: { processingDays: number | null }) => p.processingDays !== null).code;
    const body = (i: number) => ({
      procedureCode, idempotencyKey: `multi-intake-${i}`, returnUnitCode: 'DTN25861',
      applicant: { kind: 'citizen', fullName: `Trần Thị ${NAMES[i % NAMES.length]}`, idNumber: `07409000${String(1000 + i)}`, phone: `09120${String(10000 + i)}`, email: `binh${i}@example.vn`, address: { communeCode: '25861' } },
    });
    const filed = await Promise.all(Array.from({ length: INTAKES }, async (_, i) => {
      const res = await post(bases[i % 3]!, '/dossiers', body(i));
      expect(res.status, await res.clone().text()).toBe(201);
      return (await res.json()).code as string;
    }));
    expect(new Set(filed).size).toBe(INTAKES);
    const sequences = filed.map((code) => Number(code.split('-').at(-1))).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: INTAKES }, (_, i) => sequences[0]! + i));
    const replays = await Promise.all(filed.map(async (code, i) => {
      const res = await post(bases[(i + 1) % 3]!, '/dossiers', body(i));
      expect(res.status).toBeLessThan(300);
      return (await res.json()).code as string;
    }));
    expect(replays).toEqual(filed);
    expect(await count('SELECT count(*)::int AS n FROM dossiers')).toBe(INTAKES);

    // An action on each, through yet another instance, replayed on a third: applied once.
    await Promise.all(filed.map(async (code, i) => {
      const action = { type: 'transfer', idempotencyKey: `multi-transfer-${i}` };
      const first = await post(bases[(i + 2) % 3]!, `/dossiers/${code}/actions`, action);
      expect(first.status, await first.clone().text()).toBe(200);
      expect((await post(bases[i % 3]!, `/dossiers/${code}/actions`, action)).status).toBe(200);
    }));
    expect(await count("SELECT count(*)::int AS n FROM dossier_actions WHERE type = 'transfer'")).toBe(INTAKES);
  }, 120_000);

  it('queues and sends each receipt e-mail and SMS exactly once, though three job runners poll the outbox', async () => {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const pending = await count('SELECT count(*)::int AS n FROM outbox WHERE delivered_at IS NULL')
        + await count("SELECT count(*)::int AS n FROM notifications WHERE status = 'queued'");
      if (pending === 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const received = (await db.query("SELECT channel, count(*)::int AS n, max(attempts) AS attempts FROM notifications WHERE template = 'dossier.received' GROUP BY channel ORDER BY channel")).rows;
    expect(received).toEqual([{ channel: 'email', n: INTAKES, attempts: 1 }, { channel: 'sms', n: INTAKES, attempts: 1 }]);
    // What the demo channels "sent", across the three logs: each receipt message exactly once.
    const lines = instances.flatMap((run) => run.output().split('\n')).filter((line) => line.includes('(demo, không gửi thật)'));
    const ids = (await db.query("SELECT id FROM notifications WHERE template = 'dossier.received'")).rows.map((r: { id: string }) => Number(r.id));
    expect(ids).toHaveLength(2 * INTAKES);
    for (const id of ids) {
      expect([id, lines.filter((line) => line.includes(`"notification":${id},`)).length]).toEqual([id, 1]);
    }
  }, 90_000);

  it('delivers a queue event published on the database to the live streams of all three instances', async () => {
    const unit = 'CN724';
    const streams = await Promise.all(bases.map(async (base) => {
      const controller = new AbortController();
      const res = await fetch(`${base}/api/v1/queue/${unit}/events`, { signal: controller.signal });
      expect(res.status).toBe(200);
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      const until = async (needle: string) => {
        const deadline = Date.now() + 15_000;
        while (!text.includes(needle) && Date.now() < deadline) {
          const { value, done } = await reader.read();
          if (done) break;
          text += value;
        }
        return text.includes(needle);
      };
      return { until, close: () => controller.abort() };
    }));
    for (const stream of streams) expect(await stream.until('event: ready')).toBe(true);
    const event = { id: 987_654_321, unitCode: unit, type: 'called', ticketId: 't-multi', number: 'A999', serviceGroup: 'A', counterCode: 'Q1', counterName: 'Quầy 1', status: 'called', at: new Date().toISOString() };
    await db.query('SELECT pg_notify($1, $2)', [QUEUE_CHANNEL, JSON.stringify(event)]);
    for (const stream of streams) expect(await stream.until('A999')).toBe(true);
    streams.forEach((s) => s.close());
  }, 60_000);

  if (topology === 'pgbouncer') it('keeps the server to pgbouncer\'s pool plus one LISTEN connection per instance', async () => {
    const backends = await count("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'", [name]);
    // 3 instances × 4 pooled clients would be 12 server connections direct; through pgbouncer: its pool,
    // the 3 direct LISTEN connections and this test's own client.
    expect(backends).toBeLessThanOrEqual(bouncer!.poolSize + 3 + 1);
  });
});
