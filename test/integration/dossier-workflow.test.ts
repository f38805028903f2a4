// The dossier's workflow on each engine: the paper file's journey with its forwarding deadline (after
// 15:00 and before a holiday, monitored per unit), the workflow steps from the version's template, the
// per-procedure supplement policy, inter-agency sub-dossiers that are never dossiers, and the leader's
// view of the unit's work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import { importProcedureRecords } from '../../src/services/import-procedures.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

const AN_LINH = '25861'; // Xã An Linh, Phú Giáo (722)
const AGENCY = `UBX${AN_LINH}`;
const COORDINATING = 'STP74'; // Sở Tư pháp

describe.each(ENGINES)('dossier workflow on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock('2024-12-05T09:00:00+07:00');
  const tokens = new Map<string, string>();
  let procedureCode: string;
  let keyCounter = 0;

  const headers = async (username: string) => {
    if (!tokens.has(username)) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      expect(res.statusCode, res.body).toBe(200);
      tokens.set(username, res.json().token);
    }
    return { authorization: `Bearer ${tokens.get(username)}` };
  };
  const key = () => `wf-${++keyCounter}-key`;
  const intake = async (username: string, body: Record<string, unknown> = {}) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: await headers(username), payload: {
      procedureCode, idempotencyKey: key(),
      applicant: { kind: 'citizen', fullName: 'Phạm Thị Hoa', idNumber: '074190001111', phone: '0987654321', address: { communeCode: AN_LINH } }, ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { code: string; dueAt: string; receivedAt: string };
  };
  const act = async (username: string, code: string, body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: await headers(username), payload: { idempotencyKey: key(), ...body } });
  const get = async (username: string, url: string) => app.inject({ url: `/api/v1${url}`, headers: await headers(username) });
  const post = async (username: string, url: string, body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: `/api/v1${url}`, headers: await headers(username), payload: { idempotencyKey: key(), ...body } });
  const dossier = async (code: string, username = `ld.${AGENCY}`) => {
    const res = await get(username, `/dossiers/${code}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const newDay = (instant: string) => {
    clock.set(instant);
    tokens.clear(); // sessions do not outlive the working day
  };

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const ctx = testContext(handle, clock);
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    const list = (await app.inject({ url: '/api/v1/procedures?level=commune&locationFree=true&at=2024-12-05&q=khai%20sinh&limit=50' })).json();
    procedureCode = list.items.find((p: { processingDays: number | null }) => p.processingDays !== null && p.processingDays >= 3).code;
    // Two copies of a commune procedure that differ only in their supplement policy.
    const record = (code: string, supplementPolicy?: string) => ({
      code, name: `Thủ tục thử nghiệm bổ sung hồ sơ (${code})`, field: 'Hộ tịch', levels: ['Cấp xã'],
      channels: [{ channel: 'Trực tiếp', processingTime: '5 ngày làm việc', fee: 'Miễn phí' }], ...(supplementPolicy ? { supplementPolicy } : {}),
    });
    const report = await importProcedureRecords(ctx, [{ row: 1, record: record('TEST.PAUSE', 'tạm dừng') }, { row: 2, record: record('TEST.RESTART') }], { format: 'json', via: 'test' });
    expect(report.rejected).toEqual([]);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('times the paper file: received after 15:00 before the New Year holiday → due at the start of 02/01', async () => {
    newDay('2024-12-31T15:30:00+07:00');
    const late = await intake('tn.CN724');
    const view = await dossier(late.code, 'tn.CN724');
    expect(view.paperTransfers).toHaveLength(1);
    expect(view.paperTransfers[0]).toMatchObject({ seq: 1, purpose: 'dossier', fromUnitCode: 'CN724', toUnitCode: AGENCY, readyAt: '2024-12-31T15:30:00+07:00',
      deadline: '2025-01-02T07:30:00+07:00', deadlineRule: 'startOfNextWorkingDay', sent: null, received: null, watch: 'due_soon' });
    // The counter's monitoring shows it as due soon; the agency sees it coming.
    const outgoing = (await get('tn.CN724', '/paper-transfers?direction=outgoing&watch=attention')).json();
    expect(outgoing.items.map((t: { dossierCode: string }) => t.dossierCode)).toContain(late.code);
    expect(outgoing.dueSoon).toBeGreaterThanOrEqual(1);
    const incoming = (await get(`ld.${AGENCY}`, '/paper-transfers?direction=incoming')).json();
    expect(incoming.items.find((t: { dossierCode: string }) => t.dossierCode === late.code)).toMatchObject({ watch: 'due_soon', procedureName: expect.any(String) });

    // Nobody hands it over on 02/01 at opening: overdue from 07:30 on.
    newDay('2025-01-02T08:00:00+07:00');
    const overdue = (await get('tn.CN724', '/paper-transfers?direction=outgoing&watch=overdue')).json();
    expect(overdue.items.find((t: { dossierCode: string }) => t.dossierCode === late.code)).toMatchObject({ watch: 'overdue', late: true, lateByMinutes: 30 });

    // Handed over by the transfer action, signed for by the agency.
    expect((await act('tn.CN724', late.code, { type: 'transfer' })).statusCode).toBe(200);
    let transfer = (await dossier(late.code)).paperTransfers[0];
    expect(transfer).toMatchObject({ sent: { username: 'tn.CN724', unitCode: 'CN724', at: '2025-01-02T08:00:00+07:00' }, watch: 'in_transit', late: true });
    clock.advance(45 * 60_000);
    expect((await post('tn.CN724', `/dossiers/${late.code}/paper-transfers/1/receipt`, {})).statusCode).toBe(403);
    const receipt = await post(`cv.${AGENCY}`, `/dossiers/${late.code}/paper-transfers/1/receipt`, { note: 'Nhận đủ 1 bộ hồ sơ giấy' });
    expect(receipt.statusCode, receipt.body).toBe(200);
    expect(receipt.json().transfer).toMatchObject({ received: { username: `cv.${AGENCY}`, unitCode: AGENCY, at: '2025-01-02T08:45:00+07:00' }, watch: 'delivered' });
    const twice = await post(`cv.${AGENCY}`, `/dossiers/${late.code}/paper-transfers/1/receipt`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('ALREADY_RECEIVED');
    const after = await dossier(late.code);
    expect(after.timeline.map((t: { type: string }) => t.type)).toEqual(['receive', 'transfer', 'paper_received']);
    expect(after.timeline[2]).toMatchObject({ actorUsername: `cv.${AGENCY}`, reason: 'Nhận đủ 1 bộ hồ sơ giấy', fromStatus: 'transferred', toStatus: 'transferred' });
    // Handovers stay out of the citizen's lookup.
    const pub = (await app.inject({ url: `/api/v1/public/dossiers/${late.code}?phone=0987654321` })).json();
    expect(pub.steps).toHaveLength(2);
    const audit = await handle.db.selectFrom('audit_log').select('action').where('entity_id', '=', late.code).execute();
    expect(audit.map((a) => a.action)).toContain('dossier.paper_received');

    // Received at 10:00 on a working day: same working day, 17:00. Withdrawn at the counter → nothing to send.
    newDay('2025-01-03T10:00:00+07:00');
    const morning = await intake('tn.CN724');
    expect((await dossier(morning.code, 'tn.CN724')).paperTransfers[0]).toMatchObject({ deadline: '2025-01-03T17:00:00+07:00', deadlineRule: 'sameWorkingDay', watch: 'on_track' });
    expect((await act('tn.CN724', morning.code, { type: 'withdraw', reason: 'Công dân xin rút hồ sơ' })).statusCode).toBe(200);
    expect((await dossier(morning.code, 'tn.CN724')).paperTransfers[0]).toMatchObject({ watch: 'cancelled', cancelReason: expect.any(String) });
    const watchAfter = (await get('tn.CN724', '/paper-transfers?direction=outgoing')).json();
    expect(watchAfter.items.map((t: { dossierCode: string }) => t.dossierCode)).not.toContain(morning.code);
  });

  it('follows the workflow steps of the template, with step deadlines, and refuses unknown steps', async () => {
    newDay('2025-01-06T09:00:00+07:00');
    const filed = await intake('tn.CN724', { returnUnitCode: `DTN${AN_LINH}` });
    let view = await dossier(filed.code, 'tn.CN724');
    expect(view.workflow.steps.map((s: { key: string }) => s.key)).toEqual(['receive', 'forward', 'assign', 'process', 'review', 'approve', 'deliver_result', 'return']);
    expect(view.workflow).toMatchObject({ source: 'version_phases', currentStep: 'forward' });
    expect(view.workflow.steps.at(-1).dueAt).toBe(filed.dueAt);
    expect(view.workflow.steps[0].dueAt).toBe(filed.receivedAt);
    const forwardDue = view.workflow.steps[1].dueAt;
    expect(view.workflow.stepDueAt).toBe(forwardDue);
    expect(Date.parse(forwardDue)).toBeGreaterThan(Date.parse(filed.receivedAt));

    const stepOf = async () => (await dossier(filed.code)).workflow.currentStep;
    await act('tn.CN724', filed.code, { type: 'transfer' });
    expect(await stepOf()).toBe('assign');
    await act(`ld.${AGENCY}`, filed.code, { type: 'assign', assignee: `cv.${AGENCY}` });
    expect(await stepOf()).toBe('process');
    const inbox = (await get(`cv.${AGENCY}`, '/dossiers?step=process&handler=me')).json();
    expect(inbox.items.map((i: { code: string }) => i.code)).toContain(filed.code);
    expect(inbox.items.find((i: { code: string }) => i.code === filed.code)).toMatchObject({ currentStep: 'process', handlerUsername: `cv.${AGENCY}`, remainingText: expect.stringMatching(/^Còn /) });
    expect((await get(`cv.${AGENCY}`, '/dossiers?step=review')).json().items.map((i: { code: string }) => i.code)).not.toContain(filed.code);

    const bogus = await act(`cv.${AGENCY}`, filed.code, { type: 'forward', toStep: 'bogus', direction: 'next' });
    expect(bogus.statusCode).toBe(400);
    expect(bogus.json().error.code).toBe('UNKNOWN_STEP');
    const backwards = await act(`cv.${AGENCY}`, filed.code, { type: 'forward', toStep: 'assign', direction: 'next' });
    expect(backwards.json().error.code).toBe('WRONG_DIRECTION');
    expect((await dossier(filed.code)).timeline).toHaveLength(3);
    const toReview = await act(`cv.${AGENCY}`, filed.code, { type: 'forward', toStep: 'review', direction: 'next', to: `ld.${AGENCY}` });
    expect(toReview.statusCode, toReview.body).toBe(200);
    view = await dossier(filed.code);
    expect(view.workflow.currentStep).toBe('review');
    expect(view.handlerUsername).toBe(`ld.${AGENCY}`);
    expect(view.timeline.at(-1).step).toBe('review');

    await act(`ld.${AGENCY}`, filed.code, { type: 'approve' });
    expect(await stepOf()).toBe('approve');
    clock.advance(30 * 60_000);
    await act(`ld.${AGENCY}`, filed.code, { type: 'record_result', resultNumber: '7/GKS', signer: 'Chủ tịch UBND xã', signedAt: '2025-01-06T09:20:00+07:00' });
    view = await dossier(filed.code);
    expect(view.workflow.currentStep).toBe('deliver_result');
    const result = view.paperTransfers.find((t: { purpose: string }) => t.purpose === 'result');
    expect(result).toMatchObject({ fromUnitCode: AGENCY, toUnitCode: `DTN${AN_LINH}`, deadline: null, watch: 'no_deadline' });
    expect((await post(`cv.${AGENCY}`, `/dossiers/${filed.code}/paper-transfers/${result.seq}/dispatch`, {})).statusCode).toBe(200);
    expect((await post(`tn.DTN${AN_LINH}`, `/dossiers/${filed.code}/paper-transfers/${result.seq}/receipt`, {})).statusCode).toBe(200);
    expect(await stepOf()).toBe('return');
    await act(`tn.DTN${AN_LINH}`, filed.code, { type: 'return_result', method: 'counter', recipientName: 'Phạm Thị Hoa' });
    view = await dossier(filed.code);
    expect(view.workflow.currentStep).toBeNull();
    expect(view.workflow.steps.every((s: { state: string }) => s.state === 'done')).toBe(true);
  });

  it('moves the due instant by the procedure version\'s supplement policy, within the 3-working-day window', async () => {
    const run = async (code: string) => {
      newDay('2025-01-13T09:00:00+07:00'); // Monday
      const filed = await intake(`tn.DTN${AN_LINH}`, { procedureCode: code });
      await act(`tn.DTN${AN_LINH}`, filed.code, { type: 'transfer' });
      await act(`ld.${AGENCY}`, filed.code, { type: 'assign', assignee: `cv.${AGENCY}` });
      clock.set('2025-01-13T10:00:00+07:00');
      expect((await act(`cv.${AGENCY}`, filed.code, { type: 'request_supplement', reason: 'Thiếu tờ khai.' })).statusCode).toBe(200);
      newDay('2025-01-15T10:00:00+07:00'); // two working days later
      const received = await act(`tn.DTN${AN_LINH}`, filed.code, { type: 'receive_supplement' });
      expect(received.statusCode, received.body).toBe(200);
      return { filed, dueAfter: received.json().dueAt as string };
    };
    const paused = await run('TEST.PAUSE');
    // Pause: the 2 working days the applicant took are added; 5 days from Mon 09:00 → Mon 20/01 09:00, + 2 days.
    expect(paused.filed.dueAt).toBe('2025-01-20T09:00:00+07:00');
    expect(paused.dueAfter).toBe('2025-01-22T09:00:00+07:00');
    const restarted = await run('TEST.RESTART');
    // Restart (default, Decree 61 art. 19 cl. 4): the full 5 days from the supplement's receipt.
    expect(restarted.dueAfter).toBe('2025-01-22T10:00:00+07:00');
    const clockView = (await dossier(restarted.filed.code)).clock;
    expect(clockView.dueAt).toBe(restarted.dueAfter);

    // The window: no supplement request after 3 working days from receipt.
    newDay('2025-01-13T09:00:00+07:00');
    const late = await intake(`tn.DTN${AN_LINH}`, { procedureCode: 'TEST.PAUSE' });
    await act(`tn.DTN${AN_LINH}`, late.code, { type: 'transfer' });
    await act(`ld.${AGENCY}`, late.code, { type: 'assign', assignee: `cv.${AGENCY}` });
    newDay('2025-01-16T09:30:00+07:00');
    const refused = await act(`cv.${AGENCY}`, late.code, { type: 'request_supplement', reason: 'Thiếu tờ khai.' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('SUPPLEMENT_REQUEST_TOO_LATE');
  });

  it('opens inter-agency sub-dossiers that block approval, are answered by the coordinating agency and never count as dossiers', async () => {
    newDay('2025-02-03T09:00:00+07:00');
    const parent = await intake('tn.CN724');
    await act('tn.CN724', parent.code, { type: 'transfer' });
    await act(`ld.${AGENCY}`, parent.code, { type: 'assign', assignee: `cv.${AGENCY}` });
    const dossiersBefore = Number((await handle.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    expect((await post('tn.CN724', `/dossiers/${parent.code}/sub-dossiers`, { coordinatingUnitCode: COORDINATING, request: 'Xin ý kiến', days: 2 })).statusCode).toBe(403);
    const noReason = await post(`cv.${AGENCY}`, `/dossiers/${parent.code}/sub-dossiers`, { coordinatingUnitCode: COORDINATING, request: ' ', days: 2 });
    expect(noReason.statusCode).toBe(400);
    const opened = await post(`cv.${AGENCY}`, `/dossiers/${parent.code}/sub-dossiers`, { coordinatingUnitCode: COORDINATING, request: 'Đề nghị xác minh thông tin hộ tịch', days: 2 });
    expect(opened.statusCode, opened.body).toBe(201);
    const sub = opened.json();
    expect(sub).toMatchObject({ code: `${parent.code}-LT01`, parentCode: parent.code, status: 'open', dueAt: '2025-02-05T09:00:00+07:00', coordinatingUnitCode: COORDINATING });
    const second = (await post(`ld.${AGENCY}`, `/dossiers/${parent.code}/sub-dossiers`, { coordinatingUnitCode: 'UBX25741', request: 'Xác minh nơi cư trú', hours: 4 })).json();
    expect(second.code).toBe(`${parent.code}-LT02`);

    const blocked = await act(`ld.${AGENCY}`, parent.code, { type: 'approve' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('SUB_DOSSIERS_OPEN');
    expect((await dossier(parent.code)).allowedActions).not.toContain('approve');

    // The coordinating agency sees it apart in its inbox, reads the parent, but cannot act on it.
    const inbox = (await get(`cv.${COORDINATING}`, '/dossiers')).json();
    expect(inbox.subDossiers.items.map((s: { code: string }) => s.code)).toContain(sub.code);
    expect(inbox.items.map((i: { code: string }) => i.code)).not.toContain(parent.code);
    const parentSeen = await dossier(parent.code, `cv.${COORDINATING}`);
    expect(parentSeen.allowedActions).toEqual([]);
    expect((await act(`cv.${COORDINATING}`, parent.code, { type: 'approve' })).statusCode).toBe(403);
    expect((await get('cv.UBX25741', `/sub-dossiers/${sub.code}`)).statusCode).toBe(403);
    const subView = (await get(`cv.${COORDINATING}`, `/sub-dossiers/${sub.code}`)).json();
    expect(subView).toMatchObject({ parent: { code: parent.code }, allowedActions: ['answer'] });

    clock.advance(2 * 60 * 60_000);
    expect((await post(`ld.${COORDINATING}`, `/sub-dossiers/${sub.code}/actions`, { type: 'assign', assignee: `cv.${COORDINATING}` })).statusCode).toBe(200);
    const answered = await post(`cv.${COORDINATING}`, `/sub-dossiers/${sub.code}/actions`, { type: 'answer', answer: 'Thông tin hộ tịch khớp với sổ gốc.' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', answeredBy: `cv.${COORDINATING}`, overdue: false });
    expect((await post(`cv.${COORDINATING}`, `/sub-dossiers/${sub.code}/actions`, { type: 'answer', answer: 'Lần hai' })).statusCode).toBe(409);
    expect((await act(`ld.${AGENCY}`, parent.code, { type: 'approve' })).statusCode).toBe(409); // the second is still open

    expect((await post(`cv.${AGENCY}`, `/sub-dossiers/${second.code}/actions`, { type: 'close' })).statusCode).toBe(400);
    expect((await post(`cv.${AGENCY}`, `/sub-dossiers/${second.code}/actions`, { type: 'close', reason: 'Đã có kết quả xác minh từ cơ sở dữ liệu dân cư' })).statusCode).toBe(200);
    const approved = await act(`ld.${AGENCY}`, parent.code, { type: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);

    const view = await dossier(parent.code);
    expect(view.subDossiers.map((s: { status: string }) => s.status)).toEqual(['answered', 'closed']);
    expect(view.timeline.map((t: { type: string }) => t.type)).toEqual(expect.arrayContaining(['sub_dossier_opened', 'sub_dossier_assigned', 'sub_dossier_answered', 'sub_dossier_closed']));
    const dossiersAfter = Number((await handle.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(dossiersAfter).toBe(dossiersBefore);
    const listed = (await get(`ld.${AGENCY}`, '/dossiers?limit=200')).json();
    expect(listed.items.every((i: { code: string }) => !i.code.includes('-LT'))).toBe(true);
  });

  it("gives the leader the unit's work per officer, overdue, due soon and unassigned", async () => {
    newDay('2025-03-03T09:00:00+07:00');
    const a = await intake('tn.CN724');
    const b = await intake('tn.CN724');
    await act('tn.CN724', a.code, { type: 'transfer' });
    await act('tn.CN724', b.code, { type: 'transfer' });
    await act(`ld.${AGENCY}`, a.code, { type: 'assign', assignee: `cv.${AGENCY}` });
    expect((await get(`cv.${AGENCY}`, '/desk/workload')).statusCode).toBe(403);
    const work = (await get(`ld.${AGENCY}`, '/desk/workload')).json();
    expect(work.unitCode).toBe(AGENCY);
    const officer = work.officers.find((o: { username: string }) => o.username === `cv.${AGENCY}`);
    expect(officer.open).toBeGreaterThanOrEqual(1);
    expect(work.items.find((i: { code: string }) => i.code === b.code)).toMatchObject({ awaitingAssignment: true, handlerUsername: null, currentStep: 'assign' });
    expect(work.items.find((i: { code: string }) => i.code === a.code)).toMatchObject({ awaitingAssignment: false, handlerUsername: `cv.${AGENCY}` });
    expect(work.unassigned.open).toBeGreaterThanOrEqual(1);
    expect(work.totals.open).toBe(work.items.length);
    expect(work.totals.overdue).toBe(work.items.filter((i: { overdue: boolean }) => i.overdue).length);
    // Older dossiers of the unit are overdue by now; the inbox filter agrees with the view.
    const overdue = (await get(`ld.${AGENCY}`, '/dossiers?overdue=true&limit=200')).json();
    expect(overdue.total).toBe(work.totals.overdue);
    expect((await get(`ld.${AGENCY}`, `/desk/workload?unitCode=CN724`)).statusCode).toBe(403);
  });
});
