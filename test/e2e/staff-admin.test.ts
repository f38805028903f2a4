// Staff administration in Chromium: an administrator creates an officer at a Reception Point, hands out a
// one-time reset link, the officer sets a password through it, signs in at a counter of that unit and
// calls a ticket; the audit page shows the account's creation with its before → after.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from '../support/browser-session.ts';
import { DEMO_PASSWORD } from '../support/context.ts';

const POINT = 'DTN25741';
const OFFICER = 'pham.thi.hoa';
// The kiosk refuses tickets outside working hours: call the ticket on a Thursday morning.
const OPEN_AT = Date.parse('2024-12-05T09:00:00+07:00');

describe('staff administration in Chromium', () => {
  const session = useBrowserSession();

  async function newPage(path: string): Promise<Page> {
    const context = await session.browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(session.server.baseUrl + path);
    return page;
  }
  async function signIn(page: Page, username: string, password: string): Promise<void> {
    await page.fill('[data-testid="login-username"]', username);
    await page.fill('[data-testid="login-password"]', password);
    await page.click('[data-testid="login-submit"]');
  }

  it('creates an officer who resets the password, calls a ticket at a counter, and the audit shows it', async () => {
    const admin = await newPage('/quan-tri/can-bo');
    await signIn(admin, 'admin', DEMO_PASSWORD);
    await admin.locator('[data-testid="staff-create"]').waitFor({ timeout: 10_000 });
    await admin.locator(`[data-testid="new-unit"] option[value="${POINT}"]`).waitFor({ state: 'attached' });

    // Without a unit the form says so and nothing is sent.
    await admin.fill('[data-testid="new-username"]', OFFICER);
    await admin.fill('[data-testid="new-fullname"]', 'Phạm Thị Hoa');
    await admin.fill('[data-testid="new-password"]', 'mat-khau-ban-dau-1');
    await admin.click('[data-testid="create-submit"]');
    expect(await admin.locator('.staff-create [role="alert"]').first().textContent()).toContain('không có đơn vị');

    await admin.selectOption('[data-testid="new-unit"]', POINT);
    await admin.click('[data-testid="create-submit"]');
    await admin.locator('[data-testid="staff-notice"]').waitFor();
    expect(await admin.textContent('[data-testid="staff-notice"]')).toContain(OFFICER);

    // A duplicate username is refused with a message naming it.
    await admin.fill('[data-testid="new-username"]', OFFICER.toUpperCase());
    await admin.fill('[data-testid="new-fullname"]', 'Người khác');
    await admin.selectOption('[data-testid="new-unit"]', POINT);
    await admin.fill('[data-testid="new-password"]', 'mat-khau-ban-dau-1');
    await admin.click('[data-testid="create-submit"]');
    await admin.locator('[data-testid="create-error"]').waitFor();
    expect(await admin.textContent('[data-testid="create-error"]')).toContain('đã tồn tại');

    // Assign the officer to counter 2 and the civil-status group (Hộ tịch) in the edit form.
    await admin.fill('[data-testid="staff-q"]', OFFICER);
    await admin.click('[data-testid="staff-filter"]');
    await admin.locator(`[data-testid="staff-row-${OFFICER}"]`).waitFor();
    await admin.click(`[data-testid="staff-row-${OFFICER}"] >> text=Sửa`);
    await admin.locator('[data-testid="edit-counter-2"]').check();
    await admin.locator('[data-testid="edit-group-HT"]').check();
    await admin.click('[data-testid="edit-save"]');
    await expect.poll(() => admin.textContent('[data-testid="staff-notice"]')).toContain('Đã lưu');

    // Find the officer by name within the unit, then issue a one-time reset link.
    await admin.fill('[data-testid="staff-q"]', 'phạm thị hoa');
    await admin.selectOption('[data-testid="staff-unit"]', POINT);
    await admin.click('[data-testid="staff-filter"]');
    await expect.poll(() => admin.textContent('[data-testid="staff-total"]')).toBe('1 tài khoản');
    expect(await admin.textContent(`[data-testid="staff-row-${OFFICER}"]`)).toContain('Điểm tiếp nhận Phường Hiệp Thành');
    await admin.click(`[data-testid="reset-${OFFICER}"]`);
    await expect.poll(() => admin.textContent('[data-testid="staff-notice"]')).toContain('/dat-lai-mat-khau#');
    const link = /(https?:\/\/\S+\/dat-lai-mat-khau#\S+)/.exec((await admin.textContent('[data-testid="staff-notice"]'))!)![1]!;

    const officer = await newPage('/');
    await officer.goto(link);
    await officer.fill('[data-testid="reset-password"]', 'mat-khau-cua-hoa-2');
    await officer.fill('[data-testid="reset-repeat"]', 'mat-khau-cua-hoa-2');
    await officer.click('[data-testid="reset-submit"]');
    await officer.locator('[data-testid="reset-done"]').waitFor({ timeout: 10_000 });
    // The link is spent: using it again is refused.
    const again = await fetch(`${session.server.baseUrl}/api/v1/auth/password-reset`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: link.split('#')[1], password: 'mat-khau-khac-345' }) });
    expect(again.status).toBe(400);

    // Sign in at a counter of the Reception Point (before moving the clock: cookies keep real time).
    await officer.goto(`${session.server.baseUrl}/hang-doi/${POINT}/quay/2`);
    await signIn(officer, OFFICER, 'mat-khau-cua-hoa-2');
    await officer.locator('[data-testid="call-next"]').waitFor({ timeout: 10_000 });
    const started = Date.now();
    session.server.ctx.now = () => new Date(OPEN_AT + (Date.now() - started));
    const ticket = await fetch(`${session.server.baseUrl}/api/v1/queue/${POINT}/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceGroup: 'HT', idempotencyKey: 'staff-admin-e2e-ticket-1' }) });
    expect(ticket.status, await ticket.clone().text()).toBe(201);
    const number = (await ticket.json()).number as string;
    await officer.click('[data-testid="call-next"]');
    await officer.locator(`[data-testid="counter-current"][data-number="${number}"]`).waitFor({ timeout: 10_000 });
    // The assignment holds: counter 1 is not this officer's.
    const elsewhere = await officer.evaluate(async (point) => (await fetch(`/api/v1/queue/${point}/counters/1/call-next`, { method: 'POST' })).json(), POINT);
    expect(elsewhere.error.code).toBe('COUNTER_NOT_ASSIGNED');
    // The header leads to the officer's own account page.
    await officer.click('[data-testid="account-link"]');
    await officer.waitForURL('**/tai-khoan');

    // The audit page shows the creation, with the account as it was created.
    await admin.goto(`${session.server.baseUrl}/quan-tri/nhat-ky`);
    await admin.fill('[data-testid="audit-entityId"]', OFFICER);
    await admin.fill('[data-testid="audit-action"]', 'staff.create');
    await admin.click('[data-testid="audit-filter"]');
    await expect.poll(() => admin.textContent('[data-testid="audit-total"]'), { timeout: 10_000 }).toBe('1 mục');
    const row = await admin.textContent('[data-testid="audit-table"] tbody tr');
    expect(row).toContain('staff.create');
    expect(row).toContain('admin');
    expect(row).toContain(POINT);
    expect(row).toContain('Sau');
    await admin.fill('[data-testid="audit-action"]', 'staff.');
    await admin.click('[data-testid="audit-filter"]');
    await expect.poll(() => admin.textContent('[data-testid="audit-table"]')).toContain('staff.password_reset');
    expect(await admin.textContent('[data-testid="audit-table"]')).toContain('staff.update');
    expect(await admin.textContent('[data-testid="audit-table"]')).toContain('counterCodes');

    for (const page of [admin, officer]) await page.context().close();
  }, 120_000);
});
