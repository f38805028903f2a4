// The dossier page's attachments and forms in Chromium: an officer uploads a scan (and is told, in
// Vietnamese, why a text file is refused), sees it listed and opens it; the page offers only the forms
// that apply, and each link opens a real PDF. A later dossier of the same applicant offers that scan for
// reuse, and one click attaches it without a new upload.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createRequire } from 'node:module';
import type { RunningServer } from '../support/web-server.ts';
import { useBrowserSession } from '../support/browser-session.ts';
import { DEMO_PASSWORD } from '../support/context.ts';
import { pdfFile } from '../support/files.ts';

const AN_LINH = '25861';
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

describe('dossier attachments and forms in Chromium', () => {
  const session = useBrowserSession();
  let server: RunningServer;
  let browser: Browser;
  let code: string;
  let token: string;

  const fileFor = async (key: string) => {
    const list = await (await fetch(`${server.baseUrl}/api/v1/procedures?level=commune&locationFree=true&q=khai%20sinh&limit=50`)).json();
    const procedure = list.items.find((p: { processingDays: number | null }) => p.processingDays !== null && p.processingDays >= 3);
    const filed = await fetch(`${server.baseUrl}/api/v1/dossiers`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        procedureCode: procedure.code, idempotencyKey: key, returnUnitCode: `DTN${AN_LINH}`,
        applicant: { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '074090001234', phone: '0912345678', address: { communeCode: AN_LINH } },
      }),
    });
    expect(filed.status).toBe(201);
    return (await filed.json()).code as string;
  };

  beforeAll(async () => {
    ({ server, browser } = session);
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tn.CN724', password: DEMO_PASSWORD }),
    });
    token = (await login.json()).token;
    code = await fileFor('e2e-files-intake-1');
  });

  async function signedIn(username: string, path: string): Promise<Page> {
    // bypassCSP: the page's CSP allows only its own scripts, and the accessibility checker is injected.
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(server.baseUrl + path);
    await page.fill('[data-testid="login-username"]', username);
    await page.fill('[data-testid="login-password"]', DEMO_PASSWORD);
    await page.click('[data-testid="login-submit"]');
    await page.locator('[data-testid="current-user"]').waitFor({ timeout: 10_000 });
    return page;
  }

  it('uploads a scan, refuses a text file with a Vietnamese reason, and links the forms that apply', async () => {
    const page = await signedIn('tn.CN724', `/xu-ly/${encodeURIComponent(code)}`);
    await page.locator('[data-testid="attachments-empty"]').waitFor({ timeout: 10_000 });

    // Only the receipt and the control sheet apply to a dossier just received.
    const links = page.locator('[data-testid^="form-link-"]');
    expect(await links.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')))).toEqual(['form-link-mau-01', 'form-link-mau-05']);
    const href = await page.getAttribute('[data-testid="form-link-mau-01"]', 'href');
    const receipt = await page.request.get(server.baseUrl + href!);
    expect(receipt.status()).toBe(200);
    expect(receipt.headers()['content-type']).toBe('application/pdf');
    expect((await receipt.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await page.setInputFiles('[data-testid="upload-file"]', { name: 'ghi-chu.pdf', mimeType: 'application/pdf', buffer: Buffer.from('chỉ là văn bản, không phải PDF') });
    await page.click('[data-testid="upload-submit"]');
    const refusal = page.locator('[data-testid="upload-error"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Chỉ nhận tệp PDF, JPEG hoặc PNG');

    await page.setInputFiles('[data-testid="upload-file"]', { name: 'Tờ khai.pdf', mimeType: 'application/pdf', buffer: await pdfFile('Tờ khai') });
    await page.fill('[data-testid="upload-document"]', 'Tờ khai đăng ký khai sinh');
    await page.click('[data-testid="upload-submit"]');
    await page.locator('[data-testid="upload-done"]').waitFor();
    const item = page.locator('[data-testid="attachment-item"]');
    await item.first().waitFor();
    expect(await item.count()).toBe(1);
    expect(await item.first().textContent()).toContain('Tờ khai.pdf');
    expect(await item.first().textContent()).toContain('Tờ khai đăng ký khai sinh');
    const fileHref = await item.first().locator('a').getAttribute('href');
    const download = await page.request.get(server.baseUrl + fileHref!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');

    await page.addScriptTag({ path: AXE_SCRIPT });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: unknown) => Promise<{ violations: Array<{ id: string }> }> } }).axe;
      const result = await axe.run({ include: [['[data-testid="attachments-panel"]'], ['[data-testid="dossier-forms"]']] });
      return result.violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
  });

  it('offers the applicant\'s scan from the earlier dossier on a new one, and reuses it in one click', async () => {
    const later = await fileFor('e2e-files-intake-2');
    const page = await signedIn('tn.CN724', `/xu-ly/${encodeURIComponent(later)}`);
    const offered = page.locator('[data-testid="reusable-item"]');
    await offered.first().waitFor({ timeout: 10_000 });
    expect(await offered.count()).toBe(1);
    expect(await offered.first().textContent()).toContain('Tờ khai đăng ký khai sinh');
    expect(await offered.first().textContent()).toContain(code);
    await page.click('[data-testid="reusable-use"]');
    await page.locator('[data-testid="reusable-done"]').waitFor();
    const item = page.locator('[data-testid="attachment-item"]');
    expect(await item.count()).toBe(1);
    expect(await item.first().locator('[data-testid="attachment-reused"]').textContent()).toContain(code);
    const download = await page.request.get(server.baseUrl + (await item.first().locator('a').getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
  });
});
