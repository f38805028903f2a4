// A location-free dossier through the web app: filed at Chi nhánh Dĩ An (API) for a resident of Xã An Linh,
// processed by the commune's leader and officer on the desk pages (assign, supplement, approve, result),
// returned at the commune's counter, then followed by the citizen on the public lookup page. An officer
// of another commune opening the dossier's address is refused.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../support/web-server.ts';
import { useBrowserSession } from '../support/browser-session.ts';
import { DEMO_PASSWORD } from '../support/context.ts';

const AN_LINH = '25861';
const PHONE = '0912345678';
const SHOTS = process.env.MOTCUA_SCREENSHOTS; // a folder: save screenshots at 1280 and 390 px there

describe('dossier flow in Chromium', () => {
  const session = useBrowserSession();
  let server: RunningServer;
  let browser: Browser;
  let code: string;

  beforeAll(async () => {
    ({ server, browser } = session);
    const token = await apiToken('tn.CN724');
    const list = await (await fetch(`${server.baseUrl}/api/v1/procedures?level=commune&locationFree=true&q=khai%20sinh&limit=50`)).json();
    const procedure = list.items.find((p: { processingDays: number | null }) => p.processingDays !== null && p.processingDays >= 3);
    expect(procedure).toBeDefined();
    const filed = await apiPost(token, '/dossiers', {
      procedureCode: procedure.code,
      applicant: { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '074090001234', phone: PHONE, address: { communeCode: AN_LINH } },
      returnUnitCode: `DTN${AN_LINH}`,
      idempotencyKey: 'e2e-intake-0001',
    });
    expect(filed.status).toBe(201);
    code = (await filed.json()).code;
    const transferred = await apiPost(token, `/dossiers/${code}/actions`, { type: 'transfer', idempotencyKey: 'e2e-transfer-0001' });
    expect(transferred.status).toBe(200);
  });

  async function apiToken(username: string): Promise<string> {
    const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    return (await res.json()).token as string;
  }

  function apiPost(token: string, path: string, body: unknown): Promise<Response> {
    return fetch(`${server.baseUrl}/api/v1${path}`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body),
    });
  }

  /** A fresh browser context (own cookie) signed in as `username` on `path`. */
  async function signedIn(username: string, path: string, width = 1280): Promise<Page> {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.baseUrl + path);
    await page.fill('[data-testid="login-username"]', username);
    await page.fill('[data-testid="login-password"]', DEMO_PASSWORD);
    await page.click('[data-testid="login-submit"]');
    await page.locator('[data-testid="current-user"]').waitFor({ timeout: 10_000 });
    return page;
  }

  async function shoot(page: Page, name: string): Promise<void> {
    if (!SHOTS) return;
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  async function act(page: Page, type: string, status: string, fill?: () => Promise<void>): Promise<void> {
    await page.click(`[data-testid="action-${type}"]`);
    await fill?.();
    await page.click('[data-testid="action-submit"]');
    await expect.poll(() => page.getAttribute('[data-testid="dossier-status"]', 'data-status'), { timeout: 10_000 }).toBe(status);
    await page.locator('[data-testid="action-done"]').waitFor();
  }

  const dossierUrl = () => `/xu-ly/${encodeURIComponent(code)}`;

  it('the commune leader finds the dossier in the inbox, opens it and assigns an officer', async () => {
    const page = await signedIn(`ld.UBX${AN_LINH}`, '/xu-ly');
    const item = page.locator(`[data-testid="inbox-item"][data-code="${code}"]`);
    await item.waitFor({ timeout: 10_000 });
    expect(await item.textContent()).toContain('074******234'); // masked ID number
    await shoot(page, 'inbox');
    await item.locator('a').click();
    await page.locator('[data-testid="dossier-page"] [data-testid="dossier-status"]').waitFor();
    expect(await page.textContent('[data-testid="dossier-status"]')).toBe('Đã chuyển cơ quan giải quyết');
    expect(await page.textContent('[data-testid="dossier-clock"]')).toMatch(/Còn|Quá/);
    expect(await page.getAttribute('[data-testid="unit-competent"]', 'data-code')).toBe(`UBX${AN_LINH}`);
    expect(await page.textContent('[data-testid="unit-competent"]')).toBe('Ủy ban nhân dân xã An Linh');
    // Only the allowed actions are offered.
    expect(await page.locator('[data-testid="action-record_result"]').count()).toBe(0);
    expect(await page.locator('[data-testid="action-return_result"]').count()).toBe(0);
    await shoot(page, 'dossier-transferred');
    await act(page, 'assign', 'processing', () => page.fill('[data-testid="action-assignee"]', `cv.UBX${AN_LINH}`));
    await page.context().close();
  });

  it('the officer is refused a supplement request without a reason, then sends one', async () => {
    const page = await signedIn(`cv.UBX${AN_LINH}`, dossierUrl());
    await page.click('[data-testid="action-request_supplement"]');
    await page.locator('[data-testid="action-reason"]').evaluate((el) => el.removeAttribute('required'));
    await page.click('[data-testid="action-submit"]');
    await page.locator('[data-testid="action-error"]').waitFor();
    expect(await page.textContent('[data-testid="action-error"]')).not.toBe('');
    await page.fill('[data-testid="action-reason"]', 'Thiếu bản sao giấy chứng nhận kết hôn của cha mẹ.');
    await page.click('[data-testid="action-submit"]');
    await expect.poll(() => page.getAttribute('[data-testid="dossier-status"]', 'data-status'), { timeout: 10_000 }).toBe('awaiting_supplement');
    expect(await page.textContent('[data-testid="dossier-timeline"]')).toContain('Thiếu bản sao giấy chứng nhận kết hôn');
    await page.context().close();
  });

  it('the branch receives the supplement, the leader approves, the officer records the result', async () => {
    const reception = await signedIn('tn.CN724', dossierUrl());
    await act(reception, 'receive_supplement', 'processing');
    await reception.context().close();

    const leader = await signedIn(`ld.UBX${AN_LINH}`, dossierUrl());
    await act(leader, 'approve', 'approved');
    await leader.context().close();

    const officer = await signedIn(`cv.UBX${AN_LINH}`, dossierUrl());
    await act(officer, 'record_result', 'result_ready', async () => {
      await officer.fill('[data-testid="action-result-number"]', '123/GKS');
      await officer.fill('[data-testid="action-signer"]', 'Chủ tịch UBND xã An Linh');
      await shoot(officer, 'action-record-result');
    });
    await officer.context().close();
  });

  it('the commune counter returns the result to the citizen', async () => {
    const page = await signedIn(`tn.DTN${AN_LINH}`, dossierUrl());
    await act(page, 'return_result', 'returned', () => page.fill('[data-testid="action-recipient"]', 'Nguyễn Văn An'));
    expect(await page.locator('[data-testid^="action-"][data-testid$="_result"]').count()).toBe(0);
    await shoot(page, 'dossier-returned');
    await page.context().close();
  });

  it('the citizen follows the dossier publicly with its code and phone number', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/tra-cuu?ma=${encodeURIComponent(code)}`);
    expect(await page.inputValue('[data-testid="lookup-code"]')).toBe(code); // the receipt's QR prefills the code
    await page.fill('[data-testid="lookup-phone"]', '0900000000');
    await page.click('[data-testid="lookup-submit"]');
    await page.locator('[data-testid="lookup-error"]').waitFor();
    expect(await page.textContent('[data-testid="lookup-error"]')).toContain('Không tìm thấy hồ sơ');

    await page.fill('[data-testid="lookup-phone"]', PHONE);
    await page.click('[data-testid="lookup-submit"]');
    await page.locator('[data-testid="lookup-result"]').waitFor();
    expect(await page.textContent('[data-testid="lookup-status"]')).toBe('Đã trả kết quả');
    expect(await page.locator('[data-testid="lookup-error"]').count()).toBe(0);
    const steps = page.locator('[data-testid="lookup-steps"] li');
    expect(await steps.count()).toBeGreaterThanOrEqual(6);
    const text = await page.textContent('[data-testid="lookup-result"]');
    expect(text).toContain('N.V.A.');
    expect(text).toContain('Chờ bổ sung hồ sơ');
    expect(text).toMatch(/Hẹn trả kết quả\s*\d{2}:\d{2} (thứ|Chủ nhật)/);
    await shoot(page, 'lookup');
    await context.close();
  });

  it('an officer of another commune opening the dossier address is refused', async () => {
    const page = await signedIn('ld.UBX25741', dossierUrl());
    await page.locator('[data-testid="dossier-denied"]').waitFor({ timeout: 10_000 });
    expect(await page.textContent('[data-testid="dossier-denied"]')).toContain('Không có quyền xem hồ sơ này');
    expect(await page.locator('[data-testid="actions-panel"]').count()).toBe(0);
    await shoot(page, 'denied');
    await page.context().close();
  });
});
