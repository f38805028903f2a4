// The counter in Chromium: a reception officer at Chi nhánh Dĩ An files, through the intake screen, a
// location-free commune-level dossier for a resident of Xã An Linh (Phú Giáo): searched as typed, an
// incomplete checklist leads to the supplement form, the complete one to the receipt with its Mẫu 01
// link (a double click files one dossier). A procedure not location-free is refused with the places it
// can be filed at. The commune's reception point then returns a result_ready dossier, checking the ID.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../support/web-server.ts';
import { useBrowserSession } from '../support/browser-session.ts';
import { DEMO_PASSWORD } from '../support/context.ts';

const AN_LINH = '25861';
const SHOTS = process.env.MOTCUA_SCREENSHOTS;

interface Summary { code: string; name: string; processingDays: number | null; processingHours: number | null }

describe('the counter in Chromium', () => {
  const session = useBrowserSession();
  let server: RunningServer;
  let browser: Browser;
  let procedure: Summary;
  let ownArea: Summary;

  beforeAll(async () => {
    ({ server, browser } = session);
    const usable = (p: Summary) => p.processingDays !== null && p.processingDays >= 1;
    const free = await (await fetch(`${server.baseUrl}/api/v1/procedures?level=commune&locationFree=true&q=khai%20sinh&limit=50`)).json();
    procedure = free.items.find(usable);
    expect(procedure, 'a location-free commune procedure with a usable time limit today').toBeDefined();
    for (const level of ['commune', 'district', 'province']) {
      for (let offset = 0; !ownArea && offset < 2000; offset += 200) {
        const own = await (await fetch(`${server.baseUrl}/api/v1/procedures?level=${level}&locationFree=false&limit=200&offset=${offset}`)).json();
        if (own.items.length === 0) break;
        ownArea = own.items.find(usable);
      }
    }
    expect(ownArea, 'a procedure that is not location-free today').toBeDefined();
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

  async function shoot(page: Page, name: string): Promise<void> {
    if (!SHOTS) return;
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  async function chooseProcedure(page: Page, p: Summary): Promise<void> {
    await page.locator('[data-testid="counter-procedure"]').pressSequentially(p.name.slice(0, 40), { delay: 5 });
    const option = page.locator(`[data-testid="counter-procedure-option"][data-value="${p.code}"]`);
    if ((await option.count()) === 0) {
      await page.fill('[data-testid="counter-procedure"]', p.code);
    }
    await option.waitFor({ timeout: 10_000 });
    await option.click();
    await page.locator(`[data-testid="counter-chosen-procedure"][data-code="${p.code}"]`).waitFor();
  }

  async function fillApplicant(page: Page, name: string, idNumber: string): Promise<void> {
    await page.fill('[data-testid="counter-full-name"]', name);
    await page.fill('[data-testid="counter-id-number"]', idNumber);
    await page.fill('[data-testid="counter-phone"]', '0912 345 678');
    await page.locator('[data-testid="counter-commune"]').pressSequentially('an linh', { delay: 5 });
    await page.locator(`[data-testid="counter-commune-option"][data-value="${AN_LINH}"]`).waitFor();
    await page.keyboard.press('Enter'); // the first suggestion, from the keyboard
    expect(await page.inputValue('[data-testid="counter-commune"]')).toBe('Xã An Linh — Huyện Phú Giáo');
  }

  it('files a location-free dossier for a resident of another district and shows the receipt', async () => {
    const page = await signedIn('tn.CN724', '/quay/tiep-nhan?ticket=A-012');
    expect(await page.textContent('[data-testid="counter-ticket"]')).toContain('A-012');
    await chooseProcedure(page, procedure);
    await fillApplicant(page, 'Nguyễn Văn An', '074090001234');
    await page.locator('[data-testid="counter-checklist"]').waitFor();
    const required = page.locator('[data-testid="counter-document"][data-required="true"]');
    const requiredCount = await required.count();
    expect(requiredCount).toBeGreaterThan(0);

    // Nothing ticked: the counter offers the supplement form (Mẫu 02) instead of a receipt.
    await page.click('[data-testid="counter-supplement"]');
    await page.locator('[data-testid="counter-supplement-notice"]').waitFor();
    expect(await page.locator('[data-testid="counter-supplement-missing"] li').count()).toBe(requiredCount);
    await shoot(page, 'counter-supplement');
    await page.click('[data-testid="counter-supplement-back"]');

    for (let i = 0; i < requiredCount; i++) await required.nth(i).locator('[data-testid="counter-document-received"]').check();
    expect(await page.textContent('[data-testid="counter-missing-count"]')).toContain('Đã nhận đủ');
    await page.selectOption('[data-testid="counter-return-choice"]', 'commune');
    await shoot(page, 'counter-intake');
    await page.dblclick('[data-testid="counter-submit"]');
    const receipt = page.locator('[data-testid="counter-receipt"]');
    await receipt.waitFor({ timeout: 15_000 });
    const code = await receipt.getAttribute('data-code');
    expect(code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H74-\d{6}-\d{4}$/);
    expect(await page.getAttribute('[data-testid="counter-receipt-competent"]', 'data-code')).toBe(`UBX${AN_LINH}`);
    expect(await page.textContent('[data-testid="counter-receipt-competent"]')).toBe('Ủy ban nhân dân xã An Linh');
    expect(await page.getAttribute('[data-testid="counter-receipt-return"]', 'data-code')).toBe(`DTN${AN_LINH}`);
    expect(await page.getAttribute('[data-testid="counter-print-receipt"]', 'href')).toBe(`/api/v1/dossiers/${encodeURIComponent(code!)}/forms/mau-01`);
    expect(await page.textContent('[data-testid="counter-print-receipt"]')).toBe('In giấy tiếp nhận (Mẫu 01)');
    await shoot(page, 'counter-receipt');

    // The double click filed one dossier.
    const rows = await server.ctx.db.selectFrom('dossiers').select('code').where('receiving_unit_code', '=', 'CN724').where('applicant_id_number', '=', '074090001234').execute();
    expect(rows.map((r) => r.code)).toEqual([code]);
    await page.context().close();
  });

  it('shows the server’s refusal, naming where a procedure that is not location-free can be filed', async () => {
    const page = await signedIn('tn.CN724', '/quay/tiep-nhan');
    await chooseProcedure(page, ownArea);
    await fillApplicant(page, 'Trần Thị Bình', '074190002345');
    const required = page.locator('[data-testid="counter-document"][data-required="true"] [data-testid="counter-document-received"]');
    for (let i = 0; i < (await required.count()); i++) await required.nth(i).check();
    await page.click('[data-testid="counter-submit"]');
    const error = page.locator('[data-testid="counter-error"]');
    await error.waitFor({ timeout: 10_000 });
    expect(await error.textContent()).toMatch(/không thuộc danh mục tiếp nhận phi địa giới.*chỉ tiếp nhận tại (Trung tâm|Chi nhánh|Điểm tiếp nhận)/);
    expect(await page.locator('[data-testid="counter-receipt"]').count()).toBe(0);
    await page.context().close();
  });

  it('returns a result at the commune’s reception point, checking who collects it', async () => {
    const login = async (username: string) => (await (await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) })).json()).token as string;
    let n = 0;
    const post = async (username: string, path: string, body: Record<string, unknown>) => {
      const res = await fetch(`${server.baseUrl}/api/v1${path}`, { method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await login(username)}` }, body: JSON.stringify({ idempotencyKey: `e2e-return-${++n}`, ...body }) });
      expect(res.status, await res.clone().text()).toBeLessThan(300);
      return res.json();
    };
    const { code } = await post('tn.CN724', '/dossiers', { procedureCode: procedure.code, returnUnitCode: `DTN${AN_LINH}`,
      applicant: { kind: 'citizen', fullName: 'Lê Thị Cúc', idNumber: '074190003456', phone: '0987654321', address: { communeCode: AN_LINH } } });
    await post('tn.CN724', `/dossiers/${code}/actions`, { type: 'transfer' });
    await post(`ld.UBX${AN_LINH}`, `/dossiers/${code}/actions`, { type: 'assign', assignee: `cv.UBX${AN_LINH}` });
    await post(`ld.UBX${AN_LINH}`, `/dossiers/${code}/actions`, { type: 'approve' });
    await post(`cv.UBX${AN_LINH}`, `/dossiers/${code}/actions`, { type: 'record_result', resultNumber: '9/GKS', signer: 'Chủ tịch UBND xã', signedAt: new Date().toISOString() });

    const page = await signedIn(`tn.DTN${AN_LINH}`, '/quay/tra-ket-qua');
    await page.fill('[data-testid="return-search"]', '0987 654 321');
    const item = page.locator(`[data-testid="return-item"][data-code="${code}"]`);
    await item.waitFor({ timeout: 10_000 });
    await item.locator('[data-testid="return-choose"]').click();
    expect(await page.inputValue('[data-testid="return-recipient-name"]')).toBe('Lê Thị Cúc');
    await page.fill('[data-testid="return-recipient-id"]', '074190009999');
    await page.click('[data-testid="return-submit"]');
    await page.locator('[data-testid="return-error"]').waitFor();
    expect(await page.textContent('[data-testid="return-error"]')).toContain('không khớp');
    await page.fill('[data-testid="return-recipient-id"]', '074 190 003 456');
    await shoot(page, 'counter-return');
    await page.click('[data-testid="return-submit"]');
    await page.locator('[data-testid="return-done"]').waitFor({ timeout: 10_000 });
    await expect.poll(() => item.count()).toBe(0);
    const view = await (await fetch(`${server.baseUrl}/api/v1/dossiers/${code}`, { headers: { authorization: `Bearer ${await login(`tn.DTN${AN_LINH}`)}` } })).json();
    expect(view.status).toBe('returned');
    await page.context().close();
  });
});
