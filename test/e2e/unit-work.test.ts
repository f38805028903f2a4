// The leader's view in Chromium: a dossier for a resident of Xã An Linh, filed and handed over at Chi
// nhánh Dĩ An (API), waits for assignment on the commune leader's "Công việc của đơn vị" page; the
// leader assigns it to the officer there, the officer's count goes up, the dossier page shows the
// current workflow step, and the leader confirms receipt of the paper file.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../support/web-server.ts';
import { useBrowserSession } from '../support/browser-session.ts';
import { DEMO_PASSWORD } from '../support/context.ts';

const AN_LINH = '25861';
const AGENCY = `UBX${AN_LINH}`;

describe("the leader's view of the unit's work in Chromium", () => {
  const session = useBrowserSession();
  let server: RunningServer;
  let browser: Browser;
  let code: string;

  async function apiToken(username: string): Promise<string> {
    const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    return (await res.json()).token as string;
  }
  const apiPost = (token: string, path: string, body: unknown) => fetch(`${server.baseUrl}/api/v1${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body),
  });

  beforeAll(async () => {
    ({ server, browser } = session);
    const token = await apiToken('tn.CN724');
    const list = await (await fetch(`${server.baseUrl}/api/v1/procedures?level=commune&locationFree=true&q=khai%20sinh&limit=50`)).json();
    const procedure = list.items.find((p: { processingDays: number | null }) => p.processingDays !== null && p.processingDays >= 3);
    const filed = await apiPost(token, '/dossiers', {
      procedureCode: procedure.code,
      applicant: { kind: 'citizen', fullName: 'Trần Thị Lan', idNumber: '074190004321', phone: '0901234567', address: { communeCode: AN_LINH } },
      idempotencyKey: 'e2e-unit-work-intake-1',
    });
    expect(filed.status).toBe(201);
    code = (await filed.json()).code;
    expect((await apiPost(token, `/dossiers/${code}/actions`, { type: 'transfer', idempotencyKey: 'e2e-unit-work-transfer-1' })).status).toBe(200);
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

  it('assigns a waiting dossier from the unit view and shows the counts, the step and the paper file', async () => {
    const page = await signedIn(`ld.${AGENCY}`, '/xu-ly');
    await page.click('[data-testid="unit-work-link"]');
    await page.locator('[data-testid="unit-work"] [data-testid="officers"]').waitFor({ timeout: 10_000 });
    expect(await page.textContent('h1')).toContain('Công việc của đơn vị');
    const officer = page.locator(`[data-testid="officer"][data-username="cv.${AGENCY}"] [data-testid="officer-open"]`);
    const before = Number(await officer.textContent());
    const unassignedBefore = Number(await page.getAttribute('[data-testid="total-unassigned"]', 'data-value'));
    expect(unassignedBefore).toBeGreaterThanOrEqual(1);

    const waiting = page.locator(`[data-testid="awaiting"][data-code="${code}"]`);
    await waiting.locator('[data-testid="assign-select"]').selectOption(`cv.${AGENCY}`);
    await waiting.locator('[data-testid="assign-button"]').click();
    await page.locator('[data-testid="unit-work-notice"]').waitFor({ timeout: 10_000 });
    await expect.poll(async () => Number(await officer.textContent()), { timeout: 10_000 }).toBe(before + 1);
    expect(await page.locator(`[data-testid="awaiting"][data-code="${code}"]`).count()).toBe(0);
    expect(Number(await page.getAttribute('[data-testid="total-unassigned"]', 'data-value'))).toBe(unassignedBefore - 1);
    const row = page.locator(`[data-testid="unit-item"][data-code="${code}"]`);
    expect(await row.textContent()).toContain(`cv.${AGENCY}`);
    expect(await row.textContent()).toContain('Thẩm định, xử lý hồ sơ');

    await row.locator('a').first().click();
    await page.locator('[data-testid="workflow-steps"]').waitFor({ timeout: 10_000 });
    expect(await page.getAttribute('[data-testid="workflow-steps"]', 'data-current')).toBe('process');
    const paper = page.locator('[data-testid="paper-transfer"]').first();
    expect(await paper.getAttribute('data-watch')).toBe('in_transit');
    await paper.locator('[data-testid="paper-confirm"]').click();
    await expect.poll(() => page.locator('[data-testid="paper-transfer"]').first().getAttribute('data-watch'), { timeout: 10_000 }).toBe('delivered');
    expect(await page.textContent('[data-testid="dossier-timeline"]')).toContain('Xác nhận đã nhận hồ sơ giấy');

    // The officer's inbox filtered on their own dossiers at that step.
    const officerPage = await signedIn(`cv.${AGENCY}`, '/xu-ly?can-bo=me&buoc=process');
    await officerPage.locator(`[data-testid="inbox-item"][data-code="${code}"]`).waitFor({ timeout: 10_000 });
    await officerPage.context().close();
    await page.context().close();
  });
});
