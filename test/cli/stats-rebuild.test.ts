// The real `motcua stats rebuild [--verify]` process on an embedded database: a scope row that the
// history does not explain (decision 0026) makes --verify exit 1 and name it; a rebuild removes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { loadSettings } from '../../src/config/settings.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'motcua.js');
const dir = mkdtempSync(join(tmpdir(), 'motcua-stats-cli-'));
const dataDir = join(dir, 'data');

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MOTCUA_') && k !== 'DATABASE_URL'));
  const child = spawn(process.execPath, [BIN, ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

beforeAll(async () => {
  const handle = await openDatabase({ databaseUrl: undefined, dataDir, poolSize: 1 });
  await migrate(handle.db);
  await seedDemo({ db: handle.db, settings: loadSettings({}, { dataDir }), provinceCode: '74', now: () => new Date('2024-12-20T09:00:00+07:00') }, 'motcua-demo');
  // A scope row no dossier history explains.
  await sql`INSERT INTO stats_scope_daily (province_code, scope_unit_code, day, channel, received) VALUES ('74', 'TT74', '2024-12-19', 'direct', 3)`.execute(handle.db);
  await handle.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('motcua stats rebuild', () => {
  it('catches a scope row the history does not explain, and a rebuild removes it', async () => {
    const verify = await run(['stats', 'rebuild', '--verify', '--data-dir', dataDir]);
    expect(verify.code, verify.stderr).toBe(1);
    expect(verify.stdout).toContain('differing scope rows): 1');
    expect(verify.stdout).toContain('KHÔNG KHỚP');
    const rebuild = await run(['stats', 'rebuild', '--data-dir', dataDir]);
    expect(rebuild.code, rebuild.stderr).toBe(0);
    expect(rebuild.stdout).toContain('còn lệch (differing after): 0');
    const again = await run(['stats', 'rebuild', '--verify', '--data-dir', dataDir]);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toContain('differing scope rows): 0');
  }, 120_000);
});
