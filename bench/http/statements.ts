// The SQL statements each bench request costs: starts the server on a throwaway cluster with
// log_statement=all, sends one request of each scenario (after a warm-up request, so caches are warm)
// and prints the statements PostgreSQL logged for it. A diagnostic for the round trips per request.
// Run: node --import tsx bench/http/statements.ts
import pg from 'pg';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCluster, stopCluster, startServer } from './processes.ts';
import { intakeProcedure, intakeBody, receptionOfficers } from './setup.ts';

const clusterDir = mkdtempSync(join(tmpdir(), 'motcua-stmt-pg-'));
const work = mkdtempSync(join(tmpdir(), 'motcua-stmt-'));
const url = startCluster(clusterDir);
const server = await startServer({ databaseUrl: url, dataDir: join(work, 'data'), clockAt: '2026-11-26T08:00:00+07:00' });
const admin = new pg.Client({ connectionString: url });
await admin.connect();
try {
  const [officer] = await receptionOfficers(server.base, 1);
  const procedure = await intakeProcedure(server.base, '2026-11-26');
  const log = join(clusterDir, 'server.log');
  let n = 0;
  const send = (path: string, init: RequestInit = {}) => fetch(`${server.base}/api/v1${path}`, init).then(async (r) => ({ status: r.status, body: await r.text() }));
  const intake = () => send('/dossiers', { method: 'POST', headers: { 'content-type': 'application/json', authorization: officer!.authorization }, body: intakeBody(procedure, 900 + n, `statements-${Date.now()}-${n++}`) });
  const first = await intake();
  if (first.status !== 201) throw new Error(`intake ${first.status}: ${first.body}`);
  const filed = JSON.parse(first.body) as { code: string };
  const phone = `091${String(900).padStart(7, '0')}`;
  let k = 0;
  const requests: Record<string, () => Promise<{ status: number; body: string }>> = {
    intake,
    lookup: () => send(`/public/dossiers/${filed.code}?phone=${phone}`),
    catalog: () => send('/procedures?q=khai%20sinh&limit=20'),
    ticket: () => send(`/queue/${officer!.unitCode}/tickets`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.9.${k++}` }, body: JSON.stringify({ serviceGroup: officer!.serviceGroups[0] }) }),
    'call-next': () => send(`/queue/${officer!.unitCode}/counters/${officer!.counterCode}/call-next`, { method: 'POST', headers: { authorization: officer!.authorization } }),
  };
  const only = process.argv.slice(2);
  for (const [name, request] of Object.entries(requests)) {
    if (only.length && !only.includes(name)) continue;
    await request();
    await request();
    await admin.query(`ALTER SYSTEM SET log_statement = 'all'`);
    await admin.query('SELECT pg_reload_conf()');
    await new Promise((r) => setTimeout(r, 300));
    const start = readFileSync(log, 'utf8').length;
    const answer = await request();
    await new Promise((r) => setTimeout(r, 300));
    await admin.query(`ALTER SYSTEM SET log_statement = 'none'`);
    await admin.query('SELECT pg_reload_conf()');
    // One entry per logged statement (a multi-line statement continues on the lines without a LOG: prefix).
    const lines = readFileSync(log, 'utf8').slice(start).split(/\n(?=\S+ \S+ \S+ \[)/).map((e) => e.replace(/\s+/g, ' '))
      .filter((l) => /LOG: (statement|execute)/.test(l) && !/log_statement|pg_reload_conf/.test(l));
    console.log(`\n== ${name} (${answer.status}): ${lines.length} statements`);
    for (const l of lines) console.log('  ' + l.replace(/^.*?LOG:\s+/, '').slice(0, 220));
  }
} finally {
  await admin.end();
  await server.stop();
  stopCluster(clusterDir);
  rmSync(work, { recursive: true, force: true });
}
