// The queue in Chromium: a citizen takes a ticket at the kiosk (a double touch gives one ticket, with a
// QR code to follow it), the officer calls it from the counter console, and the TV display shows it live
// with its counter and the Vietnamese announcement; the ticket's own page says where to go.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from '../support/browser-session.ts';
import { DEMO_PASSWORD } from '../support/context.ts';

const POINT = 'DTN25861';
// The kiosk refuses tickets outside working hours: run the server on a Thursday morning.
const OPEN_AT = Date.parse('2024-12-05T09:00:00+07:00');

describe('queue flow in Chromium', () => {
  const session = useBrowserSession();

  /** From now on the server lives on a Thursday morning (sign in before: the browser keeps real time for cookies). */
  function openUnit(): void {
    const started = Date.now();
    session.server.ctx.now = () => new Date(OPEN_AT + (Date.now() - started));
  }

  async function newPage(path: string, width = 1280): Promise<Page> {
    const context = await session.browser.newContext({ locale: 'vi-VN', viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(session.server.baseUrl + path);
    return page;
  }

  it('takes a ticket at the kiosk, calls it at a counter and shows it live on the display', async () => {
    const counter = await newPage(`/hang-doi/${POINT}/quay/3`);
    await counter.fill('[data-testid="login-username"]', `tn.${POINT}`);
    await counter.fill('[data-testid="login-password"]', DEMO_PASSWORD);
    await counter.click('[data-testid="login-submit"]');
    await counter.locator('[data-testid="call-next"]').waitFor({ timeout: 10_000 });
    openUnit();

    const display = await newPage(`/hang-doi/${POINT}/man-hinh`, 1920);
    await expect.poll(() => display.getAttribute('[data-testid="display"]', 'data-live'), { timeout: 10_000 }).toBe('true');
    expect(await display.textContent('h1')).toBe('Điểm tiếp nhận Xã An Linh');

    const kiosk = await newPage(`/hang-doi/${POINT}/lay-so`, 1080);
    await kiosk.locator('[data-testid="kiosk-group-HT"]').waitFor();
    await kiosk.check('[data-testid="kiosk-priority-elderly"]');
    await kiosk.locator('[data-testid="kiosk-group-HT"]').dblclick(); // a double touch
    await kiosk.locator('[data-testid="kiosk-ticket"]').waitFor();
    expect(await kiosk.textContent('[data-testid="ticket-number"]')).toBe('A-001');
    expect(await kiosk.textContent('[data-testid="kiosk-ticket"]')).toContain('Người cao tuổi');
    const qr = kiosk.locator('[data-testid="ticket-qr"]');
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const statusPath = (await qr.getAttribute('data-href'))!;
    // One ticket only, despite the double touch.
    const services = await (await fetch(`${session.server.baseUrl}/api/v1/queue/${POINT}/load`)).json();
    expect(services.groups.find((g: { code: string }) => g.code === 'HT').waiting).toBe(1);

    const phone = await newPage(statusPath, 390);
    await phone.locator('[data-testid="ticket-status"][data-status="waiting"]').waitFor();

    await counter.click('[data-testid="call-next"]');
    await counter.locator('[data-testid="counter-current"][data-number="A-001"]').waitFor({ timeout: 10_000 });

    await expect.poll(() => display.textContent('[data-testid="display-latest"]'), { timeout: 10_000 }).toContain('A-001');
    expect(await display.textContent('[data-testid="display-latest"]')).toContain('Quầy 3');
    expect(await display.textContent('[data-testid="display-spoken"]')).toBe('Mời số A-001 đến Quầy 3');
    await phone.locator('[data-testid="ticket-status"][data-status="called"]').waitFor({ timeout: 10_000 });
    expect(await phone.textContent('[data-testid="ticket-status"]')).toContain('Mời bạn đến Quầy 3');

    // Nobody else waits: the console says so; finishing closes the ticket.
    await counter.click('[data-testid="action-finish"]');
    await expect.poll(() => counter.locator('[data-testid="counter-current"]').count(), { timeout: 10_000 }).toBe(0);
    await counter.click('[data-testid="call-next"]');
    await counter.locator('[data-testid="counter-notice"]').waitFor();
    await phone.locator('[data-testid="ticket-status"][data-status="finished"]').waitFor({ timeout: 10_000 });
    for (const page of [display, kiosk, phone, counter]) await page.context().close();
  });

  it('tells a citizen where to go now: their own commune\'s point first when nobody waits there', async () => {
    const page = await newPage('/hang-doi/di-dau', 390);
    await page.locator('[data-testid="where-commune"] option[value="25861"]').waitFor({ state: 'attached' });
    await page.selectOption('[data-testid="where-group"]', 'HT');
    await page.selectOption('[data-testid="where-commune"]', '25861');
    await page.click('button[type="submit"]');
    const first = page.locator('[data-testid="where-results"] li').first();
    await first.waitFor();
    expect(await first.textContent()).toContain('Điểm tiếp nhận Xã An Linh');
    expect(await first.textContent()).toContain('Ngay xã, phường của bạn');
    await page.context().close();
  });
});
