// The heart of motcua through the contract API, on each engine: a location-free dossier filed at a
// Branch for a resident of another district reaches the commune that decides it, is processed with a
// supplement request, approved, returned at the point the citizen chose, and followed publicly —
// with gap-free codes under concurrency, idempotent retries, one-winner conflicts and scoped access.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

const AN_LINH = '25861'; // Xã An Linh, Phú Giáo (722)

describe.each(ENGINES)('dossiers on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock('2024-12-05T09:00:00+07:00');
  const tokens = new Map<string, string>();
  let procedureCode: string;
  let keyCounter = 0;

  const token = async (username: string) => {
    if (!tokens.has(username)) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      expect(res.statusCode, res.body).toBe(200);
      tokens.set(username, res.json().token);
    }
    return { authorization: `Bearer ${tokens.get(username)}` };
  };
  const citizen = (overrides: Record<string, unknown> = {}) => ({
    kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '074090001234', phone: '0912345678', address: { communeCode: AN_LINH }, ...overrides,
  });
  const intake = async (username: string, body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: await token(username), payload: { procedureCode, applicant: citizen(), idempotencyKey: `intake-${++keyCounter}-key`, ...body } });
  const act = async (username: string, code: string, body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: await token(username), payload: { idempotencyKey: `act-${++keyCounter}-key`, ...body } });

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const ctx = testContext(handle, clock);
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    const list = (await app.inject({ url: '/api/v1/procedures?level=commune&locationFree=true&at=2024-12-05&q=khai%20sinh&limit=50' })).json();
    const candidate = list.items.find((p: { processingDays: number | null }) => p.processingDays !== null && p.processingDays >= 3);
    expect(candidate, JSON.stringify(list.items.slice(0, 3))).toBeDefined();
    procedureCode = candidate.code;
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('files, processes, supplements, approves and returns a location-free dossier, followed publicly', async () => {
    const filed = await intake('tn.CN724', { returnUnitCode: `DTN${AN_LINH}` });
    expect(filed.statusCode, filed.body).toBe(201);
    const dossier = filed.json();
    expect(dossier).toMatchObject({ status: 'received', receivingUnitCode: 'CN724', competentUnitCode: `UBX${AN_LINH}`, returnUnitCode: `DTN${AN_LINH}`,
      receivedAt: '2024-12-05T09:00:00+07:00' });
    expect(dossier.code).toMatch(/-241205-0001$/);
    expect(Date.parse(dossier.dueAt)).toBeGreaterThan(Date.parse(dossier.receivedAt));
    const code = dossier.code as string;

    const steps: Array<[string, Record<string, unknown>, string]> = [
      ['tn.CN724', { type: 'transfer' }, 'transferred'],
      [`ld.UBX${AN_LINH}`, { type: 'assign', assignee: `cv.UBX${AN_LINH}` }, 'processing'],
      [`cv.UBX${AN_LINH}`, { type: 'request_supplement', reason: 'Thiếu bản sao giấy chứng nhận kết hôn của cha mẹ.' }, 'awaiting_supplement'],
      ['tn.CN724', { type: 'receive_supplement', note: 'Công dân nộp bổ sung tại Chi nhánh Dĩ An' }, 'processing'],
      [`ld.UBX${AN_LINH}`, { type: 'approve' }, 'approved'],
      [`cv.UBX${AN_LINH}`, { type: 'record_result', resultNumber: '123/GKS', signer: 'Chủ tịch UBND xã An Linh', signedAt: '2024-12-05T15:00:00+07:00' }, 'result_ready'],
      [`tn.DTN${AN_LINH}`, { type: 'return_result', method: 'counter', recipientName: 'Nguyễn Văn An' }, 'returned'],
    ];
    for (const [username, body, status] of steps) {
      clock.advance(60 * 60_000);
      const res = await act(username, code, body);
      expect(res.statusCode, `${String(body.type)}: ${res.body}`).toBe(200);
      expect(res.json().status).toBe(status);
    }

    const view = (await app.inject({ url: `/api/v1/dossiers/${code}`, headers: await token(`ld.UBX${AN_LINH}`) })).json();
    expect(view.status).toBe('returned');
    expect(view).toMatchObject({ receivingUnitName: 'Chi nhánh Dĩ An', competentUnitName: 'Ủy ban nhân dân xã An Linh', returnUnitName: 'Điểm tiếp nhận Xã An Linh' });
    expect(view.timeline.map((t: { toStatus: string }) => t.toStatus)).toEqual(['received', ...steps.map((s) => s[2])]);
    expect(view.timeline[2]).toMatchObject({ actorUsername: `ld.UBX${AN_LINH}`, actorUnitCode: `UBX${AN_LINH}`, actorRoles: ['leader'] });
    expect(view.clock.phase).toBe('finished');

    const lookup = await app.inject({ url: `/api/v1/public/dossiers/${code}?phone=0912345678` });
    expect(lookup.statusCode, lookup.body).toBe(200);
    const pub = lookup.json();
    expect(pub).toMatchObject({ code, status: 'returned', applicantInitials: 'N.V.A.', returnedAt: expect.any(String) });
    expect(pub.steps).toHaveLength(8);
    expect(JSON.stringify(pub)).not.toContain('074090001234');
    expect(JSON.stringify(pub)).not.toContain('Nguyễn Văn An');
    expect((await app.inject({ url: `/api/v1/public/dossiers/${code}?phone=0999999999` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/v1/public/dossiers/${code}?idNumber=074090001234` })).statusCode).toBe(200);
  });

  it('refuses bad applicants naming the field, and changes nothing', async () => {
    const before = await handle.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const badId = await intake('tn.CN724', { applicant: citizen({ idNumber: '12345' }) });
    expect(badId.statusCode).toBe(400);
    expect(JSON.stringify(badId.json().error)).toContain('applicant.idNumber');
    const badCommune = await intake('tn.CN724', { applicant: citizen({ address: { communeCode: '99999' } }) });
    expect(badCommune.statusCode).toBe(400);
    const unknown = await intake('tn.CN724', { procedureCode: 'NO.SUCH' });
    expect(unknown.json().error.code).toBe('UNKNOWN_PROCEDURE');
    const notReception = await intake(`cv.UBX${AN_LINH}`, {});
    expect(notReception.statusCode).toBe(403);
    const after = await handle.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('answers a retried intake with the first answer', async () => {
    const body = { procedureCode, applicant: citizen({ fullName: 'Trần Thị Bình' }), idempotencyKey: 'same-intake-key-1' };
    const headers = await token('tn.CN718');
    const first = await app.inject({ method: 'POST', url: '/api/v1/dossiers', headers, payload: body });
    const second = await app.inject({ method: 'POST', url: '/api/v1/dossiers', headers, payload: body });
    expect(first.statusCode, first.body).toBe(201);
    expect(second.json()).toEqual(first.json());
    const rows = await handle.db.selectFrom('dossiers').select('code').where('receiving_unit_code', '=', 'CN718').execute();
    expect(rows).toHaveLength(1);
  });

  it('keeps officers to their units and logs the denial', async () => {
    const { code } = (await intake('tn.CN724', {})).json();
    const outsider = await app.inject({ url: `/api/v1/dossiers/${code}`, headers: await token('tn.CN719') });
    expect(outsider.statusCode).toBe(403);
    const denied = await handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'dossier.access_denied').where('entity_id', '=', code).execute();
    expect(denied).toHaveLength(1);
    expect((await act('tn.CN719', code, { type: 'transfer' })).statusCode).toBe(403);
    const branchManager = await app.inject({ url: `/api/v1/dossiers/${code}`, headers: await token('gd.CN724') });
    expect(branchManager.statusCode).toBe(200);
    const wrongStep = await act(`ld.UBX${AN_LINH}`, code, { type: 'approve' });
    expect(wrongStep.statusCode).toBe(409);
    expect(wrongStep.json().error.message.length).toBeGreaterThan(10);
  });

  it('gives 50 concurrent intakes at one counter gap-free codes', async () => {
    clock.set('2024-12-06T08:00:00+07:00');
    tokens.clear(); // a new working day: yesterday's sessions have expired
    const names = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Lan', 'Minh', 'Nam'];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => intake('tn.DTN25741', { applicant: citizen({ fullName: `Lê ${names[i % 10]} ${names[Math.floor(i / 10)]}` }) })),
    );
    expect(results[0]!.statusCode, results[0]!.body).toBe(201);
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const sequences = results.map((r) => Number((r.json().code as string).split('-').pop())).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.json().code)).size).toBe(50);
  }, 120_000);

  it('lets exactly one of two conflicting actions win', async () => {
    const { code } = (await intake('tn.CN724', {})).json();
    await act('tn.CN724', code, { type: 'transfer' });
    await act(`ld.UBX${AN_LINH}`, code, { type: 'assign', assignee: `cv.UBX${AN_LINH}` });
    const [approve, reject] = await Promise.all([
      act(`ld.UBX${AN_LINH}`, code, { type: 'approve' }),
      act(`ld.UBX${AN_LINH}`, code, { type: 'reject', reason: 'Hồ sơ không đủ điều kiện theo quy định.' }),
    ]);
    expect([approve.statusCode, reject.statusCode].sort()).toEqual([200, 409]);
    const actions = await handle.db.selectFrom('dossier_actions').select('type').where('dossier_code', '=', code).execute();
    expect(actions).toHaveLength(4);
  });

  it('shows which running dossiers a declared holiday moves, and moves them when confirmed', async () => {
    const { code } = (await intake('tn.CN724', {})).json();
    const before = (await app.inject({ url: `/api/v1/dossiers/${code}`, headers: await token('tn.CN724') })).json();
    const dueDay = (before.dueAt as string).slice(0, 10);
    const year = (await app.inject({ url: '/api/v1/calendar/years/2024' })).json();
    const edit = { status: 'official', nonWorkingWeekdays: [...year.nonWorkingWeekdays, dueDay], makeupWorkingSaturdays: year.makeupWorkingSaturdays,
      reason: 'Thử nghiệm: ngày nghỉ được công bố sau khi đã tiếp nhận hồ sơ' };
    const put = async (confirm: boolean) => app.inject({ method: 'PUT', url: '/api/v1/admin/calendar/years/2024', headers: await token('admin'), payload: { ...edit, confirm } });

    const preview = (await put(false)).json();
    const mine = preview.affectedDossiers.find((d: { code: string }) => d.code === code);
    expect(mine, JSON.stringify(preview)).toBeDefined();
    expect(Date.parse(mine.dueAfter)).toBeGreaterThan(Date.parse(mine.dueBefore));
    expect(preview.affectedDossiers.map((d: { code: string }) => d.code)).not.toContain(
      (await handle.db.selectFrom('dossiers').select('code').where('status', '=', 'returned').executeTakeFirstOrThrow()).code,
    );
    expect((await app.inject({ url: `/api/v1/dossiers/${code}`, headers: await token('tn.CN724') })).json().dueAt).toBe(before.dueAt);

    const applied = (await put(true)).json();
    expect(applied.applied).toBe(true);
    expect(applied.affectedCount).toBe(preview.affectedCount);
    const after = (await app.inject({ url: `/api/v1/dossiers/${code}`, headers: await token('tn.CN724') })).json();
    expect(after.dueAt).toBe(mine.dueAfter);
    expect(after.clock.dueAt).toBe(mine.dueAfter);
  });

  it("moves only the receiving unit's dossiers when that unit closes for a day", async () => {
    const atDiAn = (await intake('tn.CN724', {})).json();
    const elsewhere = (await intake('tn.CN718', { idempotencyKey: 'elsewhere-intake-1' })).json();
    const closedDay = (atDiAn.dueAt as string).slice(0, 10);
    const put = async (confirm: boolean) => app.inject({ method: 'PUT', url: '/api/v1/admin/calendar/units/CN724', headers: await token('admin'),
      payload: { extraDaysOff: [closedDay], reason: 'Chi nhánh Dĩ An tạm đóng cửa để sửa chữa trụ sở', confirm } });
    const preview = (await put(false)).json();
    const codes = preview.affectedDossiers.map((d: { code: string }) => d.code);
    expect(codes).toContain(atDiAn.code);
    expect(codes).not.toContain(elsewhere.code);
    const saved = (await put(true)).json();
    expect(saved.applied).toBe(true);
    const after = (await app.inject({ url: `/api/v1/dossiers/${atDiAn.code}`, headers: await token('tn.CN724') })).json();
    expect(Date.parse(after.dueAt)).toBeGreaterThan(Date.parse(atDiAn.dueAt));
    const untouched = (await app.inject({ url: `/api/v1/dossiers/${elsewhere.code}`, headers: await token('tn.CN718') })).json();
    expect(untouched.dueAt).toBe(elsewhere.dueAt);
  });
});
