// Staff import in Chromium: the administrator downloads the template, uploads a list with a bad row and
// reads the row's error (nothing created), then the corrected list creates the accounts and shows each
// one's one-time link, which the new officer uses to set a password and sign in.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.ts';
import { csvFile } from '../support/catalog.ts';
import { DEMO_PASSWORD } from '../support/context.ts';

const HEAD = ['Tên đăng nhập', 'Họ và tên', 'Mã đơn vị', 'Vai trò', 'E-mail', 'Số điện thoại'];

describe('staff import in Chromium', () => {
  const session = useBrowserSession();

  it('shows the row errors of a bad list, then creates the accounts of the corrected one with their links', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-staff-'));
    const bad = join(dir, 'can-bo-loi.csv');
    const good = join(dir, 'can-bo.csv');
    await writeFile(bad, csvFile([HEAD, ['dang.van.khoa', 'Đặng Văn Khoa', 'CN724', 'tiếp nhận', '', ''], ['ly.thi.mai', 'Lý Thị Mai', '', 'xử lý', '', '']]));
    await writeFile(good, csvFile([HEAD, ['dang.van.khoa', 'Đặng Văn Khoa', 'CN724', 'tiếp nhận', '', ''], ['ly.thi.mai', 'Lý Thị Mai', 'CN724', 'xử lý', '', '']]));

    const context = await session.browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const admin = await context.newPage();
    await admin.goto(`${session.server.baseUrl}/quan-tri/can-bo`);
    await admin.fill('[data-testid="login-username"]', 'admin');
    await admin.fill('[data-testid="login-password"]', DEMO_PASSWORD);
    await admin.click('[data-testid="login-submit"]');
    await admin.locator('[data-testid="staff-import"]').waitFor({ timeout: 10_000 });

    const [download] = await Promise.all([admin.waitForEvent('download'), admin.click('[data-testid="staff-template-xlsx"]')]);
    expect(download.suggestedFilename()).toBe('mau-nhap-can-bo.xlsx');

    await admin.setInputFiles('[data-testid="staff-import-file"]', bad);
    await admin.click('[data-testid="staff-import-submit"]');
    const rejected = admin.locator('[data-testid="staff-import-rejected"] tbody tr');
    await rejected.first().waitFor({ timeout: 10_000 });
    expect(await rejected.count()).toBe(1);
    expect(await rejected.first().getAttribute('data-row')).toBe('3');
    expect(await rejected.first().textContent()).toContain('phải thuộc một đơn vị');
    expect(await admin.textContent('[data-testid="staff-import-error"]')).toContain('không tài khoản nào được tạo');

    await admin.setInputFiles('[data-testid="staff-import-file"]', good);
    await admin.click('[data-testid="staff-import-submit"]');
    const report = admin.locator('[data-testid="staff-import-report"]');
    await report.waitFor({ timeout: 10_000 });
    expect(await report.getAttribute('data-written')).toBe('true');
    const link = /(https?:\/\/\S+\/dat-lai-mat-khau#\S+)/.exec((await admin.textContent('[data-testid="staff-import-links"] [data-username="ly.thi.mai"]'))!)![1]!;
    await expect.poll(() => admin.locator('[data-testid="staff-row-ly.thi.mai"]').count()).toBe(1);

    const officer = await (await session.browser.newContext({ locale: 'vi-VN' })).newPage();
    await officer.goto(link);
    await officer.fill('[data-testid="reset-password"]', 'mat-khau-cua-mai-1');
    await officer.fill('[data-testid="reset-repeat"]', 'mat-khau-cua-mai-1');
    await officer.click('[data-testid="reset-submit"]');
    await officer.locator('[data-testid="reset-done"]').waitFor({ timeout: 10_000 });
    const login = await fetch(`${session.server.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ly.thi.mai', password: 'mat-khau-cua-mai-1' }) });
    expect(login.status).toBe(200);
    await officer.context().close();
    await context.close();
  }, 120_000);
});
