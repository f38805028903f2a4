// A citizen's question through the web app: asked signed out from a procedure's page with a photo of a
// paper, confirmed by a toast that closes by itself after 5 seconds (read by screen readers: role=status),
// routed by the Center's reception officer to Sở Tư pháp, answered and published there; the answer
// reaches the citizen's mailbox on a real local SMTP server (delivered by the background jobs, as
// `motcua serve` does), the citizen follows the e-mail's link and rates the answer, which is then public
// Q&A on the procedure's page (without the file) and found by an unaccented search. Then an officer
// enters a citizen's question at a counter with a scan, and a manager sees open items per unit.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { startWebServer, type RunningServer } from '../support/web-server.ts';
import { DEMO_PASSWORD } from '../support/context.ts';
import { pdfFile } from '../support/files.ts';
import { startSmtpCatcher, type SmtpCatcher } from '../support/smtp-catcher.ts';
import { loadSettings } from '../../src/config/settings.ts';

const PHONE = '0987654321';
const QUESTION = 'Đăng ký khai sinh cho con khi cha mẹ chưa đăng ký kết hôn cần giấy tờ gì? <b>Cảm ơn</b>';
const ANSWER = 'Cha hoặc mẹ nộp Tờ khai đăng ký khai sinh và Giấy chứng sinh; nếu nhận cha con thì nộp thêm Tờ khai đăng ký nhận cha, mẹ, con.';

const EMAIL = 'binh@example.com';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** No serious or critical axe-core finding on the page as it is now. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: unknown[] }> }> } }).axe.run();
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`);
  });
  expect(violations, name).toEqual([]);
}
const PHOTO_NAME = 'giay-to-can-bo-yeu-cau.pdf';

describe('feedback flow in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let smtp: SmtpCatcher;
  let procedureCode: string;
  let code: string;

  beforeAll(async () => {
    // The notification worker delivers to a real local SMTP server.
    smtp = await startSmtpCatcher();
    const settings = loadSettings({ MOTCUA_SMTP_HOST: '127.0.0.1', MOTCUA_SMTP_PORT: String(smtp.port), MOTCUA_SMS_PROVIDER: 'log',
      MOTCUA_OUTBOX_INTERVAL_SECONDS: '1', MOTCUA_DELIVERY_INTERVAL_SECONDS: '1' });
    server = await startWebServer('pglite', { settings: { jobs: settings.jobs, notifications: settings.notifications }, jobs: { holder: 'e2e-feedback' } });
    browser = await launchBrowser();
    const list = await (await fetch(`${server.baseUrl}/api/v1/procedures?level=commune&q=khai%20sinh&limit=50`)).json();
    procedureCode = list.items[0].code;
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  const mailTo = (subject: string) => smtp.mails.find((m) => m.subject === subject && JSON.stringify(m.to).includes(EMAIL));

  async function signedIn(username: string, path: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(server.baseUrl + path);
    await page.fill('[data-testid="login-username"]', username);
    await page.fill('[data-testid="login-password"]', DEMO_PASSWORD);
    await page.click('[data-testid="login-submit"]');
    await page.locator('[data-testid="current-user"]').waitFor({ timeout: 10_000 });
    return page;
  }

  async function act(page: Page, type: string, status: string, fill?: () => Promise<void>): Promise<void> {
    await page.click(`[data-testid="feedback-action-${type}"]`);
    await fill?.();
    await page.click('[data-testid="feedback-action-submit"]');
    await page.locator('[data-testid="feedback-done"]').waitFor();
    await expect.poll(() => page.getAttribute('[data-testid="feedback-item"]', 'data-status'), { timeout: 10_000 }).toBe(status);
  }

  it('asks signed out from the procedure page on a phone, with a file, and sees a confirmation that closes itself', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/thu-tuc/${procedureCode}`);
    await page.click('[data-testid="procedure-ask"]');
    await page.locator('[data-testid="feedback-form"]').waitFor();
    expect(await page.inputValue('[data-testid="feedback-procedure"]')).toBe(procedureCode);
    await page.fill('[data-testid="feedback-name"]', 'Trần Thị Bình');
    await page.fill('[data-testid="feedback-phone"]', PHONE);
    await page.fill('[data-testid="feedback-email"]', EMAIL);
    await page.fill('[data-testid="feedback-text"]', QUESTION);
    await page.setInputFiles('[data-testid="feedback-files"]', { name: PHOTO_NAME, mimeType: 'application/pdf', buffer: await pdfFile('Giấy tờ cán bộ yêu cầu') });
    expect(await page.innerText('[data-testid="feedback-file-list"]')).toContain(PHOTO_NAME);
    await expectAccessible(page, 'portal feedback form with a file chosen');
    await page.click('[data-testid="feedback-send"]');

    const toast = page.locator('[data-testid="feedback-toast"]');
    expect(await toast.getAttribute('role')).toBe('status');
    expect(await toast.getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => toast.innerText(), { timeout: 10_000 }).toMatch(/Mã theo dõi của bạn: PA-\d{6}-[0-9A-Z]{6}/);
    const shownAt = Date.now();
    code = (await page.innerText('[data-testid="feedback-code"]')).trim();
    expect(await toast.innerText()).toContain(code);
    // Closes by itself after 5 s; the tracking code stays on the page.
    await expect.poll(() => toast.innerText(), { timeout: 9_000, interval: 250 }).toBe('');
    expect(Date.now() - shownAt).toBeGreaterThanOrEqual(4_500);
    expect(await page.innerText('[data-testid="feedback-code"]')).toBe(code);
    expect(await page.innerText('[data-testid="feedback-sent-files"]')).toContain(PHOTO_NAME);
    // The acknowledgement reaches the mailbox too, with the tracking code.
    await expect.poll(() => mailTo(`Đã tiếp nhận câu hỏi/phản ánh ${code}`)?.text ?? '', { timeout: 30_000 }).toContain(`Mã theo dõi: ${code}`);
    await context.close();
  });

  it('is routed by the Center to Sở Tư pháp, which answers and publishes it', async () => {
    const center = await signedIn('tn.TT74', '/xu-ly/phan-anh');
    await center.locator(`[data-code="${code}"] [data-testid="feedback-open"]`).click();
    await center.locator('[data-testid="feedback-item"]').waitFor();
    expect(await center.getAttribute('[data-testid="feedback-item"]', 'data-unit')).toBe('TT74');
    // Scripts in the text are shown as text.
    expect(await center.innerText('[data-testid="feedback-item-text"]')).toContain('<b>Cảm ơn</b>');
    expect(await center.locator('[data-testid="feedback-item-text"] b').count()).toBe(0);
    // The file the citizen sent is there for the handling unit, and opens.
    const file = center.locator('[data-testid="feedback-attachments"] a', { hasText: PHOTO_NAME });
    const href = await file.getAttribute('href');
    const opened = await center.request.get(server.baseUrl + href!);
    expect(opened.status()).toBe(200);
    expect(opened.headers()['content-type']).toBe('application/pdf');
    await center.click('[data-testid="feedback-action-reassign"]');
    await center.fill('[data-testid="feedback-to-unit"]', 'STP74');
    await center.fill('[data-testid="feedback-action-text"]', 'Hướng dẫn hộ tịch thuộc Sở Tư pháp');
    await center.click('[data-testid="feedback-action-submit"]');
    await center.locator('[data-testid="feedback-done"]').waitFor();
    await center.context().close();

    const agency = await signedIn('ld.STP74', `/xu-ly/phan-anh/${code}`);
    await agency.locator('[data-testid="feedback-item"]').waitFor();
    expect(await agency.getAttribute('[data-testid="feedback-item"]', 'data-unit')).toBe('STP74');
    await act(agency, 'accept', 'accepted');
    await act(agency, 'answer', 'answered', () => agency.fill('[data-testid="feedback-action-text"]', ANSWER));
    await act(agency, 'publish', 'published');
    // The agency sees the file too (it moved with the message).
    expect(await agency.innerText('[data-testid="feedback-attachments"]')).toContain(PHOTO_NAME);
    await agency.context().close();
  });

  it('reaches the citizen by e-mail on the local SMTP server; the citizen follows its link, rates the answer, and finds it public on the procedure page', async () => {
    await expect.poll(() => mailTo(`Trả lời câu hỏi/phản ánh ${code}`) !== undefined, { timeout: 30_000 }).toBe(true);
    const mail = mailTo(`Trả lời câu hỏi/phản ánh ${code}`)!;
    expect(mail.text).toContain(ANSWER);
    expect(mail.text).toContain(`Mã theo dõi: ${code}`);
    expect(mail.text).toContain('Trần Thị Bình');
    expect(mail.text).not.toContain(PHOTO_NAME);
    const link = /https?:\/\/\S+\/hoi-dap\/theo-doi\?ma=\S+/.exec(mail.text ?? '')?.[0];
    expect(link).toBeDefined();
    const { pathname, search } = new URL(link!);
    expect(search).toBe(`?ma=${code}`);

    const page = await browser.newPage({ locale: 'vi-VN' });
    await page.goto(`${server.baseUrl}${pathname}${search}`);
    await page.fill('[data-testid="track-phone"]', PHONE);
    await page.click('[data-testid="track-find"]');
    await expect.poll(() => page.getAttribute('[data-testid="track-result"]', 'data-status'), { timeout: 10_000 }).toBe('published');
    expect(await page.innerText('[data-testid="track-answer"]')).toBe(ANSWER);
    await page.click('[data-testid="rate-satisfied"]');
    await page.locator('[data-testid="track-rated"]').waitFor();
    expect(await page.locator('[data-testid="track-rate"]').count()).toBe(0);

    await page.goto(`${server.baseUrl}/thu-tuc/${procedureCode}`);
    const qa = page.locator('[data-testid="procedure-qa-list"]');
    await qa.waitFor({ timeout: 10_000 });
    expect(await qa.innerText()).toContain('chưa đăng ký kết hôn');
    await qa.locator('summary').first().click();
    expect(await qa.innerText()).toContain(ANSWER);
    expect(await qa.innerText()).not.toContain(PHOTO_NAME);
    expect(await qa.innerText()).not.toContain(PHONE);
    // The HTML the citizen typed is public text, shown as typed, never markup.
    expect(await qa.innerText()).toContain('<b>Cảm ơn</b>');
    expect(await qa.locator('.qa-question b').count()).toBe(0);

    await page.goto(`${server.baseUrl}/hoi-dap?q=${encodeURIComponent('chua dang ky ket hon')}`);
    await page.locator('[data-testid="qa-list"]').waitFor({ timeout: 10_000 });
    expect(await page.innerText('[data-testid="qa-list"]')).toContain('khai sinh');
    await page.close();
  });

  it('lets a Center officer enter a citizen\'s question at the counter with a scan, and a manager see it among the unit\'s open items', async () => {
    const officer = await signedIn('tn.TT74', '/xu-ly/phan-anh');
    await officer.click('[data-testid="feedback-counter-new"]');
    await officer.locator('[data-testid="feedback-form"]').waitFor();
    expect(await officer.locator('input[name="website"]').count()).toBe(0); // no honeypot for officers
    await expectAccessible(officer, 'counter entry form');
    await officer.selectOption('[data-testid="feedback-kind"]', 'feedback');
    await officer.fill('[data-testid="feedback-name"]', 'Lê Văn Cường');
    await officer.fill('[data-testid="feedback-phone"]', '0905123456');
    await officer.fill('[data-testid="feedback-text"]', 'Ông Cường phản ánh tại quầy: bị yêu cầu nộp giấy xác nhận cư trú không có trong danh mục.');
    await officer.setInputFiles('[data-testid="feedback-files"]', { name: 'xac-nhan-cu-tru.pdf', mimeType: 'application/pdf', buffer: await pdfFile('Giấy xác nhận cư trú') });
    await officer.click('[data-testid="feedback-send"]');
    await expect.poll(() => officer.innerText('[data-testid="feedback-toast"]'), { timeout: 10_000 }).toMatch(/PA-\d{6}-[0-9A-Z]{6}/);
    const counterCode = (await officer.innerText('[data-testid="feedback-code"]')).trim();
    await officer.click('[data-testid="feedback-counter-open"]');
    await officer.locator('[data-testid="feedback-item"]').waitFor();
    expect(await officer.getAttribute('[data-testid="feedback-item"]', 'data-unit')).toBe('TT74');
    expect(await officer.getAttribute('[data-testid="feedback-item"]', 'data-status')).toBe('received');
    expect(await officer.innerText('[data-testid="feedback-attachments"]')).toContain('xac-nhan-cu-tru.pdf');
    expect(await officer.innerText('[data-testid="feedback-history"]')).toContain('tn.TT74');
    await officer.context().close();

    const manager = await signedIn('gd.TT74', '/xu-ly/phan-anh?cap-duoi=1');
    const row = manager.locator('[data-testid="feedback-by-unit"] tr[data-unit="TT74"]');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.locator('[data-testid="by-unit-open"]').innerText()).toBe('1');
    expect(await manager.locator('[data-testid="feedback-by-unit"] tr[data-unit="STP74"]').count()).toBe(0); // outside the Center's scope
    expect(await manager.locator(`[data-code="${counterCode}"]`).count()).toBe(1);
    await manager.context().close();
  });
});
