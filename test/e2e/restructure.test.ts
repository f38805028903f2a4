// An administrator previews and applies the Center's phase 2 in the admin page: the impact shows the
// network going from 91 to 82 Reception Points and where open dossiers go, the planning view shows points
// per district (table and maps) and the Branches taking over work; a bad plan lists its problems.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../support/web-server.ts';
import { useBrowserSession } from '../support/browser-session.ts';
import { DEMO_PASSWORD } from '../support/context.ts';

describe('restructuring admin page in Chromium', () => {
  const session = useBrowserSession();
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ server, browser } = session);
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto(server.baseUrl + '/quan-tri/sap-xep');
    await page.fill('[data-testid="login-username"]', 'admin');
    await page.fill('[data-testid="login-password"]', DEMO_PASSWORD);
    await page.click('[data-testid="login-submit"]');
    await page.locator('[data-testid="current-user"]').waitFor({ timeout: 10_000 });
  });

  it('lists every problem of a bad plan', async () => {
    await page.locator('[data-testid="plan-text"]').waitFor();
    await page.fill('[data-testid="plan-text"]', '{ not json');
    await page.click('[data-testid="plan-preview"]');
    await expect.poll(() => page.textContent('[data-testid="plan-json-error"]')).toContain('không phải JSON hợp lệ');
    await page.fill('[data-testid="plan-text"]', JSON.stringify({ id: 'sai', title: 'Sai', effectiveAt: '2027-01-01T00:00:00+07:00', operations: [{ op: 'merge', from: ['KHONGCO'], into: 'CN718' }, { op: 'close', code: 'CN719' }] }));
    await page.click('[data-testid="plan-preview"]');
    const problems = page.locator('[data-testid="plan-problems"]');
    await problems.waitFor();
    // The unknown unit, and each of Bàu Bàng's 7 Reception Points left without its Branch.
    expect(await problems.textContent()).toContain('Phương án bị từ chối — 8 lỗi');
    expect(await problems.textContent()).toContain('đơn vị cấp trên CN719 bị đóng');
    expect(await problems.textContent()).toContain('Không có đơn vị mã KHONGCO');
  });

  it('previews phase 2, then applies it', async () => {
    await page.click('[data-testid="use-plan-bd-phase-2"]');
    await page.click('[data-testid="plan-preview"]');
    const network = page.locator('[data-testid="restructure-network"]');
    await network.waitFor();
    expect(await network.textContent()).toContain('91 → 82');
    expect(await page.textContent('[data-testid="restructure-status"]')).toContain('Xem trước');
    // The network planning view: points per district before → after, on a table and two maps, and each
    // Branch taking over its central point's work with staff, counters, load and wait.
    await page.click('[data-testid="plan-planning"]');
    const districts = page.locator('[data-testid="planning-districts"]');
    await districts.waitFor();
    expect(await districts.textContent()).toContain('Thành phố Thủ Dầu Một');
    expect(await page.locator('[data-testid="planning-districts"] tbody tr').count()).toBe(10);
    await page.locator('[data-testid="planning-map-before"] canvas').waitFor();
    await page.locator('[data-testid="planning-map-after"] canvas').waitFor();
    expect(await page.locator('[data-testid^="planning-point-CN"]').count()).toBe(9);
    expect(await page.textContent('[data-testid="restructure-planning"]')).toContain('Erlang C');
    expect(await page.isDisabled('[data-testid="plan-apply"]')).toBe(true);
    await page.check('[data-testid="plan-confirm"]');
    await page.click('[data-testid="plan-apply"]');
    await expect.poll(() => page.textContent('[data-testid="restructure-status"]')).toContain('Đã áp dụng');
    await expect.poll(() => page.textContent('[data-testid="plan-list"]')).toContain('Đã áp dụng');
    const points = await (await fetch(`${server.baseUrl}/api/v1/units?type=reception_point&limit=1`)).json();
    expect(points.total).toBe(82);
  });
});
