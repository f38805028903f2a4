// The real `motcua serve` process, as `npm start` runs it: refuses bad settings, fails clearly on an
// unreachable server database, and in demo mode serves the seeded network until SIGTERM.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMotcua } from '../support/serve-process.ts';

const dataDirs: string[] = [];
afterAll(() => dataDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const start = startMotcua;

describe('motcua serve', () => {
  it('refuses an unknown setting with one line naming it', async () => {
    const run = start(['serve'], { MOTCUA_PORTT: '1' });
    expect(await run.exited).toBe(2);
    expect(run.output().trim().split('\n')).toEqual([expect.stringContaining('MOTCUA_PORTT')]);
  });

  it('refuses a malformed port', async () => {
    const run = start(['serve', '--port', 'eighty']);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('--port');
  });

  it('exits non-zero with a clear message when DATABASE_URL is unreachable', async () => {
    const run = start(['serve'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('Không kết nối được cơ sở dữ liệu PostgreSQL');
  });

  it('serves the demo network on the embedded database, stops on SIGTERM, and reopens it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'motcua-serve-'));
    dataDirs.push(dataDir);
    const first = start(['serve', '--demo', '--port', '0', '--data-dir', dataDir]);
    const [, port] = await first.waitFor(/http:\/\/localhost:(\d+)/);
    expect(first.output()).toContain('admin');
    expect(first.output()).toContain('motcua-demo');
    const base = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${base}/api/v1/health`)).json()).toEqual({ status: 'ok' });
    expect((await (await fetch(`${base}/api/v1/units?type=branch&at=2024-12-02`)).json()).total).toBe(9);
    expect((await (await fetch(`${base}/api/v1/units?type=reception_point&at=2024-12-02`)).json()).total).toBe(91);
    const home = await fetch(`${base}/tra-cuu`);
    expect(home.headers.get('content-type')).toContain('text/html');
    first.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = start(['serve', '--demo', '--port', '0', '--data-dir', dataDir],
      { MOTCUA_LOG_LEVEL: 'info', MOTCUA_OUTBOX_INTERVAL_SECONDS: '1', MOTCUA_DELIVERY_INTERVAL_SECONDS: '1' });
    const [, port2] = await second.waitFor(/http:\/\/localhost:(\d+)/);
    expect(second.output()).not.toContain('Đã tạo dữ liệu mẫu');
    // Demo mode has no SMTP server: the background jobs write e-mails and SMS to the log, addresses masked.
    expect(second.output()).toContain('e-mail: ghi vào nhật ký (demo');
    const login = await fetch(`http://127.0.0.1:${port2}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'tn.CN718', password: 'motcua-demo' }),
    });
    expect(login.status).toBe(200);
    const token = (await login.json()).token as string;
    const list = await (await fetch(`http://127.0.0.1:${port2}/api/v1/procedures?level=commune&locationFree=true&q=khai%20sinh&limit=20`)).json();
    const filed = await fetch(`http://127.0.0.1:${port2}/api/v1/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ procedureCode: list.items.find((p: { processingDays: number | null }) => p.processingDays !== null).code, idempotencyKey: 'cli-demo-mail-1',
        applicant: { kind: 'citizen', fullName: 'Lê Văn Cường', idNumber: '074090004321', phone: '0911222333', email: 'cuong.le@example.vn', address: { communeCode: '25861' } } }),
    });
    expect(filed.status).toBe(201);
    const { code } = await filed.json();
    await second.waitFor(/E-mail \(demo, không gửi thật\)/, 20_000);
    await second.waitFor(/SMS \(demo, không gửi thật\)/, 20_000);
    expect(second.output()).toContain(`Hồ sơ ${code} đã được tiếp nhận`);
    expect(second.output()).toContain('cu***@example.vn');
    expect(second.output()).not.toContain('cuong.le@example.vn');
    expect(second.output()).not.toContain('0911222333');
    expect(second.output()).not.toContain('074090004321');
    second.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 180_000);
});
