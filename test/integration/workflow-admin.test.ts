// The workflow template editor on each engine: a province administrator reads a procedure's template
// with the path a dossier received now would follow, a bad draft is refused with every problem named
// and nothing written, a good one becomes a new version (audited before → after) that new dossiers
// follow while a dossier received earlier keeps its pinned version and steps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { testClock, testContext } from '../support/context.ts';
import { dossierApi, type DossierApi } from '../support/dossier-api.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';
import { DEMO_PASSWORD } from '../support/context.ts';

type Step = { key: string; name: string; role: string; budgetMinutes: number; next: string[] | null; dueAt?: string };

describe.each(ENGINES)('workflow template editor on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let api: DossierApi;
  let days: number;
  const clock = testClock('2024-12-05T09:00:00+07:00');
  let keys = 0;
  const url = () => `/api/v1/admin/procedures/${api.procedureCode}`;
  const send = async (method: 'GET' | 'POST', path: string, username = 'admin', payload?: Record<string, unknown>) =>
    app.inject({ method, url: path, headers: await api.token(username), ...(payload ? { payload } : {}) });
  const draftOf = (steps: Step[]) => steps.map(({ key, name, role, budgetMinutes, next }) => ({ key, name, role, budgetMinutes, ...(next ? { next } : {}) }));
  const versionCount = async () => (await handle.db.selectFrom('procedure_versions').select('version').where('procedure_code', '=', api.procedureCode).execute()).length;

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const ctx = testContext(handle, clock);
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    api = dossierApi(app);
    days = (await api.procedure(3, 20)).days;
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('shows the template with its path, refuses bad drafts naming the problem, and saves a new version that only new dossiers follow', async () => {
    const before = await api.intake('tn.CN724');
    const view = await send('GET', `${url()}/workflow?unitCode=CN724`);
    expect(view.statusCode, view.body).toBe(200);
    const template = view.json();
    expect(template).toMatchObject({ procedureCode: api.procedureCode, version: 1, currentVersion: 1, limitMinutes: days * 480, supplementPolicy: 'restart', source: 'version_phases' });
    const steps = template.steps as Step[];
    expect(steps.map((s) => s.key)).toEqual(['receive', 'forward', 'assign', 'process', 'review', 'approve', 'deliver_result', 'return']);
    // The path of a dossier received now ends at the due instant the counter promises.
    expect(template.preview.dueAt).toBe(before.dueAt);
    expect(template.preview.steps.at(-1).dueAt).toBe(before.dueAt);
    expect(template.stepChoices.find((c: { key: string }) => c.key === 'process').roles).toEqual(['processing', 'leader']);

    // Budgets above the limit, an unreachable step, a role that cannot do the step: each named, nothing written.
    const over = draftOf(steps).map((s) => (s.key === 'process' ? { ...s, budgetMinutes: s.budgetMinutes + 60 } : s));
    const preview = await send('POST', `${url()}/workflow/preview`, 'admin', { steps: over, supplementPolicy: 'restart' });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ valid: false, totalMinutes: days * 480 + 60, limitMinutes: days * 480, preview: null });
    expect(preview.json().problems.map((p: { code: string }) => p.code)).toEqual(['WORKFLOW_BUDGET_EXCEEDS_LIMIT']);
    const refused = await send('POST', `${url()}/workflow-versions`, 'admin', { steps: over, supplementPolicy: 'restart', baseVersion: 1, idempotencyKey: `wfa-${engine}-${++keys}` });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'WORKFLOW_BUDGET_EXCEEDS_LIMIT', message: expect.stringContaining('vượt thời hạn giải quyết') });
    const cutOff = draftOf(steps).map((s) => (s.key === 'process' ? { ...s, next: ['approve'] } : s.key === 'assign' ? { ...s, role: 'processing' } : s));
    const cut = await send('POST', `${url()}/workflow-versions`, 'admin', { steps: cutOff, supplementPolicy: 'restart', baseVersion: 1, idempotencyKey: `wfa-${engine}-${++keys}` });
    expect(cut.statusCode).toBe(400);
    expect(cut.json().error.details.problems.map((p: { code: string; step?: string }) => [p.code, p.step])).toEqual([['ROLE_NOT_ALLOWED', 'assign'], ['UNREACHABLE_STEP', 'review']]);
    expect(cut.json().error.message).toContain('Xem xét, trình ký');
    expect(await versionCount()).toBe(1);

    // Only province administrators edit workflows.
    expect((await send('POST', `${url()}/workflow-versions`, 'tn.CN724', { steps: draftOf(steps), supplementPolicy: 'pause', baseVersion: 1, idempotencyKey: `wfa-${engine}-${++keys}` })).statusCode).toBe(403);

    // A good draft: a shorter review, the time given to processing, review made optional, pause on supplement.
    clock.advance(30 * 60_000);
    const edited = draftOf(steps).map((s) => {
      if (s.key === 'review') return { ...s, budgetMinutes: s.budgetMinutes - 120, name: 'Lãnh đạo phòng xem xét' };
      if (s.key === 'process') return { ...s, budgetMinutes: s.budgetMinutes + 120, next: ['review', 'approve'] };
      return s;
    });
    const good = await send('POST', `${url()}/workflow/preview`, 'admin', { steps: edited, supplementPolicy: 'pause', unitCode: 'CN724' });
    expect(good.json()).toMatchObject({ valid: true, problems: [] });
    expect(good.json().preview.steps.find((s: Step) => s.key === 'review')).toMatchObject({ name: 'Lãnh đạo phòng xem xét', budgetMinutes: steps[4]!.budgetMinutes - 120 });
    const key = `wfa-${engine}-${++keys}`;
    const saved = await send('POST', `${url()}/workflow-versions`, 'admin', { steps: edited, supplementPolicy: 'pause', baseVersion: 1, idempotencyKey: key });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ version: 2, previousVersion: 1, supplementPolicy: 'pause' });
    // A retried save answers the same; an edit of the old version is refused as stale.
    const replay = await send('POST', `${url()}/workflow-versions`, 'admin', { steps: edited, supplementPolicy: 'pause', baseVersion: 1, idempotencyKey: key });
    expect(replay.json()).toEqual(saved.json());
    const stale = await send('POST', `${url()}/workflow-versions`, 'admin', { steps: draftOf(steps), supplementPolicy: 'restart', baseVersion: 1, idempotencyKey: `wfa-${engine}-${++keys}` });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CHANGED');
    expect(await versionCount()).toBe(2);
    const history = (await app.inject({ url: `/api/v1/procedures/${api.procedureCode}/history` })).json();
    expect(history.versions.map((v: { version: number; validTo: string | null; createdBy: string | null }) => [v.version, v.validTo !== null, v.createdBy]))
      .toEqual([[1, true, expect.any(String)], [2, false, 'admin']]);
    // The old version is still readable as it was.
    expect((await send('GET', `${url()}/workflow?version=1`)).json().steps).toEqual(steps);

    // A dossier received now follows version 2; the one received before keeps version 1 and its steps.
    const after = await api.intake('tn.CN724');
    const newer = (await send('GET', `/api/v1/dossiers/${after.code}`, 'tn.CN724')).json();
    const older = (await send('GET', `/api/v1/dossiers/${before.code}`, 'tn.CN724')).json();
    expect(newer.procedureVersion).toBe(2);
    expect(older.procedureVersion).toBe(1);
    expect(newer.workflow.source).toBe('version');
    expect(newer.workflow.steps.find((s: Step) => s.key === 'review')).toMatchObject({ name: 'Lãnh đạo phòng xem xét', budgetMinutes: steps[4]!.budgetMinutes - 120 });
    expect(older.workflow.steps.find((s: Step) => s.key === 'review')).toMatchObject({ name: steps[4]!.name, budgetMinutes: steps[4]!.budgetMinutes });
    expect(newer.workflow.steps.at(-1).dueAt).toBe(after.dueAt);

    // The audit log holds the change with its before → after.
    const audit = await send('GET', `/api/v1/admin/audit?action=procedure.workflow_update&entityId=${api.procedureCode}`);
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.json().items).toHaveLength(1);
    expect(audit.json().items[0]).toMatchObject({ actorUsername: 'admin', details: { fromVersion: 1, toVersion: 2,
      before: { supplementPolicy: 'restart', source: 'version_phases' }, after: { supplementPolicy: 'pause', steps: expect.stringContaining('process[processing]') } } });
  });

  it('follows the new version\'s links: from processing the officer may go to review or straight to approval', async () => {
    const filed = await api.intake('tn.CN724');
    const agency = `UBX25861`;
    expect((await api.act('tn.CN724', filed.code, { type: 'transfer' })).statusCode).toBe(200);
    expect((await api.act(`ld.${agency}`, filed.code, { type: 'assign', assignee: `cv.${agency}` })).statusCode).toBe(200);
    const wrong = await api.act(`cv.${agency}`, filed.code, { type: 'forward', toStep: 'deliver_result', direction: 'next' });
    expect(wrong.statusCode).toBe(400);
    const toApprove = await api.act(`cv.${agency}`, filed.code, { type: 'forward', toStep: 'approve', direction: 'next' });
    expect(toApprove.statusCode, toApprove.body).toBe(200);
    expect((await send('GET', `/api/v1/dossiers/${filed.code}`, `ld.${agency}`)).json().workflow.currentStep).toBe('approve');
  });
});
