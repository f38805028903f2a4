// The citizen portal on a phone-sized screen: sign in through the local OpenID Connect provider, file a
// procedure online and pay its fee on the demo gateway; an officer (API) receives it and asks for a
// supplement, the citizen answers online, the result is returned and rated; the public lookup answers by
// code + phone and refuses a wrong phone. axe-core checks every portal page (no serious or critical issue).
// Then, on a second phone, the citizen signs in with a one-time code read from the e-mail that reached the
// local SMTP server, and sees the same dossier (the applicant's e-mail) but is sent to VNeID to file.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { startPortalWebServer } from '../support/portal-web-server.ts';
import type { RunningServer } from '../support/web-server.ts';
import { DEMO_PASSWORD } from '../support/context.ts';
import { startSmtpCatcher, type SmtpCatcher } from '../support/smtp-catcher.ts';
import { loadSettings } from '../../src/config/settings.ts';

const AN_LINH = '25861';
const LAN = { cccd: '074190001111', phone: '0912000111' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe('citizen portal on a phone', () => {
  let server: RunningServer & { issuer: string };
  let browser: Browser;
  let smtp: SmtpCatcher;
  let page: Page;
  let procedureCode: string;
  let code: string;
  let key = 0;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    // The notification worker delivers to a real local SMTP server, as `motcua serve` would.
    smtp = await startSmtpCatcher();
    const settings = loadSettings({ MOTCUA_SMTP_HOST: '127.0.0.1', MOTCUA_SMTP_PORT: String(smtp.port), MOTCUA_SMS_PROVIDER: 'log',
      MOTCUA_OUTBOX_INTERVAL_SECONDS: '1', MOTCUA_DELIVERY_INTERVAL_SECONDS: '1' });
    server = await startPortalWebServer({ settings: { jobs: settings.jobs, notifications: settings.notifications }, jobs: { holder: 'e2e-portal' } });
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true });
    page = await context.newPage();
    const list = await (await fetch(`${server.baseUrl}/api/v1/procedures?level=commune&locationFree=true&limit=200`)).json();
    for (const p of list.items as Array<{ code: string; processingDays: number | null }>) {
      if (p.processingDays === null || p.processingDays < 3) continue;
      const detail = await (await fetch(`${server.baseUrl}/api/v1/procedures/${encodeURIComponent(p.code)}`)).json();
      const fee = (detail.channels as Array<{ channel: string; fee: { kind: string; currency?: string } }>).find((c) => c.channel === 'online' || c.channel === 'direct')?.fee;
      // With a published list of documents, so the citizen uploads a scan for one of them.
      if (detail.onlineLevel !== 'none' && fee?.kind === 'amount' && fee.currency === 'VND' && (detail.documents as unknown[]).length > 0) {
        procedureCode = p.code;
        break;
      }
    }
    expect(procedureCode).toBeDefined();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  async function act(username: string, body: Record<string, unknown>): Promise<void> {
    if (!tokens.has(username)) {
      const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
      tokens.set(username, (await res.json()).token);
    }
    const res = await fetch(`${server.baseUrl}/api/v1/dossiers/${code}/actions`, { method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(username)}` },
      body: JSON.stringify({ idempotencyKey: `e2e-portal-${++key}`, ...body }) });
    expect(res.status, await res.clone().text()).toBe(200);
  }

  async function expectAccessible(name: string): Promise<void> {
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: unknown[] }> }> } }).axe.run();
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`);
    });
    expect(violations, name).toEqual([]);
  }

  const expected = () => page.getAttribute('[data-testid="expected"]', 'data-kind');

  it('signs in through the identity provider, files online and pays the fee', async () => {
    await page.goto(`${server.baseUrl}/nop-ho-so`);
    await page.locator('[data-testid="citizen-signin"]').waitFor();
    await expectAccessible('portal sign-in');
    await page.click('[data-testid="citizen-signin"]');
    await page.locator('[data-testid="idp-cccd"]').waitFor();
    expect(page.url().startsWith(server.issuer)).toBe(true);
    await page.fill('[data-testid="idp-cccd"]', LAN.cccd);
    await page.fill('[data-testid="idp-password"]', DEMO_PASSWORD);
    await page.click('[data-testid="idp-login"]');
    await page.click('[data-testid="idp-consent"]');
    await page.locator('[data-testid="citizen-name"]').waitFor({ timeout: 15_000 });
    expect(await page.textContent('[data-testid="citizen-name"]')).toContain('Nguyễn Thị Lan');
    await expectAccessible('portal home');

    await page.goto(`${server.baseUrl}/nop-ho-so?thu-tuc=${encodeURIComponent(procedureCode)}`);
    await page.locator('[data-testid="filing-form"]').waitFor();
    expect(await page.inputValue('[data-testid="filing-phone"]')).toBe(LAN.phone);
    expect(await page.inputValue('[data-testid="filing-communeCode"]')).toBe(AN_LINH);
    await expectAccessible('filing form');
    await page.check('[data-testid="filing-document-0"]');
    await page.setInputFiles('[data-testid="filing-file-0"]', { name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.locator('[data-testid="filing-receiving"] option[value="CN724"]').waitFor({ state: 'attached' });
    await page.selectOption('[data-testid="filing-receiving"]', 'CN724');
    await page.selectOption('[data-testid="filing-return"]', `DTN${AN_LINH}`);
    await page.click('[data-testid="filing-review-button"]');
    await page.locator('[data-testid="filing-review"]').waitFor();
    await expectAccessible('filing review');
    await page.click('[data-testid="filing-submit"]');
    await page.locator('[data-testid="my-dossier"], [data-testid="filing-error"]').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="filing-error"]').count() ? await page.textContent('[data-testid="filing-error"]') : null).toBeNull();
    code = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    expect(code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H74-\d{6}-\d{4}$/);
    expect(await page.getAttribute('[data-testid="my-dossier"]', 'data-status')).toBe('submitted_online');
    expect(await expected()).toBe('pay');
    await page.locator('[data-testid="my-attachments"]').waitFor();
    expect(await page.textContent('[data-testid="my-attachments"]')).toContain('to-khai.pdf');
    await expectAccessible('my dossier');

    await page.click('[data-testid="pay"]');
    await page.locator('[data-testid="demo-gateway"]').waitFor();
    await expectAccessible('demo gateway');
    await page.click('[data-testid="gateway-success"]');
    await page.locator('[data-testid="my-dossier"]').waitFor();
    await expect.poll(expected, { timeout: 15_000 }).toBe('wait_receipt');
    expect(await page.getAttribute('[data-testid="my-payments"] li', 'data-status')).toBe('paid');
  }, 60_000);

  it('is received and supplemented online, returned and rated', async () => {
    await act('tn.CN724', { type: 'receive_online' });
    // The receipt reaches the citizen's mailbox (the address from the identity profile).
    const [mail] = await smtp.waitFor(1, 30_000);
    expect(mail!.subject).toBe(`Hồ sơ ${code} đã được tiếp nhận`);
    expect(mail!.to && JSON.stringify(mail!.to)).toContain('lan.nguyen@example.vn');
    await act('tn.CN724', { type: 'transfer' });
    await act(`ld.UBX${AN_LINH}`, { type: 'assign', assignee: `cv.UBX${AN_LINH}` });
    await act(`cv.UBX${AN_LINH}`, { type: 'request_supplement', reason: 'Thiếu bản sao giấy tờ tùy thân.', missingDocuments: ['Bản sao CCCD'] });
    await expect.poll(expected, { timeout: 20_000 }).toBe('supplement');
    expect(await page.textContent('[data-testid="supplement-reason"]')).toContain('Thiếu bản sao');
    expect(await page.inputValue('[data-testid="supplement-document-0"]')).toBe('Bản sao CCCD');
    await page.setInputFiles('[data-testid="supplement-file-0"]', { name: 'cccd.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expectAccessible('supplement request');
    await page.click('[data-testid="supplement-submit"]');
    await expect.poll(expected, { timeout: 15_000 }).toBe('wait');
    const officer = await (await fetch(`${server.baseUrl}/api/v1/dossiers/${code}`, { headers: { authorization: `Bearer ${tokens.get(`cv.UBX${AN_LINH}`)}` } })).json();
    expect(officer.timeline.at(-1).type).toBe('citizen_supplement');
    const files = await (await fetch(`${server.baseUrl}/api/v1/dossiers/${code}/attachments`, { headers: { authorization: `Bearer ${tokens.get(`cv.UBX${AN_LINH}`)}` } })).json();
    expect(JSON.stringify(files)).toContain('cccd.pdf');

    await act(`cv.UBX${AN_LINH}`, { type: 'receive_supplement' });
    await act(`ld.UBX${AN_LINH}`, { type: 'approve' });
    await act(`cv.UBX${AN_LINH}`, { type: 'record_result', resultNumber: '7/QĐ', signer: 'Chủ tịch UBND xã', signedAt: new Date().toISOString() });
    await act(`tn.DTN${AN_LINH}`, { type: 'return_result', method: 'counter', recipientName: 'Nguyễn Thị Lan' });
    await expect.poll(expected, { timeout: 20_000 }).toBe('rate');
    expect(await page.getAttribute('[data-testid="my-dossier"]', 'data-status')).toBe('returned');
    await expectAccessible('rating form');
    for (const id of ['rating-overall-very_satisfied', 'rating-time-early', 'rating-contacts-none', 'rating-agencies-one_stop_only', 'rating-attitude-good']) {
      await page.check(`[data-testid="${id}"]`);
    }
    await page.click('[data-testid="rating-submit"]');
    await expect.poll(expected, { timeout: 15_000 }).toBe('done');
  }, 120_000);

  it('answers the public lookup by code and phone, refuses a wrong phone, and the kiosk refuses a second rating', async () => {
    await page.goto(`${server.baseUrl}/tra-cuu?code=${encodeURIComponent(code)}`);
    expect(await page.inputValue('[data-testid="lookup-code"]')).toBe(code);
    await page.fill('[data-testid="lookup-phone"]', '0988888888');
    await page.click('[data-testid="lookup-submit"]');
    await page.locator('[data-testid="lookup-error"]').waitFor();
    await page.fill('[data-testid="lookup-phone"]', LAN.phone);
    await page.click('[data-testid="lookup-submit"]');
    await page.locator('[data-testid="lookup-result"]').waitFor();
    expect(await page.getAttribute('[data-testid="lookup-status"]', 'data-status')).toBe('returned');
    expect(await page.textContent('[data-testid="lookup-result"]')).not.toContain('Nguyễn Thị Lan');
    await expectAccessible('public lookup');

    await page.goto(`${server.baseUrl}/danh-gia?ma=${encodeURIComponent(code)}`);
    await page.fill('[data-testid="kiosk-phone"]', LAN.phone);
    await expectAccessible('kiosk');
    await page.click('[data-testid="kiosk-next"]');
    for (const id of ['rating-overall-satisfied', 'rating-time-on_time', 'rating-contacts-once', 'rating-agencies-none', 'rating-attitude-acceptable']) {
      await page.check(`[data-testid="${id}"]`);
    }
    await page.click('[data-testid="rating-submit"]');
    await page.locator('[data-testid="rating-error"]').waitFor();
    expect(await page.textContent('[data-testid="rating-error"]')).toContain('đã được đánh giá');
  });

  it('signs in on another phone with a one-time code read from the e-mail, and sees the dossier filed with that address', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true });
    const other = await context.newPage();
    page = other; // expectAccessible checks `page`
    try {
      await other.goto(`${server.baseUrl}/nop-ho-so`);
      await other.locator('[data-testid="otp-open"]').click();
      await other.fill('[data-testid="otp-destination"]', 'Lan.Nguyen@example.vn');
      await expectAccessible('one-time code request');
      const before = smtp.mails.length;
      await other.click('[data-testid="otp-send"]');
      await other.locator('[data-testid="otp-sent"]').waitFor();
      expect(await other.textContent('[data-testid="otp-sent"]')).toContain('la***@example.vn');
      const codeMail = () => smtp.mails.slice(before).find((m) => m.subject?.startsWith('Mã đăng nhập'));
      await expect.poll(() => codeMail() !== undefined, { timeout: 20_000 }).toBe(true);
      const mail = codeMail()!;
      expect(JSON.stringify(mail.to)).toContain('lan.nguyen@example.vn');
      const otp = mail.text!.match(/\b(\d{6})\b/)![1]!;
      await expectAccessible('one-time code entry');
      await other.fill('[data-testid="otp-code"]', otp === '000000' ? '111111' : '000000');
      await other.click('[data-testid="otp-verify"]');
      await other.locator('[data-testid="otp-error"][data-code="OTP_INVALID"]').waitFor();
      expect(await other.textContent('[data-testid="otp-error"]')).toContain('còn 4 lần thử');
      await other.fill('[data-testid="otp-code"]', otp);
      await other.click('[data-testid="otp-verify"]');
      await other.locator('[data-testid="citizen-name"]').waitFor({ timeout: 15_000 });
      await other.locator(`[data-testid="my-dossiers"] >> text=${code}`).waitFor();
      await other.locator('[data-testid="filing-needs-identity"]').waitFor();
      await expectAccessible('portal home after a one-time code');
      await other.goto(`${server.baseUrl}/nop-ho-so/ho-so/${encodeURIComponent(code)}`);
      await other.locator('[data-testid="my-dossier"]').waitFor();
      expect(await other.getAttribute('[data-testid="my-dossier"]', 'data-status')).toBe('returned');
    } finally {
      await context.close();
    }
  }, 60_000);
});
