// The workflow template editor in Chromium: an administrator opens a procedure's workflow from its
// versions page, is told when the budgets exceed the legal limit, moves two hours from review to
// processing and saves; a dossier received afterwards follows the new version's steps while one
// received before keeps its pinned version; the audit page shows the change with its before → after.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from '../support/browser-session.ts';
import { DEMO_PASSWORD } from '../support/context.ts';

const AN_LINH = '25861';

describe('workflow template editor in Chromium', () => {
  const session = useBrowserSession();
  let keys = 0;

  async function signedIn(username: string, path: string): Promise<Page> {
    const context = await session.browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(session.server.baseUrl + path);
    await page.fill('[data-testid="login-username"]', username);
    await page.fill('[data-testid="login-password"]', DEMO_PASSWORD);
    await page.click('[data-testid="login-submit"]');
    await page.locator('[data-testid="current-user"]').waitFor({ timeout: 10_000 });
    return page;
  }
  const apiCall = async (path: string, init: { method?: string; token?: string; body?: unknown } = {}) => {
    const res = await fetch(`${session.server.baseUrl}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: res.status, json: await res.json() as any };
  };

  it('saves edited budgets as a new version that only new dossiers follow, and the audit log shows it', async () => {
    const list = await apiCall('/procedures?level=commune&locationFree=true&q=khai%20sinh&limit=100');
    const procedure = list.json.items.find((p: { processingDays: number | null }) => p.processingDays !== null && p.processingDays >= 3 && p.processingDays <= 20);
    expect(procedure).toBeDefined();
    const login = await apiCall('/auth/login', { method: 'POST', body: { username: 'tn.CN724', password: DEMO_PASSWORD } });
    const counter = login.json.token as string;
    const intake = async () => {
      const res = await apiCall('/dossiers', { method: 'POST', token: counter, body: {
        procedureCode: procedure.code, returnUnitCode: `DTN${AN_LINH}`, idempotencyKey: `wf-e2e-intake-${++keys}-${Date.now()}`,
        applicant: { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '074090001234', phone: '0912345678', address: { communeCode: AN_LINH } },
      } });
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      return res.json as { code: string; dueAt: string };
    };
    const older = await intake();

    // From the procedure's versions page to its workflow.
    const admin = await signedIn('admin', `/quan-tri/phien-ban-thu-tuc?ma=${encodeURIComponent(procedure.code)}`);
    await admin.click('[data-testid="edit-workflow"]');
    const editor = admin.locator('[data-testid="workflow-editor"]');
    await editor.waitFor({ timeout: 10_000 });
    expect(await editor.getAttribute('data-version')).toBe('1');
    expect(await admin.getAttribute('[data-testid="workflow-total"]', 'data-diff')).toBe('0');
    const review = Number(await admin.inputValue('[data-testid="step-budget-review"]'));
    const process = Number(await admin.inputValue('[data-testid="step-budget-process"]'));
    expect(review).toBeGreaterThan(120);

    // Two more hours of processing without taking them elsewhere: over the legal limit, named by the server.
    await admin.fill('[data-testid="step-budget-process"]', String(process + 120));
    expect(await admin.textContent('[data-testid="workflow-total"]')).toContain('vượt 120 phút');
    await admin.click('[data-testid="workflow-check"]');
    await admin.locator('[data-testid="workflow-problems"]').waitFor();
    expect(await admin.textContent('[data-testid="workflow-problems"]')).toContain('WORKFLOW_BUDGET_EXCEEDS_LIMIT');
    await admin.click('[data-testid="workflow-save"]');
    await admin.locator('[data-testid="workflow-error"]').waitFor();
    expect(await admin.textContent('[data-testid="workflow-error"]')).toContain('vượt thời hạn giải quyết');

    // Taken from the review: valid; the preview shows the path ending at the promised instant.
    await admin.fill('[data-testid="step-budget-review"]', String(review - 120));
    await admin.fill('[data-testid="step-name-review"]', 'Lãnh đạo phòng xem xét');
    await admin.selectOption('[data-testid="workflow-policy"]', 'pause');
    await admin.click('[data-testid="workflow-check"]');
    const path = admin.locator('[data-testid="workflow-path"]');
    await expect.poll(() => path.textContent()).toContain('Lãnh đạo phòng xem xét');
    await admin.click('[data-testid="workflow-save"]');
    await admin.locator('[data-testid="workflow-saved"]').waitFor({ timeout: 10_000 });
    expect(await admin.textContent('[data-testid="workflow-saved"]')).toContain('phiên bản 2');
    await expect.poll(() => editor.getAttribute('data-version')).toBe('2');
    expect(Number(await admin.inputValue('[data-testid="step-budget-process"]'))).toBe(process + 120);

    // A dossier received now follows version 2; the one received before keeps version 1.
    const newer = await intake();
    const officer = await signedIn('tn.CN724', `/xu-ly/${newer.code}`);
    const steps = officer.locator('[data-testid="workflow-steps"]');
    await steps.waitFor({ timeout: 10_000 });
    expect(await steps.locator('[data-step="review"]').textContent()).toContain('Lãnh đạo phòng xem xét');
    await officer.goto(`${session.server.baseUrl}/xu-ly/${older.code}`);
    await steps.waitFor({ timeout: 10_000 });
    expect(await steps.locator('[data-step="review"]').textContent()).toContain('Xem xét, trình ký');
    const pinned = async (code: string) => (await apiCall(`/dossiers/${code}`, { token: counter })).json;
    const [a, b] = [await pinned(older.code), await pinned(newer.code)];
    expect([a.procedureVersion, b.procedureVersion]).toEqual([1, 2]);
    expect(a.workflow.steps.find((s: { key: string }) => s.key === 'review').budgetMinutes).toBe(review);
    expect(b.workflow.steps.find((s: { key: string }) => s.key === 'review').budgetMinutes).toBe(review - 120);
    expect(b.workflow.steps.find((s: { key: string }) => s.key === 'process').budgetMinutes).toBe(process + 120);

    // The audit page shows the change, who made it and its before → after.
    await admin.goto(`${session.server.baseUrl}/quan-tri/nhat-ky`);
    await admin.fill('[data-testid="audit-entityId"]', procedure.code);
    await admin.fill('[data-testid="audit-action"]', 'procedure.workflow_update');
    await admin.click('[data-testid="audit-filter"]');
    await expect.poll(() => admin.textContent('[data-testid="audit-total"]'), { timeout: 10_000 }).toBe('1 mục');
    const row = await admin.textContent('[data-testid="audit-table"] tbody tr');
    expect(row).toContain('procedure.workflow_update');
    expect(row).toContain('admin');
    expect(row).toContain('Trước');
    expect(row).toContain(`review[leader] ${review - 120}`);
    expect(row).toContain(`review[leader] ${review}`);

    for (const page of [admin, officer]) await page.context().close();
  }, 120_000);
});
