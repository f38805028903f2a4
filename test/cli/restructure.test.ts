// The real `motcua restructure` process on an embedded database holding the demo network: a dry run
// prints the impact and changes nothing; a bad plan lists every problem and exits 1; applying works once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { loadSettings } from '../../src/config/settings.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'motcua.js');
const dir = mkdtempSync(join(tmpdir(), 'motcua-restructure-'));
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
  await handle.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('motcua restructure', () => {
  it('previews a bundled plan without changing anything, then applies it once', async () => {
    const preview = await run(['restructure', 'bundled:bd-phase-2', '--dry-run', '--data-dir', dataDir]);
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toContain('Xem trước (dry run): phương án bd-phase-2');
    expect(preview.stdout).toContain('Điểm tiếp nhận 91 → 82');
    const applied = await run(['restructure', 'bundled:bd-phase-2', '--data-dir', dataDir, '--json']);
    expect(applied.code, applied.stderr).toBe(0);
    expect(JSON.parse(applied.stdout)).toMatchObject({ planId: 'bd-phase-2', applied: true, impact: { unitsClosed: 9 } });
    const again = await run(['restructure', 'bundled:bd-phase-2', '--data-dir', dataDir, '--json']);
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(applied.stdout));
  }, 60_000);

  it('lists every problem of a bad plan and exits 1', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ id: 'bad-plan', title: 'Sai', effectiveAt: '2026-01-01T00:00:00+07:00', operations: [
      { op: 'merge', from: ['KHONGCO'], into: 'CN718' }, { op: 'move', code: 'TT74', parentCode: 'CN718' },
    ] }));
    const result = await run(['restructure', file, '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Phương án bị từ chối: 2 lỗi');
    expect(result.stderr).toContain('PLAN_UNKNOWN_UNIT');
    expect(result.stderr).toContain('PLAN_CYCLE');
  }, 60_000);
});
