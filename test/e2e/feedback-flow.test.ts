// A citizen's question through the web app: asked from a procedure's page, confirmed by a toast that
// closes by itself after 5 seconds (read by screen readers: role=status), routed by the Center's
// reception officer to Sở Tư pháp, answered and published there, followed and rated by the citizen with
// the tracking code, then shown as public Q&A on the procedure's page and found by an unaccented search.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../support/web-server.ts';
import { useBrowserSession } from '../support/browser-session.ts';
import { DEMO_PASSWORD } from '../support/context.ts';

const PHONE = '0987654321';
const QUESTION = 'Đăng ký khai sinh cho con khi cha mẹ chưa đăng ký kết hôn cần giấy tờ gì? <b>Cảm ơn</b>';
const ANSWER = 'Cha hoặc mẹ nộp Tờ khai đăng ký khai sinh và Giấy chứng sinh; nếu nhận cha con thì nộp thêm Tờ khai đăng ký nhận cha, mẹ, con.';

describe('feedback flow in Chromium', () => {
  const session = useBrowserSession();
  let server: RunningServer;
  let browser: Browser;
  let procedureCode: string;
  let code: string;

  beforeAll(async () => {
    ({ server, browser } = session);
    const list = await (await fetch(`${server.baseUrl}/api/v1/procedures?level=commune&q=khai%20sinh&limit=50`)).json();
    procedureCode = list.items[0].code;
  });

  async function signedIn(username: string, path: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
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

  it('asks from the procedure page on a phone and sees a confirmation that closes itself', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/thu-tuc/${procedureCode}`);
    await page.click('[data-testid="procedure-ask"]');
    await page.locator('[data-testid="feedback-form"]').waitFor();
    expect(await page.inputValue('[data-testid="feedback-procedure"]')).toBe(procedureCode);
    await page.fill('[data-testid="feedback-name"]', 'Trần Thị Bình');
    await page.fill('[data-testid="feedback-phone"]', PHONE);
    await page.fill('[data-testid="feedback-email"]', 'binh@example.com');
    await page.fill('[data-testid="feedback-text"]', QUESTION);
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
    await context.close();
  });

  it('is routed by the Center to Sở Tư pháp, which answers and publishes it', async () => {
    const center = await signedIn('tn.TT74', '/xu-ly/phan-anh');
    await center.locator(`[data-code="${code}"] [data-testid="feedback-open"]`).click();
    await center.locator('[data-testid="feedback-item"]').waitFor();
    expect(await center.getAttribute('[data-testid="feedback-item"]', 'data-unit')).toBe('TT74');
    // Scripts in the text are shown as text.
    expect(await center.innerText('[data-testid="feedback-item-text"]')).toContain('<b>Cảm ơn</b>');
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
    // The citizen's e-mail with the answer is queued in the notification outbox (delivery is the
    // notification worker's job).
    const notifications = await agency.innerText('[data-testid="feedback-notifications"]');
    expect(notifications).toMatch(/email · feedback\.answered/);
    expect(notifications).toMatch(/email · feedback\.received/);
    await agency.context().close();
  });

  it('is followed and rated by the citizen, and shown on the procedure page and in the Q&A search', async () => {
    const page = await browser.newPage({ locale: 'vi-VN' });
    await page.goto(`${server.baseUrl}/hoi-dap/theo-doi?ma=${code}`);
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

    await page.goto(`${server.baseUrl}/hoi-dap?q=${encodeURIComponent('chua dang ky ket hon')}`);
    await page.locator('[data-testid="qa-list"]').waitFor({ timeout: 10_000 });
    expect(await page.innerText('[data-testid="qa-list"]')).toContain('khai sinh');
    await page.close();
  });
});
