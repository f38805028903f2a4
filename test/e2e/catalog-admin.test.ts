// Catalog administration in Chromium: the administrator uploads a small CSV and watches the bar go
// through the upload and the server's phases to 100%, then reads the rejected rows; importing the valid
// rows creates the procedure, whose versions page then records a publication decision for it.
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from '../support/browser-session.ts';
import { csvFile } from '../support/catalog.ts';
import { DEMO_PASSWORD } from '../support/context.ts';

const HEAD = ['Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Cấp thực hiện', 'time_direct', 'Phí, lệ phí', 'Thành phần hồ sơ'];

describe('catalog administration in Chromium', () => {
  const session = useBrowserSession();

  async function signedIn(path: string): Promise<Page> {
    const context = await session.browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(session.server.baseUrl + path);
    await page.fill('[data-testid="login-username"]', 'admin');
    await page.fill('[data-testid="login-password"]', DEMO_PASSWORD);
    await page.click('[data-testid="login-submit"]');
    await page.locator('[data-testid="current-user"]').waitFor({ timeout: 10_000 });
    return page;
  }

  it('uploads a CSV, shows the progress and the rejected rows, then imports the valid rows and publishes one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-upload-'));
    const path = join(dir, 'bo-sung.csv');
    await writeFile(path, csvFile([
      HEAD,
      ['T.777001', 'Xác nhận thử nghiệm tại quầy', 'Hộ tịch', 'Cấp xã', '3 ngày làm việc', 'Miễn phí', 'Tờ khai | 1'],
      ['T.777002', 'Thủ tục sai cấp', 'Hộ tịch', 'Cấp thôn', '3 ngày làm việc', 'Miễn phí', ''],
      ['T.777001', 'Trùng mã', 'Hộ tịch', 'Cấp xã', '3 ngày làm việc', 'Miễn phí', ''],
    ]));
    const page = await signedIn('/quan-tri');
    await page.click('[data-testid="admin-link-catalogImport"]');
    await page.setInputFiles('[data-testid="import-file"]', path);
    await page.click('[data-testid="import-submit"]');
    const report = page.locator('[data-testid="import-report"]');
    await report.waitFor({ timeout: 20_000 });
    const progress = page.locator('[data-testid="import-progress"]');
    expect(await progress.getAttribute('data-stage')).toBe('done');
    expect(await page.getAttribute('[data-testid="import-progress-bar"]', 'value')).toBe('100');
    expect((await progress.getAttribute('data-phases'))?.split(' ')).toEqual(expect.arrayContaining(['upload', 'read', 'check', 'done']));
    expect(await report.getAttribute('data-written')).toBe('false');
    const rejected = page.locator('[data-testid="import-rejected-row"]');
    expect(await rejected.count()).toBe(2);
    expect(await rejected.nth(0).getAttribute('data-row')).toBe('3');
    expect(await rejected.nth(1).textContent()).toContain('trùng');
    expect(await page.textContent('[data-testid="import-written"]')).toContain('Chưa ghi gì');

    await page.check('[data-testid="import-partial"]');
    await page.click('[data-testid="import-submit"]');
    await expect.poll(() => report.getAttribute('data-written'), { timeout: 20_000 }).toBe('true');
    expect(await page.textContent('[data-testid="import-created"]')).toBe('1');
    expect((await progress.getAttribute('data-phases'))?.split(' ')).toEqual(expect.arrayContaining(['write', 'index']));

    await page.goto(`${session.server.baseUrl}/quan-tri/phien-ban-thu-tuc?ma=T.777001`);
    await page.locator('[data-testid="versions"][data-code="T.777001"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="version"]').count()).toBe(1);
    await page.fill('[data-testid="decision-code"]', '99/QĐ-UBND');
    await page.fill('[data-testid="decision-title"]', 'Bổ sung thủ tục tiếp nhận phi địa giới');
    await page.fill('[data-testid="decision-effective"]', '2025-08-01');
    expect(await page.inputValue('[data-testid="decision-procedures"]')).toBe('T.777001');
    await page.click('[data-testid="decision-submit"]');
    await page.locator('[data-testid="decision-saved"]').waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="procedure-publications"] li[data-code="99/QĐ-UBND"][data-op="add"]').waitFor();
    expect(await page.textContent('[data-testid="location-free-spans"]')).toContain('01/08/2025');
    await page.click('[data-testid="decision-submit"]'); // the same decision again: refused, nothing changes
    await page.locator('[data-testid="decision-error"]').waitFor();
    expect(await page.textContent('[data-testid="decision-error"]')).toContain('đã được ghi nhận');
    await page.context().close();
  });
});
