// The operations dashboard in Chromium: gd.TT74 opens Điều hành on a generated three-week history, sees
// the contract summary's numbers in the tiles, charts and the district map drawn, and drills down from
// a number (finished late) and from a Branch's row to the dossiers behind them, then opens one on the desk.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from '../support/browser-session.ts';
import { DEMO_PASSWORD } from '../support/context.ts';
import { generateDossierHistory } from '../../src/services/demo-dossier-history.ts';
import { takeTicket } from '../../src/services/queue-tickets.ts';
import { callNext } from '../../src/services/queue-counter.ts';
import { readPdf, flatText } from '../support/pdf.ts';
import { readFile } from 'node:fs/promises';
import type { Actor } from '../../src/services/context.ts';

const VN = 7 * 3_600_000;
const day = (ms: number) => new Date(ms + VN).toISOString().slice(0, 10);

describe('operations dashboard in Chromium', () => {
  const session = useBrowserSession();
  const to = day(Date.now());
  const from = day(Date.now() - 30 * 86_400_000);
  let summary: { received: { total: number }; finished: { late: number }; inProgress: { overdue: number } };
  let token: string;

  beforeAll(async () => {
    const { server } = session;
    const list = await (await fetch(`${server.baseUrl}/api/v1/procedures?level=commune&locationFree=true&q=khai%20sinh&limit=50`)).json();
    const procedure = list.items.find((p: { processingDays: number | null }) => p.processingDays !== null && p.processingDays >= 3);
    let now = Date.now() - 24 * 86_400_000;
    const ctx = { ...server.ctx, now: () => new Date(now) };
    await generateDossierHistory(ctx, {
      startDay: day(now), days: 21, intakesPerDay: 3, receivingUnits: ['CN724', 'CN718', 'DTN25741', 'TT74'], communes: ['25861', '25741', '25855'],
      procedureCode: procedure.code, seed: 7, setNow: (d) => (now = Math.min(d.getTime(), Date.now() - 60_000)),
    });
    // A recent Tuesday–Thursday morning at the Center's counters (open hours): three Hộ tịch tickets a minute
    // apart, called after 5, 5 and 8 minutes.
    let back = 2;
    while (![2, 3, 4].includes(new Date(Date.now() - back * 86_400_000 + VN).getUTCDay())) back++;
    const morning = Date.parse(`${day(Date.now() - back * 86_400_000)}T09:00:00+07:00`);
    let at = morning;
    const queueCtx = { ...server.ctx, now: () => new Date(at) };
    const origin = (i: number) => ({ address: `10.7.0.${i}`, userAgent: null, requestId: null });
    for (const i of [0, 1, 2]) {
      at = morning + i * 60_000;
      await takeTicket(queueCtx, 'TT74', { serviceGroup: 'HT' }, origin(i));
    }
    const officer = { userId: 'e2e', username: 'tn.TT74', fullName: 'Cán bộ tiếp nhận', unitCode: 'TT74', unitName: 'Trung tâm', roles: ['reception'] } satisfies Actor;
    for (const [i, call] of [300_000, 360_000, 600_000].entries()) {
      at = morning + call;
      expect((await callNext(queueCtx, officer, 'TT74', String(i + 1), origin(9))).ticket).not.toBeNull();
    }
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'gd.TT74', password: DEMO_PASSWORD }),
    });
    token = (await login.json()).token;
    summary = await (await fetch(`${server.baseUrl}/api/v1/stats/summary?from=${from}&to=${to}&unitCode=TT74`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(summary.received.total).toBeGreaterThan(20);
    expect(summary.finished.late + summary.inProgress.overdue).toBeGreaterThan(0);
  }, 300_000);

  async function signedIn(path: string): Promise<Page> {
    const context = await session.browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(session.server.baseUrl + path);
    await page.fill('[data-testid="login-username"]', 'gd.TT74');
    await page.fill('[data-testid="login-password"]', DEMO_PASSWORD);
    await page.click('[data-testid="login-submit"]');
    await page.locator('[data-testid="current-user"]').waitFor({ timeout: 10_000 });
    return page;
  }

  it('shows the summary numbers, the charts and the map, and drills down to the dossiers behind a number', async () => {
    const page = await signedIn(`/dieu-hanh?from=${from}&to=${to}`);
    await page.locator('[data-testid="kpi-received"]').waitFor({ timeout: 15_000 });
    expect(await page.textContent('[data-testid="dashboard-scope"]')).toContain('Trung tâm Phục vụ hành chính công');
    expect(await page.textContent('[data-testid="kpi-link-received"]')).toBe(String(summary.received.total));
    expect(await page.textContent('[data-testid="kpi-link-late"]')).toBe(String(summary.finished.late));
    expect(await page.textContent('[data-testid="kpi-link-overdue"]')).toBe(String(summary.inProgress.overdue));
    for (const chart of ['chart-channel', 'chart-finished', 'chart-units', 'chart-agencies', 'chart-map']) {
      await page.locator(`[data-testid="${chart}"] canvas`).waitFor({ timeout: 10_000 });
    }
    expect(await page.locator('[data-testid="table-units"] tr[data-code="CN724"]').count()).toBe(1);

    const measure = summary.finished.late > 0 ? 'late' : 'overdue';
    const expected = measure === 'late' ? summary.finished.late : summary.inProgress.overdue;
    await page.click(`[data-testid="kpi-link-${measure}"]`);
    await page.locator('[data-testid="drill-total"]').waitFor();
    expect(Number(await page.getAttribute('[data-testid="drill-total"]', 'data-total'))).toBe(expected);
    expect(await page.locator('[data-testid="drill-item"]').count()).toBe(Math.min(expected, 50));

    await page.goBack();
    const branchRow = page.locator('[data-testid="table-units"] tr[data-code="CN724"]');
    await branchRow.waitFor();
    const branchReceived = Number(await branchRow.locator('td').first().textContent());
    await branchRow.locator('td a').first().click();
    await page.locator('[data-testid="drill-total"]').waitFor();
    expect(Number(await page.getAttribute('[data-testid="drill-total"]', 'data-total'))).toBe(branchReceived);
    const first = page.locator('[data-testid="drill-item"] a').first();
    const code = await first.textContent();
    await first.click();
    await page.locator('[data-testid="dossier-page"]').waitFor({ timeout: 10_000 });
    expect(page.url()).toContain(encodeURIComponent(code ?? ''));
    await page.context().close();
  }, 120_000);

  it('reads the per-unit rows in the structure chosen, with the same totals', async () => {
    const page = await signedIn(`/dieu-hanh?from=${from}&to=${to}`);
    await page.locator('[data-testid="kpi-received"]').waitFor({ timeout: 15_000 });
    const rowsBefore = await page.locator('[data-testid="table-units"] tr[data-code]').count();
    await page.selectOption('[data-testid="filter-structure"]', 'mapped');
    await page.click('[data-testid="filter-apply"]');
    await page.locator('[data-testid="dashboard-structure"]').waitFor({ timeout: 15_000 });
    expect(page.url()).toContain('structure=mapped');
    expect(await page.textContent('[data-testid="dashboard-structure"]')).toContain('quy về đơn vị kế thừa hiện nay');
    expect(await page.textContent('[data-testid="kpi-link-received"]')).toBe(String(summary.received.total));
    // No plan has taken effect in this history: today's successors are the units themselves.
    expect(await page.locator('[data-testid="table-units"] tr[data-code]').count()).toBe(rowsBefore);

    await page.selectOption('[data-testid="filter-structure"]', 'asOf');
    await page.fill('[data-testid="filter-structure-at"]', from);
    await page.click('[data-testid="filter-apply"]');
    await page.waitForURL(/structure=asOf/);
    await page.locator('[data-testid="dashboard-structure"]', { hasText: from.split('-').reverse().join('/') }).waitFor({ timeout: 15_000 });
    expect(await page.textContent('[data-testid="kpi-link-received"]')).toBe(String(summary.received.total));
    // The list behind a number reads the dossiers as they are: the switch is not passed on to it.
    await page.click('[data-testid="kpi-link-received"]');
    await page.locator('[data-testid="drill-total"]').waitFor();
    expect(page.url()).not.toContain('structure=');
    expect(Number(await page.getAttribute('[data-testid="drill-total"]', 'data-total'))).toBe(summary.received.total);
    await page.context().close();
  }, 120_000);

  it('shows the 766 index per group and indicator, the unit comparison and the officer evaluation, and drills down from an indicator', async () => {
    const headers = { authorization: `Bearer ${token}` };
    const api = async (path: string) => (await fetch(`${session.server.baseUrl}/api/v1/stats/${path}`, { headers })).json();
    const index = await api('index-766?unitCode=TT74&period=quarter');
    const evaluation = await api('evaluation?unitCode=TT74&period=quarter');
    const page = await signedIn('/dieu-hanh');
    await page.click('[data-testid="tab-index-766"]');
    await page.locator('[data-testid="index-766-page"]').waitFor({ timeout: 15_000 });
    await page.selectOption('[data-testid="index-period"]', 'quarter');
    await page.click('[data-testid="index-apply"]');
    await page.waitForURL(/period=quarter/);
    await page.locator('[data-testid="index-total"]').waitFor({ timeout: 30_000 });
    // The month's figures stay on screen while the quarter's load (useLoader): wait for the quarter's.
    await page.locator('[data-testid="index-scope"]', { hasText: index.period.label }).waitFor({ timeout: 30_000 });
    expect(Number(await page.getAttribute('[data-testid="index-total"]', 'data-points'))).toBe(index.points);
    expect(await page.textContent('[data-testid="index-scope"]')).toContain(index.period.label);
    const rows = page.locator('[data-testid="index-indicator"]');
    expect(await rows.count()).toBe(20);
    for (const group of index.groups) {
      expect(Number(await page.textContent(`[data-testid="index-group-points-${group.id}"]`))).toBe(group.points);
      for (const i of group.indicators) {
        const row = page.locator(`[data-testid="index-indicator"][data-id="${i.id}"]`);
        expect(await row.getAttribute('data-status'), i.id).toBe(i.status);
        expect(await row.getAttribute('data-points'), i.id).toBe(i.points === null ? '' : String(i.points));
      }
    }
    expect(await page.textContent('[data-testid="index-indicator"][data-id="1.4"]')).toContain('chưa đo');
    await page.locator('[data-testid="chart-index-units"] canvas').waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="evaluation-officers"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="evaluation-officer"]').count()).toBe(evaluation.officers.length);
    expect(evaluation.officers.length).toBeGreaterThan(0);
    const top = evaluation.officers[0];
    expect(Number(await page.getAttribute(`[data-testid="evaluation-officer"][data-username="${top.username}"]`, 'data-score'))).toBe(top.score);

    const onTime = index.groups.flatMap((g: { indicators: Array<{ id: string; status: string; count: number; total: number }> }) => g.indicators).find((i: { id: string }) => i.id === '2.1');
    expect(onTime.status).toBe('scored');
    await page.click('[data-testid="index-drill-2.1"]');
    await page.locator('[data-testid="drill-total"]').waitFor({ timeout: 15_000 });
    expect(Number(await page.getAttribute('[data-testid="drill-total"]', 'data-total'))).toBe(onTime.total - onTime.count);

    // English switch: the same tab in English.
    await page.goBack();
    await page.evaluate(() => window.localStorage.setItem('motcua.lang', 'en'));
    await page.reload();
    await page.locator('[data-testid="index-total"]').waitFor({ timeout: 30_000 });
    expect(await page.textContent('[data-testid="tab-index-766"]')).toBe('766 index');
    expect(await page.textContent('[data-testid="index-indicator"][data-id="1.4"]')).toContain('not measured');
    await page.context().close();
  }, 180_000);

  it('shows queue waits per unit and service group, and downloads a report as Excel and as PDF with the summary\'s numbers', async () => {
    const page = await signedIn(`/dieu-hanh?from=${from}&to=${to}`);
    const waits = page.locator('[data-testid="table-queue-waits"] tr[data-unit="TT74"][data-group="HT"]');
    await waits.waitFor({ timeout: 15_000 });
    // Waits of 300, 300 and 480 s: average 6.0 min; the 90th percentile (interpolated) 444 s = 7.4 min.
    expect(await waits.locator('[data-testid="queue-average"]').textContent()).toBe('6.0');
    expect(await waits.locator('[data-testid="queue-p90"]').textContent()).toBe('7.4');
    expect(await page.locator('[data-testid="table-queue-waits"] tr[data-unit="TT74"][data-group=""] [data-testid="queue-average"]').textContent()).toBe('6.0');
    const ExcelJS = (await import('exceljs')).default;
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="report-period-xlsx"]')]);
    expect(xlsx.suggestedFilename()).toBe(`bao-cao-ky-${from}-${to}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await xlsx.path())!)) as never);
    const rows = book.worksheets[0]!.getSheetValues() as unknown[][];
    const header = rows.find((r) => r?.[1] === 'STT')!;
    const total = rows.find((r) => r?.[2] === 'Tổng cộng')!;
    expect(total[header.indexOf('Mới tiếp nhận')]).toBe(summary.received.total);
    expect(total[header.indexOf('Đã giải quyết: quá hạn')]).toBe(summary.finished.late);
    expect(total[header.indexOf('Đang giải quyết: quá hạn')]).toBe(summary.inProgress.overdue);
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="report-daily-intake-pdf"]')]);
    expect(pdf.suggestedFilename()).toBe(`tiep-nhan-theo-ngay-${from}-${to}.pdf`);
    const read = await readPdf(await readFile((await pdf.path())!));
    expect(read.title).toBe('TÌNH HÌNH TIẾP NHẬN HỒ SƠ THEO NGÀY');
    const text = flatText(read.pages);
    expect(text).toContain('Trung tâm Phục vụ hành chính công');
    expect(text).toContain('Tổng cộng');
    await page.context().close();
  }, 120_000);

  it('refuses a Branch manager a unit outside the Branch', async () => {
    const login = await fetch(`${session.server.baseUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'gd.CN718', password: DEMO_PASSWORD }),
    });
    const branchToken = (await login.json()).token;
    const res = await fetch(`${session.server.baseUrl}/api/v1/stats/dashboard?unitCode=TT74`, { headers: { authorization: `Bearer ${branchToken}` } });
    expect(res.status).toBe(403);
  });
});
