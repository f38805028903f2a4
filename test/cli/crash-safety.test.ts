// Crash safety of the real `motcua serve` process. Clients file dossiers and transfer them with
// idempotency keys while the server is killed with SIGKILL at random moments (or its PostgreSQL server
// is restarted under it, or the embedded database is killed mid-write); every request not acknowledged
// is retried with the same key until it is. Afterwards: every acknowledged dossier and action exists
// exactly once, codes are unique and gap-free per agency and day, and no dossier is in a state its
// history cannot explain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { startMotcua, servedPort, type Running } from '../support/serve-process.ts';
import { openPGlite } from '../../src/store/database.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PG_CLUSTER = join(ROOT, 'scripts', 'pg-cluster.sh');
const NAMES = ['Bình', 'Cúc', 'Dung', 'Hoa', 'Lan', 'Mai', 'Nam', 'Phúc'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A server process that can be killed and started again (its port may change). */
class Server {
  run!: Running;
  base = '';
  restarts = 0;
  constructor(private readonly args: string[], private readonly env: Record<string, string>) {}
  async start(): Promise<void> {
    this.run = startMotcua(this.args, { MOTCUA_JOBS: 'false', MOTCUA_LOG_LEVEL: 'warn', ...this.env });
    this.base = `http://127.0.0.1:${await servedPort(this.run, 120_000)}`;
  }
  async kill(): Promise<void> {
    this.run.kill('SIGKILL');
    await this.run.exited;
    this.base = '';
    this.restarts++;
    await this.start();
  }
  async stop(): Promise<number | null> {
    this.run.kill('SIGTERM');
    return this.run.exited;
  }
}

interface Outcome { key: string; code: string; transferred: boolean }

/**
 * `count` clients' worth of work: intake, then transfer, each retried with its key until acknowledged.
 * While it runs, `disrupt` is called at random moments (`times` times).
 */
async function driveWork(server: Server, prefix: string, count: number, disrupt: () => Promise<void>, times: number): Promise<{ outcomes: Outcome[]; retries: number }> {
  let token = '';
  let retries = 0;
  const call = async (path: string, body: unknown): Promise<any> => {
    for (;;) {
      try {
        if (!server.base) throw new Error('server down');
        if (!token) {
          const login = await fetch(`${server.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tn.CN724', password: 'motcua-demo' }) });
          if (login.status !== 200) throw new Error(`login ${login.status}`);
          token = (await login.json()).token;
        }
        const res = await fetch(`${server.base}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body), signal: AbortSignal.timeout(20_000) });
        if (res.status < 300) return res.json();
        const text = await res.text();
        if (res.status < 500 && res.status !== 401) throw Object.assign(new Error(`${path} → ${res.status} ${text}`), { fatal: true });
        if (res.status === 401) token = '';
        throw new Error(`${path} → ${res.status}`);
      } catch (error) {
        if ((error as { fatal?: boolean }).fatal) throw error;
        retries++;
        await sleep(100 + Math.random() * 200);
      }
    }
  };
  const procedures = await (async () => {
    for (;;) {
      try {
        return await (await fetch(`${server.base}/api/v1/procedures?level=commune&locationFree=true&q=khai%20sinh&limit=50`)).json();
      } catch { await sleep(200); }
    }
  })();
  const procedureCode = procedures.items.find((p: { processingDays: number | null }) => p.processingDays !== null).code;

  let next = 0;
  const outcomes: Outcome[] = [];
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const key = `${prefix}-intake-${i}`;
      const filed = await call('/dossiers', {
        procedureCode, idempotencyKey: key, returnUnitCode: 'DTN25861',
        applicant: { kind: 'citizen', fullName: `Lê Thị ${NAMES[i % NAMES.length]}`, idNumber: `07419${String(1_000_000 + i)}`, phone: `09130${String(10_000 + i)}`, address: { communeCode: '25861' } },
      });
      const outcome: Outcome = { key, code: filed.code, transferred: false };
      outcomes.push(outcome);
      if (i % 2 === 0) {
        await call(`/dossiers/${filed.code}/actions`, { type: 'transfer', idempotencyKey: `${prefix}-transfer-${i}` });
        outcome.transferred = true;
      }
    }
  };
  // Disruptions at progress milestones (plus a random delay), so each one lands while work is in flight
  // however fast or slow the machine is.
  const chaos = (async () => {
    for (let n = 0; n < times; n++) {
      const milestone = Math.floor((count * (n + 1)) / (times + 1));
      while (outcomes.length < milestone) await sleep(10);
      await sleep(Math.random() * 100);
      await disrupt();
    }
  })();
  await Promise.all(Array.from({ length: 6 }, worker));
  await chaos;
  return { outcomes, retries };
}

/** The invariants, read straight from the database. */
async function checkInvariants(query: (text: string) => Promise<any[]>, outcomes: Outcome[]): Promise<void> {
  const dossiers = await query('SELECT code, status FROM dossiers ORDER BY code');
  const byCode = new Map(dossiers.map((d: { code: string; status: string }) => [d.code, d.status]));
  // Every acknowledged dossier exists, once; nothing unacknowledged slipped in beside them.
  expect(new Set(outcomes.map((o) => o.code)).size).toBe(outcomes.length);
  for (const o of outcomes) expect(byCode.has(o.code), o.code).toBe(true);
  expect(dossiers.length).toBe(outcomes.length);
  // Codes gap-free per agency and day: the numbers of each series are exactly 1..last_value.
  const series = new Map<string, number[]>();
  for (const { code } of dossiers) {
    const cut = code.lastIndexOf('-');
    series.set(code.slice(0, cut), [...(series.get(code.slice(0, cut)) ?? []), Number(code.slice(cut + 1))]);
  }
  for (const [prefix, numbers] of series) {
    numbers.sort((a, b) => a - b);
    expect([prefix, numbers]).toEqual([prefix, Array.from({ length: numbers.length }, (_, i) => i + 1)]);
  }
  const counters = await query('SELECT sum(last_value)::int AS n FROM dossier_sequences');
  expect(Number(counters[0].n)).toBe(dossiers.length);
  // Each action once, and each dossier's status is the one its last action led to.
  const actions = await query(`SELECT dossier_code, type, count(*)::int AS n FROM dossier_actions GROUP BY dossier_code, type`);
  const acts = new Map(actions.map((a: { dossier_code: string; type: string; n: number }) => [`${a.dossier_code}/${a.type}`, a.n]));
  for (const o of outcomes) {
    expect([o.code, acts.get(`${o.code}/receive`)]).toEqual([o.code, 1]);
    expect([o.code, acts.get(`${o.code}/transfer`) ?? 0]).toEqual([o.code, o.transferred ? 1 : 0]);
  }
  const last = await query(`SELECT DISTINCT ON (a.dossier_code) a.dossier_code, a.to_status, d.status FROM dossier_actions a JOIN dossiers d ON d.code = a.dossier_code ORDER BY a.dossier_code, a.seq DESC`);
  for (const row of last) expect([row.dossier_code, row.status]).toEqual([row.dossier_code, row.to_status]);
  const transferred = outcomes.filter((o) => o.transferred).map((o) => byCode.get(o.code));
  expect(new Set(transferred).size).toBeLessThanOrEqual(1);
}

describe('crash safety on the PostgreSQL server', () => {
  const clusterDir = mkdtempSync(join(tmpdir(), 'motcua-crash-pg-'));
  let url: string;
  let server: Server;
  let db: pg.Client;
  const acknowledged: Outcome[] = []; // across both scenarios: the invariants hold for the whole database
  const query = async (text: string) => (await db.query(text)).rows;

  beforeAll(async () => {
    // Durable (fsync and synchronous commit on, as in production): a crashed server must keep what it acknowledged.
    url = execFileSync('bash', [PG_CLUSTER, 'start', clusterDir, 'durable'], { encoding: 'utf8' }).trim();
    server = new Server(['serve', '--demo', '--port', '0'], { DATABASE_URL: url, MOTCUA_DEMO_OIDC_PORT: '0' });
    await server.start();
    db = new pg.Client({ connectionString: url });
    await db.connect();
  }, 180_000);

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    if (server) await server.stop();
    execFileSync('bash', [PG_CLUSTER, 'stop', clusterDir]);
  }, 60_000);

  it('loses and duplicates nothing when the server is killed with SIGKILL at random moments', async () => {
    const { outcomes, retries } = await driveWork(server, 'kill', 80, () => server.kill(), 3);
    acknowledged.push(...outcomes);
    expect(server.restarts).toBe(3);
    expect(retries).toBeGreaterThan(0); // the kills did interrupt requests
    await checkInvariants(query, acknowledged);
  }, 300_000);

  it('reconnects by itself when PostgreSQL restarts mid-load, and still loses and duplicates nothing', async () => {
    const pid = server.run.pid;
    let restarts = 0;
    const restartDatabase = async () => {
      await db.end().catch(() => undefined);
      const dataDir = join(clusterDir, 'data');
      const asOwner = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
      const bin = execFileSync('bash', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1'], { encoding: 'utf8' }).trim();
      execFileSync(asOwner[0] ?? `${bin}/pg_ctl`, [...asOwner.slice(1), ...(asOwner.length ? [`${bin}/pg_ctl`] : []), '-D', dataDir, '-m', 'immediate', '-w', 'restart'], { stdio: 'ignore' });
      db = new pg.Client({ connectionString: url });
      await db.connect();
      restarts++;
    };
    const { outcomes, retries } = await driveWork(server, 'pgrestart', 80, restartDatabase, 2);
    acknowledged.push(...outcomes);
    expect(restarts).toBe(2);
    expect(retries).toBeGreaterThan(0);
    expect(server.run.pid).toBe(pid); // the same process, never restarted: it reconnected
    expect((await fetch(`${server.base}/api/v1/health`)).status).toBe(200);
    await checkInvariants(query, acknowledged);
  }, 300_000);
});

describe('crash safety on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-crash-pglite-'));
  let server: Server;

  beforeAll(async () => {
    server = new Server(['serve', '--demo', '--port', '0', '--data-dir', dataDir], { MOTCUA_DEMO_OIDC_PORT: '0' });
    await server.start();
  }, 180_000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged dossier and action after SIGKILLs, and opens cleanly afterwards', async () => {
    const { outcomes } = await driveWork(server, 'pglite', 40, () => server.kill(), 2);
    expect(server.restarts).toBe(2);
    expect(await server.stop()).toBe(0);
    const handle = await openPGlite({ dataDir });
    try {
      const query = async (text: string) => (await sql.raw(text).execute(handle.db)).rows as any[];
      await checkInvariants(query, outcomes);
    } finally {
      await handle.close();
    }
  }, 300_000);
});
