// Backup and restore on both engines through the real `motcua` process: a restored database holds every
// dossier and action; a damaged backup is refused before anything is touched. And `motcua audit verify`
// finds the audit log intact, then detects an entry changed behind the application's back.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, openPostgres, type DatabaseHandle } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { loadSettings } from '../../src/config/settings.ts';
import { buildServer } from '../../src/http/server.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'motcua.js');
const dir = mkdtempSync(join(tmpdir(), 'motcua-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MOTCUA_') && k !== 'DATABASE_URL'));
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...base, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

// A tiny but real PDF, uploaded as a scanned paper of the first dossier.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** The demo network plus three dossiers with a transfer each (and a scanned paper), filed through the API. */
async function populate(handle: DatabaseHandle, dataDir: string): Promise<void> {
  const ctx = { db: handle.db, settings: loadSettings({}, { dataDir }), provinceCode: '74', now: () => new Date('2024-12-05T09:00:00+07:00') };
  await migrate(handle.db);
  await seedDemo(ctx, 'motcua-demo');
  const app = await buildServer(ctx);
  try {
    const token = (await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'tn.CN724', password: 'motcua-demo' } })).json().token;
    const list = (await app.inject({ url: '/api/v1/procedures?level=commune&locationFree=true&at=2024-12-05&q=khai%20sinh&limit=50' })).json();
    const procedure = list.items.find((p: { processingDays: number | null }) => p.processingDays !== null && p.processingDays >= 3);
    for (let i = 1; i <= 3; i++) {
      const filed = await app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { authorization: `Bearer ${token}` }, payload: {
        procedureCode: procedure.code, idempotencyKey: `backup-intake-${i}`,
        applicant: { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '074090001234', phone: '0912345678', address: { communeCode: '25861' } } } });
      expect(filed.statusCode, filed.body).toBe(201);
      const act = await app.inject({ method: 'POST', url: `/api/v1/dossiers/${filed.json().code}/actions`, headers: { authorization: `Bearer ${token}` }, payload: { type: 'transfer', idempotencyKey: `backup-transfer-${i}` } });
      expect(act.statusCode, act.body).toBe(200);
      if (i === 1) {
        const params = new URLSearchParams({ fileName: 'giay-to.pdf', idempotencyKey: 'backup-upload-1' });
        const up = await app.inject({ method: 'POST', url: `/api/v1/dossiers/${filed.json().code}/attachments?${params}`, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' }, payload: PDF });
        expect(up.statusCode, up.body).toBe(201);
      }
    }
  } finally {
    await app.close();
  }
}

const dossierFacts = async (db: DatabaseHandle['db']) =>
  (await sql<{ code: string; status: string; actions: number }>`
    SELECT d.code, d.status, (SELECT count(*)::int FROM dossier_actions a WHERE a.dossier_code = d.code) AS actions FROM dossiers d ORDER BY code`.execute(db)).rows;

describe('embedded database: backup, restore, audit verify', () => {
  const dataDir = join(dir, 'data');
  let facts: Awaited<ReturnType<typeof dossierFacts>>;
  beforeAll(async () => {
    const handle = await openDatabase({ databaseUrl: undefined, dataDir, poolSize: 1 });
    await populate(handle, dataDir);
    facts = await dossierFacts(handle.db);
    await handle.close();
    expect(facts).toHaveLength(3);
  }, 180_000);

  it('restores every dossier and action into a fresh data directory, and refuses a damaged backup', async () => {
    const backup = await run(['backup', join(dir, 'b1'), '--data-dir', dataDir]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('dossiers 3');
    expect(backup.stdout).toContain('tệp đính kèm 1');
    const restored = join(dir, 'restored');
    const restore = await run(['restore', join(dir, 'b1'), '--data-dir', restored]);
    expect(restore.code, restore.stderr).toBe(0);
    const handle = await openDatabase({ databaseUrl: undefined, dataDir: restored, poolSize: 1 });
    expect(await dossierFacts(handle.db)).toEqual(facts);
    await handle.close();
    expect(restore.stdout).toContain('tệp đính kèm 1');
    const sha = createHash('sha256').update(PDF).digest('hex');
    expect(readFileSync(join(restored, 'files', 'sha256', sha.slice(0, 2), sha.slice(2, 4), sha))).toEqual(PDF);

    const again = await run(['restore', join(dir, 'b1'), '--data-dir', restored]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('không trống');
    const dump = join(dir, 'b1', 'database.tar.gz');
    const bytes = readFileSync(dump);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(dump, bytes);
    const damaged = await run(['restore', join(dir, 'b1'), '--data-dir', join(dir, 'other')]);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toContain('bị hỏng');
  }, 120_000);

  it('verifies the audit chain, then detects an entry changed behind the application', async () => {
    const ok = await run(['audit', 'verify', '--data-dir', dataDir]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Chuỗi băm hợp lệ');
    const handle = await openDatabase({ databaseUrl: undefined, dataDir, poolSize: 1 });
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(handle.db);
    await sql`UPDATE audit_log SET actor_username = 'ke-gian' WHERE id = (SELECT min(id) FROM audit_log)`.execute(handle.db);
    await handle.close();
    const tampered = await run(['audit', 'verify', '--data-dir', dataDir]);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain('PHÁT HIỆN CAN THIỆP: 1');
    expect(tampered.stdout).toContain('nội dung mục nhật ký đã bị sửa');
  }, 120_000);
});

const serverUrl = inject('postgresUrl');
describe.runIf(serverUrl)('server database: backup and restore with pg_dump / pg_restore', () => {
  const names = { source: `motcua_bk_src_${inject('runId')}`, target: `motcua_bk_dst_${inject('runId')}` };
  const urlOf = (name: string) => {
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    return url.toString();
  };
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl! });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${names.source}`);
    await admin.query(`CREATE DATABASE ${names.target}`);
    await admin.end();
  });

  it('restores every dossier and action into a fresh database and seals its audit log', async () => {
    const source = await openPostgres(urlOf(names.source), 2);
    await populate(source, join(dir, 'pg-files-source'));
    const facts = await dossierFacts(source.db);
    await source.close();
    const backup = await run(['backup', join(dir, 'pg')], { DATABASE_URL: urlOf(names.source), MOTCUA_FILES_DIR: join(dir, 'pg-files-source', 'files') });
    expect(backup.stdout).toContain('tệp đính kèm 1');
    expect(backup.code, backup.stderr).toBe(0);
    const restore = await run(['restore', join(dir, 'pg')], { DATABASE_URL: urlOf(names.target), MOTCUA_FILES_DIR: join(dir, 'pg-files-target') });
    expect(restore.code, restore.stderr).toBe(0);
    const target = await openPostgres(urlOf(names.target), 2);
    expect(await dossierFacts(target.db)).toEqual(facts);
    await target.close();
    expect(readdirSync(join(dir, 'pg-files-target', 'sha256'), { recursive: true }).length).toBeGreaterThan(0);
    const verify = await run(['audit', 'verify'], { DATABASE_URL: urlOf(names.target) });
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  }, 180_000);
});
