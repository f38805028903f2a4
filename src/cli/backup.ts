// `motcua backup DIR` / `motcua restore DIR [--force]`: a consistent copy of the whole database and a
// manifest of what it holds (dossiers, actions, audit entries, checksum), for either engine:
//  - server database (DATABASE_URL): pg_dump custom format / pg_restore into the (fresh) target database;
//  - embedded database (--data-dir): PGlite's data-directory dump / load into an empty data directory
//    (stop the server using that directory first: PGlite is single-process).
// Restore checks the dump's checksum before touching anything and the counts after.
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadSettings } from '../config/settings.ts';
import { createPGlite, openDatabase, overPGlite, type Db } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';
import { invalid } from '../domain/errors.ts';

const run = promisify(execFile);
const MANIFEST = 'manifest.json';

interface Manifest {
  format: 'motcua-backup-1';
  engine: 'postgres' | 'pglite';
  createdAt: string;
  file: string;
  sha256: string;
  counts: Record<string, number>;
  /** Scanned attachments (content-addressed blobs), copied beside the database and checked on restore. */
  files?: { count: number };
}

const filesDirOf = (settings: ReturnType<typeof loadSettings>) => resolve(settings.filesDir ?? join(settings.dataDir, 'files'));

/** Every blob under `root/sha256/`: its name is its SHA-256, so each one can be checked. */
async function blobs(root: string): Promise<string[]> {
  const base = join(root, 'sha256');
  if (!existsSync(base)) return [];
  const entries = await readdir(base, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && /^[0-9a-f]{64}$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

async function damagedBlobs(root: string): Promise<string[]> {
  const damaged: string[] = [];
  for (const file of await blobs(root)) {
    if (sha256(await readFile(file)) !== file.slice(-64)) damaged.push(file);
  }
  return damaged;
}

const COUNTED = ['units', 'procedures', 'procedure_versions', 'dossiers', 'dossier_actions', 'audit_log', 'staff_users'] as const;

async function counts(db: Db): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of COUNTED) {
    result[table] = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db)).rows[0]!.n);
  }
  return result;
}

/** pg_dump / pg_restore: on PATH, else the newest PostgreSQL server binaries installed (Debian layout). */
export function postgresTool(name: 'pg_dump' | 'pg_restore'): string {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(join(base, v, 'bin', name))) return join(base, v, 'bin', name);
  }
  return name;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function options(args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'data-dir': { type: 'string' }, force: { type: 'boolean', default: false } }, strict: true });
  if (positionals.length !== 1) throw invalid('USAGE', 'Cách dùng: motcua backup DIR | motcua restore DIR [--force] [--data-dir DIR]');
  const settings = loadSettings(process.env, values['data-dir'] ? { dataDir: values['data-dir'] } : {});
  return { dir: resolve(positionals[0]!), settings, force: values.force ?? false };
}

export async function runBackupCommand(args: string[], out = (s: string) => process.stdout.write(s)): Promise<number> {
  const { dir, settings } = options(args);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw invalid('BACKUP_DIR_NOT_EMPTY', `Thư mục sao lưu ${dir} đã có dữ liệu; hãy chọn thư mục mới.`);
  await mkdir(dir, { recursive: true });
  let manifest: Manifest;
  if (settings.databaseUrl) {
    const handle = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir, poolSize: 1 });
    const before = await counts(handle.db);
    await handle.close();
    const file = 'database.pgdump';
    // pg_dump takes one consistent snapshot, so the server may keep running.
    await run(postgresTool('pg_dump'), ['--format=custom', '--no-owner', `--file=${join(dir, file)}`, settings.databaseUrl]);
    manifest = { format: 'motcua-backup-1', engine: 'postgres', createdAt: new Date().toISOString(), file, sha256: sha256(await readFile(join(dir, file))), counts: before };
  } else {
    if (!existsSync(settings.dataDir)) throw invalid('DATA_DIR_MISSING', `Không có cơ sở dữ liệu nhúng tại ${resolve(settings.dataDir)}.`);
    const pglite = await createPGlite({ dataDir: settings.dataDir });
    const handle = overPGlite(pglite);
    const before = await counts(handle.db);
    const dump = new Uint8Array(await (await pglite.dumpDataDir('gzip')).arrayBuffer());
    await handle.close();
    await pglite.close().catch(() => undefined);
    const file = 'database.tar.gz';
    await writeFile(join(dir, file), dump);
    manifest = { format: 'motcua-backup-1', engine: 'pglite', createdAt: new Date().toISOString(), file, sha256: sha256(dump), counts: before };
  }
  const filesDir = filesDirOf(settings);
  if (existsSync(filesDir)) await cp(filesDir, join(dir, 'files'), { recursive: true });
  manifest.files = { count: (await blobs(join(dir, 'files'))).length };
  await writeFile(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  out(`Đã sao lưu (${manifest.engine}) vào ${dir}: ${Object.entries(manifest.counts).map(([k, v]) => `${k} ${v}`).join(', ')}, tệp đính kèm ${manifest.files.count}\n`);
  return 0;
}

export async function runRestoreCommand(args: string[], out = (s: string) => process.stdout.write(s), err = (s: string) => process.stderr.write(s)): Promise<number> {
  const { dir, settings, force } = options(args);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    throw invalid('BACKUP_MANIFEST_MISSING', `Không đọc được ${MANIFEST} trong ${dir}: đây không phải bản sao lưu motcua.`);
  }
  const bytes = await readFile(join(dir, manifest.file));
  if (sha256(bytes) !== manifest.sha256) {
    err(`Tệp ${manifest.file} không khớp mã kiểm tra trong ${MANIFEST}: bản sao lưu bị hỏng, không khôi phục.\n`);
    return 1;
  }
  const damaged = await damagedBlobs(join(dir, 'files'));
  if (damaged.length > 0 || (await blobs(join(dir, 'files'))).length !== (manifest.files?.count ?? 0)) {
    err(`Tệp đính kèm trong bản sao lưu bị thiếu hoặc hỏng (${damaged.length} tệp sai mã kiểm tra): không khôi phục.\n`);
    return 1;
  }
  let after: Record<string, number>;
  if (manifest.engine === 'postgres') {
    if (!settings.databaseUrl) throw invalid('RESTORE_TARGET', 'Bản sao lưu của máy chủ PostgreSQL: hãy đặt DATABASE_URL tới cơ sở dữ liệu đích (mới).');
    try {
      await run(postgresTool('pg_restore'), ['--no-owner', '--single-transaction', '--exit-on-error', ...(force ? ['--clean', '--if-exists'] : []), `--dbname=${settings.databaseUrl}`, join(dir, manifest.file)]);
    } catch (error) {
      // One transaction: a failed restore leaves the target as it was.
      err(`pg_restore thất bại, cơ sở dữ liệu đích không thay đổi:\n${(error as { stderr?: string }).stderr ?? (error as Error).message}\n`);
      return 1;
    }
    const handle = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir, poolSize: 1 });
    try {
      await migrate(handle.db);
      after = await counts(handle.db);
    } finally {
      await handle.close();
    }
  } else {
    if (settings.databaseUrl) throw invalid('RESTORE_TARGET', 'Bản sao lưu của cơ sở dữ liệu nhúng: bỏ DATABASE_URL và dùng --data-dir.');
    if (existsSync(settings.dataDir) && readdirSync(settings.dataDir).length > 0) {
      if (!force) throw invalid('RESTORE_TARGET_NOT_EMPTY', `Thư mục dữ liệu ${resolve(settings.dataDir)} không trống; dùng --force để thay thế.`);
      await rm(settings.dataDir, { recursive: true, force: true });
    }
    await mkdir(settings.dataDir, { recursive: true });
    const pglite = await createPGlite({ dataDir: settings.dataDir, loadDataDir: new Blob([bytes]) });
    const handle = overPGlite(pglite);
    try {
      await migrate(handle.db);
      after = await counts(handle.db);
    } finally {
      await handle.close();
      await pglite.close().catch(() => undefined);
    }
  }
  if (existsSync(join(dir, 'files'))) await cp(join(dir, 'files'), filesDirOf(settings), { recursive: true, force: false, errorOnExist: false });
  const differences = Object.entries(manifest.counts).filter(([k, v]) => after[k] !== v);
  if (differences.length > 0) {
    err(`Khôi phục xong nhưng số liệu không khớp: ${differences.map(([k, v]) => `${k} ${v} → ${after[k]}`).join(', ')}\n`);
    return 1;
  }
  out(`Đã khôi phục (${manifest.engine}) từ ${dir}: ${Object.entries(after).map(([k, v]) => `${k} ${v}`).join(', ')}, tệp đính kèm ${manifest.files?.count ?? 0}\n`);
  return 0;
}
