// The procedure catalog in Chromium: a citizen searches as they type (with or without accents), reads a
// procedure's documents, narrows or widens with the location-free filter, pages, and does all of it on a phone.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../support/web-server.ts';
import { useBrowserSession } from '../support/browser-session.ts';

const ITEM = '[data-testid="catalog-item"]';

const firstName = (page: Page) => page.locator(`${ITEM} h3`).first().textContent();
const total = async (page: Page) => Number(await page.getAttribute('[data-testid="catalog-total"]', 'data-total'));

async function search(page: Page, text: string): Promise<void> {
  await page.fill('[data-testid="catalog-search"]', text);
  await expect.poll(() => new URL(page.url()).searchParams.get('q') ?? '').toBe(text);
  await page.locator('[data-testid="catalog-results"]:not([aria-busy])').waitFor();
}

describe('procedure catalog in Chromium', () => {
  const session = useBrowserSession();
  let server: RunningServer;
  let page: Page;
  beforeAll(() => ({ server, page } = session));

  it('lists a birth registration first when typing "khai sinh", and keeps the search in the address', async () => {
    await page.goto(server.baseUrl + '/thu-tuc');
    await page.locator(ITEM).first().waitFor();
    expect(await page.isChecked('[data-testid="catalog-filter-locationfree"]')).toBe(true); // default on
    await search(page, 'khai sinh');
    await expect.poll(() => firstName(page)).toMatch(/đăng ký khai sinh/i);
    expect(await page.textContent('[data-testid="catalog-total"]')).toMatch(/Tìm thấy \d+ thủ tục/);
    const first = page.locator(ITEM).first();
    expect(await first.getAttribute('data-code')).toMatch(/^\d\.\d+/);
    expect(await first.textContent()).toContain('Phi địa giới');
    await page.reload(); // the address alone restores the search
    await expect.poll(() => page.inputValue('[data-testid="catalog-search"]')).toBe('khai sinh');
    await expect.poll(() => firstName(page)).toMatch(/đăng ký khai sinh/i);
  });

  it('finds "Cấp giấy phép xây dựng…" typed without accents, and says when it corrected a typo', async () => {
    await search(page, 'cap giay phep xay dung');
    await expect.poll(() => firstName(page)).toMatch(/^Cấp giấy phép xây dựng/i);
    expect(await page.locator('[data-testid="catalog-corrected"]').count()).toBe(0);

    await search(page, 'khai sinhh');
    const hint = page.locator('[data-testid="catalog-corrected"]');
    await hint.waitFor();
    expect(await hint.textContent()).toContain('Đã tìm theo: khai sinh');
  });

  it('opens a result: where to file, the documents table, time and fee per channel, a link to file', async () => {
    await search(page, 'khai sinh');
    await expect.poll(() => firstName(page)).toMatch(/đăng ký khai sinh/i);
    const code = await page.locator(ITEM).first().getAttribute('data-code');
    await page.locator(`${ITEM} h3 a`).first().click();
    await page.locator('[data-testid="procedure-page"]').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/thu-tuc/${code}`);
    expect(await page.textContent('[data-testid="procedure-name"]')).toMatch(/đăng ký khai sinh/i);
    expect(await page.textContent('[data-testid="procedure-where"]')).toContain(
      'Nộp tại bất kỳ Trung tâm, Chi nhánh, Điểm tiếp nhận nào trong tỉnh',
    );
    const documents = page.locator('[data-testid="procedure-documents"]');
    expect(await documents.evaluate((el) => el.tagName)).toBe('TABLE');
    expect(await documents.locator('thead').textContent()).toContain('Bản chính');
    expect(await documents.locator('tbody tr').count()).toBeGreaterThan(0);
    const channels = await page.textContent('[data-testid="procedure-channels"]');
    for (const label of ['Trực tiếp', 'Trực tuyến', 'Bưu chính', 'Miễn phí']) expect(channels).toContain(label);
    expect(await page.getAttribute('[data-testid="procedure-submit"]', 'href')).toBe(`/nop-ho-so?thu-tuc=${code}`);

    await page.goBack(); // back to the same search
    await expect.poll(() => page.inputValue('[data-testid="catalog-search"]')).toBe('khai sinh');
  });

  it('opens a procedure from its address, and tells an unknown code honestly', async () => {
    await page.goto(server.baseUrl + '/thu-tuc/1.001193');
    await page.locator('[data-testid="procedure-documents"]').waitFor();
    await page.goto(server.baseUrl + '/thu-tuc/9.999999/');
    await page.locator('[data-testid="procedure-not-found"]').waitFor();
  });

  it('widens the list when the location-free filter is turned off, and pages through it', async () => {
    await page.goto(server.baseUrl + '/thu-tuc');
    await page.locator('[data-testid="catalog-results"]:not([aria-busy])').waitFor();
    const locationFree = await total(page);
    await page.click('[data-testid="catalog-filter-locationfree"]'); // the address changes, then the box
    await expect.poll(() => page.isChecked('[data-testid="catalog-filter-locationfree"]')).toBe(false);
    await expect.poll(() => new URL(page.url()).searchParams.get('phi-dia-gioi')).toBe('0');
    await expect.poll(() => total(page)).toBeGreaterThan(locationFree);

    await page.selectOption('[data-testid="catalog-filter-level"]', 'province');
    await expect.poll(() => new URL(page.url()).searchParams.get('cap')).toBe('province');
    await page.locator('[data-testid="catalog-results"]:not([aria-busy])').waitFor();
    const firstPage = await page.locator(ITEM).first().getAttribute('data-code');
    await page.click('[data-testid="catalog-next"]');
    await expect.poll(() => new URL(page.url()).searchParams.get('trang')).toBe('2');
    await expect.poll(() => page.locator(ITEM).first().getAttribute('data-code')).not.toBe(firstPage);
    expect(await page.textContent('.catalog-page-of')).toMatch(/^Trang 2 \//);
  });

  it('fits a phone: results and a procedure without horizontal scrolling at 390×844', async () => {
    const phone = await session.browser.newPage({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
    try {
      await phone.goto(server.baseUrl + '/thu-tuc?q=khai+sinh');
      await phone.locator(ITEM).first().waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await phone.locator(`${ITEM} h3 a`).first().click();
      await phone.locator('[data-testid="procedure-documents"]').waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await phone.close();
    }
  });
});
