// Notifications in the running server: the background jobs pick up a dossier's receipt from the outbox,
// a real local SMTP server receives the Vietnamese e-mail, and the officer sees on the dossier page what
// was sent to whom (masked) and whether it arrived.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { startWebServer, type RunningServer } from '../support/web-server.ts';
import { startSmtpCatcher, type SmtpCatcher } from '../support/smtp-catcher.ts';
import { DEMO_PASSWORD } from '../support/context.ts';
import { loadSettings } from '../../src/config/settings.ts';
import { scan } from '../../src/jobs/dossier-timers.ts';
import { DEFAULT_TIMER_POLICY } from '../../src/domain/sla/dossier-timers.ts';

const AN_LINH = '25861';

describe('dossier notifications in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let smtp: SmtpCatcher;
  let code: string;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    const env = { MOTCUA_SMTP_HOST: '127.0.0.1', MOTCUA_SMTP_PORT: String(smtp.port), MOTCUA_SMS_PROVIDER: 'log',
      MOTCUA_OUTBOX_INTERVAL_SECONDS: '1', MOTCUA_DELIVERY_INTERVAL_SECONDS: '1' };
    const settings = loadSettings(env);
    server = await startWebServer('pglite', { settings: { jobs: settings.jobs, notifications: settings.notifications }, jobs: { holder: 'e2e' } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  const api = async (path: string, body: unknown, token?: string) => fetch(`${server.baseUrl}/api/v1${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body),
  });

  it('e-mails the applicant at receipt and lists the messages on the dossier page', async () => {
    const login = await api('/auth/login', { username: 'tn.CN724', password: DEMO_PASSWORD });
    const token = (await login.json()).token as string;
    const list = await (await fetch(`${server.baseUrl}/api/v1/procedures?level=commune&locationFree=true&q=khai%20sinh&limit=50`)).json();
    const procedure = list.items.find((p: { processingDays: number | null }) => p.processingDays !== null && p.processingDays >= 3);
    const filed = await api('/dossiers', {
      procedureCode: procedure.code, returnUnitCode: `DTN${AN_LINH}`, idempotencyKey: 'e2e-notify-0001',
      applicant: { kind: 'citizen', fullName: 'Trần Thị Bình', idNumber: '074190001235', phone: '0987654321', email: 'binh.tran@example.vn', address: { communeCode: AN_LINH } },
    }, token);
    expect(filed.status).toBe(201);
    code = (await filed.json()).code;

    const [mail] = await smtp.waitFor(1, 20_000);
    expect(mail!.subject).toBe(`Hồ sơ ${code} đã được tiếp nhận`);
    expect(mail!.text).toContain('Kính gửi ông/bà Trần Thị Bình,');

    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/xu-ly/${encodeURIComponent(code)}`);
    await page.fill('[data-testid="login-username"]', 'tn.CN724');
    await page.fill('[data-testid="login-password"]', DEMO_PASSWORD);
    await page.click('[data-testid="login-submit"]');
    const items = page.locator('[data-testid="dossier-notifications"] [data-testid="notification"]');
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(2);
    const section = (await page.textContent('[data-testid="dossier-notifications"]')) ?? '';
    expect(section).toContain('Thông báo đã gửi');
    expect(section).toContain('Tiếp nhận hồ sơ');
    expect(section).toContain('bi***@example.vn');
    expect(section).toContain('098****321');
    expect(section).not.toContain('0987654321');
    expect(await page.getAttribute('[data-testid="notification"][data-channel="email"]', 'data-status')).toBe('sent');
    expect(await page.getAttribute('[data-testid="notification"][data-channel="sms"]', 'data-status')).toBe('delivered');
    expect(await page.textContent('[data-testid="notification"][data-channel="sms"]')).toContain('Đã nhận');
    await context.close();
  });

  it('shows the leader the overdue warning at the top of the inbox, linking to the dossier', async () => {
    // The timer scan, a month later (the server's own jobs run on the real clock).
    const monthLater = new Date(Date.now() + 31 * 24 * 3_600_000);
    const report = { leaseHeld: false, scanned: 0, dueSoon: 0, apologyReminders: 0, overdue: 0 };
    await scan({ ...server.ctx, now: () => monthLater }, { policy: DEFAULT_TIMER_POLICY }, report);
    expect(report.overdue).toBeGreaterThanOrEqual(1);

    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/xu-ly`);
    await page.fill('[data-testid="login-username"]', `ld.UBX${AN_LINH}`);
    await page.fill('[data-testid="login-password"]', DEMO_PASSWORD);
    await page.click('[data-testid="login-submit"]');
    const alert = page.locator('[data-testid="my-alert"][data-template="dossier.overdue"]');
    await alert.first().waitFor({ timeout: 15_000 });
    expect(await page.textContent('[data-testid="my-alerts"] h2')).toBe('Cảnh báo của tôi');
    await alert.locator(`a:has-text("${code}")`).click();
    await page.locator('[data-testid="dossier-timeline"]').waitFor();
    expect(await page.textContent('[data-testid="dossier-timeline"]')).toContain('Quá hạn trả kết quả');
    await context.close();
  });
});
