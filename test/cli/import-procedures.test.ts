// The real `motcua import procedures FILE` process: summary and exit 0 for a good file; every rejected
// row with its line, exit 1 and nothing written for a bad one; a clear refusal of a non-UTF-8 file.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'motcua.js');
const dir = mkdtempSync(join(tmpdir(), 'motcua-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MOTCUA_') && k !== 'DATABASE_URL'));
  const child = spawn(process.execPath, [BIN, ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('motcua import procedures', () => {
  const dataDir = join(dir, 'data');

  it('imports a good CSV file, prints a summary and exits 0', async () => {
    const csv = file('good.csv', 'code,name,field,level,processing_time,fee\n1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,Cấp xã,1,Miễn phí\n1.004222,Đăng ký thường trú,Đăng ký cư trú,Cấp xã,7 ngày làm việc,\n');
    const first = await run(['import', 'procedures', csv, '--data-dir', dataDir]);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain('Tạo mới: 2');
    expect(first.stdout).toMatch(/DURATION_NO_UNIT\s+"N" × 1/);
  }, 60_000);

  it('lists every rejected row with its line, exits 1 and writes nothing', async () => {
    const csv = file('bad.csv', 'code,name,field,level\n9.000001,Tốt,Hộ tịch,Cấp xã\n,Thiếu mã,Hộ tịch,Cấp xã\n9.000002,Cấp lạ,Hộ tịch,Cấp thôn\n9.000001,Trùng,Hộ tịch,Cấp xã\n');
    const bad = await run(['import', 'procedures', csv, '--data-dir', dataDir]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('dòng 3: MISSING_CODE');
    expect(bad.stdout).toContain('dòng 4 [9.000002]: UNKNOWN_LEVEL');
    expect(bad.stdout).toContain('dòng 5 [9.000001]: DUPLICATE_CODE');
    expect(bad.stdout).toContain('Không ghi gì vào cơ sở dữ liệu');
  }, 60_000);

  it('refuses a file that is not UTF-8 with exit 1, and a wrong invocation with exit 2', async () => {
    const legacy = file('legacy.csv', Uint8Array.from([...Buffer.from('code,name,field,level\n1.1,Th'), 0xe1, ...Buffer.from(',Hộ tịch,Cấp xã\n')]));
    const refused = await run(['import', 'procedures', legacy, '--data-dir', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('IMPORT_BAD_ENCODING');
    expect(refused.stdout).toContain('dòng 2');
    const usage = await run(['import', 'units', legacy]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('motcua import procedures FILE');
  }, 60_000);
});
