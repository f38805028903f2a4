// A person's first minute: the home page in Vietnamese, the switch to English, a demo officer signing in.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../support/web-server.ts';
import { useBrowserSession } from '../support/browser-session.ts';
import { DEMO_PASSWORD } from '../support/context.ts';

describe('web app shell in Chromium', () => {
  const session = useBrowserSession();
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  beforeAll(() => ({ server, browser, page } = session));

  it('serves app routes as the page, and a missing asset as a 404 (never the page)', async () => {
    const route = await fetch(server.baseUrl + '/quan-tri');
    expect(route.headers.get('content-type')).toContain('text/html');
    expect(route.headers.get('cache-control')).toBe('no-cache');
    const withDot = await fetch(server.baseUrl + '/thu-tuc/1.001193');
    expect(withDot.headers.get('content-type')).toContain('text/html');
    const missing = await fetch(server.baseUrl + '/assets/index-gone.js');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('opens the home page in Vietnamese', async () => {
    await page.goto(server.baseUrl + '/');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect.poll(() => page.textContent('body')).toContain('Trung tâm Phục vụ hành chính công tỉnh Bình Dương');
    const nav = await page.textContent('nav');
    for (const label of ['Thủ tục', 'Nộp hồ sơ', 'Tra cứu hồ sơ', 'Quầy tiếp nhận', 'Xử lý hồ sơ', 'Điều hành', 'Quản trị']) {
      expect(nav).toContain(label);
    }
  });

  it('switches to English and back', async () => {
    await page.click('[data-testid="lang-toggle"]');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => page.textContent('body')).toContain('Bình Dương Public Administrative Service Center');
    expect(await page.textContent('nav')).toContain('Procedures');
    await page.reload();
    expect(await page.getAttribute('html', 'lang')).toBe('en'); // the choice is remembered
    await page.click('[data-testid="lang-toggle"]');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('vi');
  });

  it('refuses a wrong password with the server message, then signs a demo officer in', async () => {
    await page.goto(server.baseUrl + '/dang-nhap');
    await page.fill('[data-testid="login-username"]', 'tn.DTN25741');
    await page.fill('[data-testid="login-password"]', 'wrong-password');
    await page.click('[data-testid="login-submit"]');
    await expect.poll(() => page.textContent('body')).toContain('Tên đăng nhập hoặc mật khẩu không đúng');

    await page.fill('[data-testid="login-password"]', DEMO_PASSWORD);
    await page.click('[data-testid="login-submit"]');
    const user = page.locator('[data-testid="current-user"]');
    await user.waitFor({ timeout: 10_000 });
    expect(await user.textContent()).toContain('Cán bộ tiếp nhận Hiệp Thành');
    // The session survives a reload (httpOnly cookie, user read back from /auth/me).
    await page.reload();
    await page.locator('[data-testid="current-user"]').waitFor({ timeout: 10_000 });
  });
});
