// Units and queues administration in Chromium: an administrator edits a Reception Point (a malformed
// agency identifier and office hours ending before they start are refused by name, nothing saved), then
// changes a service group's ticket prefix and the kiosk's next ticket carries it; the audit log shows both.
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.ts';
import { DEMO_PASSWORD } from '../support/context.ts';

const POINT = 'DTN25741';
const OPEN_AT = Date.parse('2024-12-05T09:00:00+07:00'); // a Thursday morning: the kiosk issues tickets

describe('units and queues administration in Chromium', () => {
  const session = useBrowserSession();

  it('edits a unit and a ticket prefix the kiosk then follows, every change audited', async () => {
    const context = await session.browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const admin = await context.newPage();
    await admin.goto(`${session.server.baseUrl}/quan-tri`);
    await admin.fill('[data-testid="login-username"]', 'admin');
    await admin.fill('[data-testid="login-password"]', DEMO_PASSWORD);
    await admin.click('[data-testid="login-submit"]');
    await admin.click('[data-testid="admin-link-units"]');
    expect(await admin.getAttribute('[data-testid="units-restructure-link"]', 'href')).toBe('/quan-tri/sap-xep');

    await admin.click(`[data-testid="unit-edit-${POINT}"]`);
    await admin.fill('[data-testid="unit-agencyIdentifier"]', '417.25.3.H74');
    await admin.fill('[data-testid="unit-phone"]', '0274 3822 111');
    await admin.click('[data-testid="unit-save"]');
    await expect.poll(() => admin.textContent('[data-testid="unit-error"]')).toContain('QCVN 102');
    await admin.fill('[data-testid="unit-agencyIdentifier"]', '417.25.03.H74');
    await admin.fill('[data-testid="unit-hours"]', '07:30-11:30, 13:00-12:00');
    await admin.click('[data-testid="unit-save"]');
    await expect.poll(() => admin.textContent('[data-testid="unit-error"]')).toContain('workingPeriods[1].end');
    await admin.fill('[data-testid="unit-hours"]', '07:30-11:30, 13:00-17:00');
    await admin.check('[data-testid="unit-saturday"]');
    await admin.fill('[data-testid="unit-saturdayHours"]', '07:30-11:30');
    await admin.click('[data-testid="unit-save"]');
    await expect.poll(() => admin.textContent('[data-testid="units-notice"]')).toContain('Đã lưu');
    await expect.poll(() => admin.textContent(`[data-testid="unit-${POINT}"]`)).toContain('417.25.03.H74');
    await expect.poll(() => admin.textContent(`[data-testid="unit-${POINT}"]`)).toContain('tiếp nhận thứ Bảy');

    // The queue page of the same unit: give the civil-status group its own prefix.
    await admin.goto(`${session.server.baseUrl}/quan-tri/hang-doi?unit=${POINT}`);
    await admin.locator('[data-testid="group-HT-prefix"]').waitFor({ timeout: 10_000 });
    await admin.fill('[data-testid="group-HT-prefix"]', 'B');
    await admin.click('[data-testid="group-HT-save"]');
    await expect.poll(() => admin.textContent('[data-testid="queue-error"]')).toContain('Tiền tố "B" đã dùng');
    await admin.fill('[data-testid="group-HT-prefix"]', 'HT');
    await admin.click('[data-testid="group-HT-save"]');
    await expect.poll(() => admin.textContent('[data-testid="queue-notice"]')).toContain('HT');

    const started = Date.now();
    session.server.ctx.now = () => new Date(OPEN_AT + (Date.now() - started));
    const ticket = await fetch(`${session.server.baseUrl}/api/v1/queue/${POINT}/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceGroup: 'HT', idempotencyKey: 'admin-places-e2e-1' }) });
    expect(ticket.status, await ticket.clone().text()).toBe(201);
    expect((await ticket.json()).number).toBe('HT-001');

    await admin.goto(`${session.server.baseUrl}/quan-tri/nhat-ky`);
    await admin.fill('[data-testid="audit-action"]', 'unit.update');
    await admin.click('[data-testid="audit-filter"]');
    await expect.poll(() => admin.textContent('[data-testid="audit-table"]'), { timeout: 10_000 }).toContain('417.25.03.H74');
    await admin.fill('[data-testid="audit-action"]', 'queue.service_group.update');
    await admin.click('[data-testid="audit-filter"]');
    await expect.poll(() => admin.textContent('[data-testid="audit-table"]'), { timeout: 10_000 }).toContain(`${POINT}/HT`);
    await context.close();
  }, 120_000);
});
