// The working calendar in Chromium: a citizen reads a year and computes a result date; an administrator
// confirms a provisional year with an extra day off (preview, then save with a reason) and the public page
// and the calculator follow; a reception officer is kept out of the editor.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../support/web-server.ts';
import { useBrowserSession } from '../support/browser-session.ts';
import { DEMO_PASSWORD } from '../support/context.ts';
import { listAudit } from '../../src/store/audit.ts';

const day = (date: string) => `[data-testid="day-${date}"]`;

async function signIn(page: Page, baseUrl: string, username: string, next: string): Promise<void> {
  await page.goto(`${baseUrl}/dang-nhap?next=${encodeURIComponent(next)}`);
  await page.fill('[data-testid="login-username"]', username);
  await page.fill('[data-testid="login-password"]', DEMO_PASSWORD);
  await page.click('[data-testid="login-submit"]');
  await page.locator('[data-testid="current-user"]').waitFor({ timeout: 10_000 });
}

async function showYear(page: Page, year: number): Promise<void> {
  await page.fill('[data-testid="calendar-year"]', String(year));
  await page.press('[data-testid="calendar-year"]', 'Enter');
  await page.locator(day(`${year}-01-01`)).waitFor();
}

async function computeDue(page: Page, date: string, time: string, amount: string, unit: 'days' | 'hours') {
  await page.fill('[data-testid="due-from-date"]', date);
  await page.fill('[data-testid="due-from-time"]', time);
  await page.fill('[data-testid="due-amount"]', amount);
  await page.selectOption('[data-testid="due-unit"]', unit);
  await page.click('[data-testid="due-submit"]');
}

describe('working calendar pages in Chromium', () => {
  const session = useBrowserSession();
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  beforeAll(() => ({ server, browser, page } = session));

  it('shows an official year: Tết days off, weekends, make-up days, Monday-first weeks, the legal basis', async () => {
    await page.goto(server.baseUrl + '/');
    await page.click('[data-testid="calendar-link"]'); // linked from the footer
    await page.locator('[data-testid="calendar-page"]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/lich-lam-viec');

    await showYear(page, 2025);
    expect(page.url()).toContain('nam=2025');
    const status = page.locator('[data-testid="calendar-status"]');
    await expect.poll(() => status.getAttribute('data-status')).toBe('official');
    expect(await status.textContent()).toBe('Chính thức');
    for (const date of ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-04-30', '2025-09-02']) {
      expect(await page.getAttribute(day(date), 'data-kind'), date).toBe('off');
    }
    expect(await page.getAttribute(day('2025-01-25'), 'data-kind')).toBe('weekend');
    expect(await page.getAttribute(day('2025-01-24'), 'data-kind')).toBe('working');
    expect(await page.getAttribute(day('2025-04-26'), 'data-kind')).toBe('makeup');
    expect(await page.locator('[data-testid^="day-2025-"]').count()).toBe(365);
    const headers = await page.locator('[data-testid="month-2025-01"] thead th').allTextContents();
    expect(headers).toEqual(['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN']);
    // 1 January 2025 is a Wednesday: third column of the first week.
    expect(await page.locator('[data-testid="month-2025-01"] tbody tr').first().locator('td').nth(2).getAttribute('data-testid')).toBe('day-2025-01-01');
    expect(await page.textContent('[data-testid="calendar-basis"]')).toContain('6150/TB-BLĐTBXH');
    expect(await page.textContent('[data-testid="holiday-breaks"]')).toContain('Tết Nguyên đán Ất Tỵ');

    await page.click('[data-testid="year-next"]');
    await page.locator(day('2026-08-22')).waitFor();
    expect(await page.getAttribute(day('2026-08-22'), 'data-kind')).toBe('makeup');
    expect(await page.getAttribute(day('2026-08-31'), 'data-kind')).toBe('off');
  });

  it('marks a year not yet announced as provisional', async () => {
    await showYear(page, 2027);
    const status = page.locator('[data-testid="calendar-status"]');
    await expect.poll(() => status.getAttribute('data-status')).toBe('provisional');
    expect(await status.textContent()).toBe('Tạm tính — chưa được xác nhận');
    expect(await page.getAttribute(day('2027-11-24'), 'data-kind')).toBe('working');
  });

  it('computes the result date across Tết, and says when it rests on a provisional year', async () => {
    await computeDue(page, '2025-01-24', '10:00', '1', 'days');
    const result = page.locator('[data-testid="due-result"]');
    await result.waitFor();
    expect(await result.getAttribute('data-due-at')).toBe('2025-02-03T10:00:00+07:00');
    expect(await result.textContent()).toContain('Hẹn trả kết quả: 10:00 thứ Hai, 03/02/2025');
    expect(await result.textContent()).not.toContain('Lưu ý');

    await computeDue(page, '2025-01-24', '10:00', '3', 'hours');
    await expect.poll(() => result.getAttribute('data-due-at')).toBe('2025-01-24T14:30:00+07:00');

    await computeDue(page, '2027-11-23', '10:00', '1', 'days');
    await expect.poll(() => result.getAttribute('data-due-at')).toBe('2027-11-24T10:00:00+07:00');
    expect(await result.getAttribute('data-provisional')).toBe('true');
    expect(await result.textContent()).toContain('chưa được xác nhận chính thức');
  });

  it('refuses an empty processing time, and shows the server message for a date it cannot compute', async () => {
    await computeDue(page, '2025-01-24', '10:00', '', 'days');
    const error = page.locator('[data-testid="due-error"]');
    await expect.poll(() => error.textContent()).toContain('Vui lòng nhập thời hạn giải quyết');
    expect(await page.locator('[data-testid="due-result"]').count()).toBe(0);

    await computeDue(page, '1999-01-04', '10:00', '1', 'days');
    await expect.poll(() => error.textContent()).toContain('nằm ngoài khoảng năm lịch làm việc hỗ trợ 2000–2100');
  });

  it('keeps a reception officer out of the calendar editor', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const officer = await context.newPage();
    await signIn(officer, server.baseUrl, 'tn.CN718', '/quan-tri/lich-lam-viec');
    const denied = officer.locator('[data-testid="access-denied"]');
    await denied.waitFor();
    expect(await denied.textContent()).toContain('Không có quyền truy cập');
    expect(await officer.locator('[data-testid="admin-calendar"]').count()).toBe(0);
    await context.close();
  });

  it('lets the administrator add a day off to 2027 and confirm the year: preview first, then save with a reason', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const admin = await context.newPage();
    await signIn(admin, server.baseUrl, 'admin', '/quan-tri');
    expect(await admin.textContent('[data-testid="admin-link-units"]')).toContain('Mạng lưới đơn vị');
    expect(await admin.textContent('[data-testid="admin-link-users"]')).toContain('Tài khoản cán bộ');
    await admin.click('[data-testid="admin-link-calendar"]');
    await showYear(admin, 2027);
    await admin.locator('[data-testid="admin-calendar"][data-year="2027"]').waitFor();
    expect(await admin.getAttribute('[data-testid="calendar-status"]', 'data-status')).toBe('provisional');

    await admin.click(day('2027-11-24'));
    expect(await admin.getAttribute(day('2027-11-24'), 'data-kind')).toBe('off');
    expect(await admin.getAttribute(day('2027-11-24'), 'data-changed')).toBe('true');
    await admin.selectOption('[data-testid="admin-status"]', 'official');

    // No reason: refused before asking the server.
    await admin.click('[data-testid="admin-preview"]');
    await expect.poll(() => admin.textContent('[data-testid="admin-error"]')).toContain('Vui lòng ghi lý do thay đổi');

    await admin.fill('[data-testid="admin-reason"]', 'Thông báo lịch nghỉ lễ năm 2027 (kiểm thử)');
    await admin.click('[data-testid="admin-preview"]');
    const preview = admin.locator('[data-testid="admin-preview-result"]');
    await preview.waitFor();
    expect(await preview.locator('[data-testid="preview-daysOffAdded"] li').allTextContents()).toEqual(['thứ Tư, 24/11/2027']);
    expect(await preview.locator('[data-testid="preview-daysOffRemoved"]').count()).toBe(0);
    expect(await preview.textContent()).toContain('Tạm tính — chưa được xác nhận → Chính thức');
    // No dossier is open in 2027, and the preview says so rather than staying silent.
    expect(await preview.locator('[data-testid="preview-affected"]').getAttribute('data-count')).toBe('0');
    expect(await preview.locator('[data-testid="preview-affected"]').textContent()).toContain('Không hồ sơ đang giải quyết nào');
    // A preview saves nothing.
    const before = await (await fetch(`${server.baseUrl}/api/v1/calendar/years/2027`)).json();
    expect(before.status).toBe('provisional');
    expect(before.nonWorkingWeekdays).not.toContain('2027-11-24');

    // Two clicks in the same tick: whether or not the second gets through before the button locks, every
    // request carries the same idempotency key, so the year is saved once.
    const saves: { idempotencyKey?: string }[] = [];
    admin.on('request', (request) => {
      const body = request.method() === 'PUT' ? (request.postDataJSON() as { confirm?: boolean; idempotencyKey?: string }) : null;
      if (body?.confirm) saves.push(body);
    });
    await admin.$eval('[data-testid="admin-confirm"]', (button) => {
      (button as HTMLButtonElement).click();
      (button as HTMLButtonElement).click();
    });
    const saved = admin.locator('[data-testid="admin-saved"]');
    await saved.waitFor();
    expect(await saved.textContent()).toContain('Đã lưu lịch năm 2027');
    const after = await (await fetch(`${server.baseUrl}/api/v1/calendar/years/2027`)).json();
    expect(after).toMatchObject({ status: 'official', revision: before.revision + 1 });
    expect(after.nonWorkingWeekdays).toContain('2027-11-24');
    expect(await saved.getAttribute('data-revision')).toBe(String(after.revision));
    expect(saves.length).toBeGreaterThanOrEqual(1);
    expect(new Set(saves.map((body) => body.idempotencyKey)).size).toBe(1);
    expect(saves[0]?.idempotencyKey).toMatch(/^web-[0-9a-f]{32}$/);
    const audit = await listAudit(server.ctx.db, { entityType: 'calendar_year', entityId: '2027', limit: 10 });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'calendar.year.update', actor_username: 'admin' });
    expect(JSON.stringify(audit[0]?.details)).toContain('Thông báo lịch nghỉ lễ năm 2027 (kiểm thử)');
    // The editor now starts from the saved year.
    expect(await admin.getAttribute('[data-testid="calendar-status"]', 'data-status')).toBe('official');
    expect(await admin.getAttribute(day('2027-11-24'), 'data-changed')).toBeNull();
    await context.close();
  });

  it('shows the confirmed year to the public, and the calculator counts the new day off', async () => {
    await page.goto(server.baseUrl + '/lich-lam-viec?nam=2027');
    await page.locator(day('2027-11-24')).waitFor();
    expect(await page.getAttribute(day('2027-11-24'), 'data-kind')).toBe('off');
    expect(await page.getAttribute('[data-testid="calendar-status"]', 'data-status')).toBe('official');

    await computeDue(page, '2027-11-23', '10:00', '1', 'days');
    const result = page.locator('[data-testid="due-result"]');
    await result.waitFor();
    expect(await result.getAttribute('data-due-at')).toBe('2027-11-25T10:00:00+07:00');
    expect(await result.textContent()).toContain('Hẹn trả kết quả: 10:00 thứ Năm, 25/11/2027');
    expect(await result.getAttribute('data-provisional')).toBe('false');
  });
});
