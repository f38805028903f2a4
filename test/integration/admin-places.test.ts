// Administration of places through the admin routes, on each engine: unit profiles and office hours
// (bad input refused naming the field, nothing half-saved; a Branch admin limited to its subtree), and
// queue settings the engine then follows — a new prefix numbers the next ticket, a new capacity sizes
// the bookable slots, new priority weights reorder the calls, an officer's counter assignment is kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import { subtreeCodesOf } from '../../src/store/units.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

const BRANCH = 'CN718';
const POINT = 'DTN25741'; // Điểm tiếp nhận Phường Hiệp Thành, under the Thủ Dầu Một Branch

describe.each(ENGINES)('administration of units and queues on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock('2024-12-05T09:00:00+07:00'); // a Thursday morning: the units are open
  const tokens = new Map<string, string>();
  let address = 0;

  const auth = async (username: string, password = DEMO_PASSWORD) => {
    if (!tokens.has(username)) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      expect(res.statusCode, res.body).toBe(200);
      tokens.set(username, res.json().token);
    }
    return { authorization: `Bearer ${tokens.get(username)}` };
  };
  const send = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown, username = 'admin') =>
    app.inject({ method, url: `/api/v1${url}`, headers: await auth(username), ...(payload === undefined ? {} : { payload: payload as object }) });
  const audits = (action: string, entityId: string) =>
    handle.db.selectFrom('audit_log').select(['actor_username', 'details']).where('action', '=', action).where('entity_id', '=', entityId).orderBy('id').execute();
  const take = (serviceGroup: string, priority = 'normal') =>
    app.inject({ method: 'POST', url: `/api/v1/queue/${POINT}/tickets`, payload: { serviceGroup, priority }, remoteAddress: `10.9.0.${++address}` });

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const ctx = testContext(handle, clock);
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    const created = await send('POST', '/admin/users', { username: 'qt.cn718', fullName: 'Quản trị Chi nhánh', unitCode: BRANCH, roles: ['admin'], password: 'mat-khau-rat-dai' });
    expect(created.statusCode, created.body).toBe(201);
    await auth('qt.cn718', 'mat-khau-rat-dai');
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('lists the units of the admin\'s subtree with their profile and office hours', async () => {
    const all = (await send('GET', '/admin/units')).json().items as Array<{ code: string; parentCode: string | null; officeHours: unknown; effectiveAgencyIdentifier: string | null }>;
    const branch = (await send('GET', '/admin/units', undefined, 'qt.cn718')).json().items as typeof all;
    expect(all.length).toBeGreaterThan(branch.length);
    expect(new Set(branch.map((u) => u.code))).toEqual(new Set((await subtreeCodesOf(handle.db, BRANCH)).filter((c) => all.some((u) => u.code === c))));
    const point = branch.find((u) => u.code === POINT)!;
    expect(point.parentCode).toBe(BRANCH);
    expect(point.effectiveAgencyIdentifier).toMatch(/^\d{3}\.\d{2}\.03\.H74$/);
    expect(point.officeHours).toMatchObject({ workingPeriods: [{ start: '07:30', end: '11:30' }, { start: '13:00', end: '17:00' }] });
    expect((await send('GET', '/admin/units', undefined, `tn.${POINT}`)).statusCode).toBe(403);
  });

  it('edits a unit\'s profile and hours in one audited change, and refuses bad input naming the field', async () => {
    const before = await handle.db.selectFrom('units').selectAll().where('code', '=', POINT).executeTakeFirstOrThrow();
    const bad: Array<[Record<string, unknown>, string, string]> = [
      [{ agencyIdentifier: '000.00.3.H74' }, 'INVALID_AGENCY_IDENTIFIER', 'agencyIdentifier'],
      [{ name: '   ' }, 'REQUIRED', 'name'],
      [{ latitude: 95, longitude: 106.6 }, 'LATITUDE_OUT_OF_RANGE', 'latitude'],
      [{ latitude: 10.98 }, 'INCOMPLETE_POSITION', 'longitude'],
      [{ email: 'khong-phai-thu' }, 'INVALID_EMAIL', 'email'],
      [{ displayScreens: [{ code: 'S1', name: 'Sảnh' }, { code: 's1', name: 'Trùng' }] }, 'DUPLICATE_SCREEN_CODE', 'displayScreens[1].code'],
    ];
    for (const [patch, code, field] of bad) {
      // Good fields in the same request are not half-saved.
      const res = await send('PATCH', `/admin/units/${POINT}`, { address: 'Địa chỉ mới không được lưu', ...patch });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code, details: { field } });
    }
    const hours = await send('PATCH', `/admin/units/${POINT}`, { phone: '0274 3822 111',
      officeHours: { workingPeriods: [{ start: '07:30', end: '11:30' }, { start: '13:00', end: '12:00' }], saturdayReception: { enabled: false, periods: [] } } });
    expect(hours.statusCode, hours.body).toBe(400);
    expect(hours.json().error.message).toContain('workingPeriods[1].end');
    expect(await handle.db.selectFrom('units').selectAll().where('code', '=', POINT).executeTakeFirstOrThrow()).toEqual(before);
    expect(await audits('unit.update', POINT)).toEqual([]);

    const res = await send('PATCH', `/admin/units/${POINT}`, {
      name: 'Điểm tiếp nhận Phường Hiệp Thành (mới)', address: '12 Hiệp Thành, Thủ Dầu Một', phone: '0274 3822 111', email: 'hiepthanh@binhduong.gov.vn',
      latitude: 10.9982, longitude: 106.6711, agencyIdentifier: '417.25.03.h74', displayScreens: [{ code: 'S1', name: 'Màn hình sảnh chờ' }],
      officeHours: { workingPeriods: [{ start: '07:00', end: '11:30' }, { start: '13:00', end: '16:30' }], saturdayReception: { enabled: true, periods: [{ start: '07:30', end: '11:30' }] } },
    }, 'qt.cn718');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Điểm tiếp nhận Phường Hiệp Thành (mới)', agencyIdentifier: '417.25.03.H74', effectiveAgencyIdentifier: '417.25.03.H74',
      latitude: 10.9982, ownOfficeHours: true, officeHours: { saturdayReception: { enabled: true } } });
    // The unit's calendar follows: a Saturday morning now has appointment slots, 16:30 closes the day.
    const saturday = (await app.inject({ url: `/api/v1/queue/${POINT}/appointment-slots?serviceGroup=HT&date=2024-12-07` })).json().items;
    expect(saturday.length).toBeGreaterThan(0);
    const friday = (await app.inject({ url: `/api/v1/queue/${POINT}/appointment-slots?serviceGroup=HT&date=2024-12-06` })).json().items as Array<{ end: string }>;
    expect(friday.at(-1)!.end).toBe('2024-12-06T16:30:00+07:00');

    const [entry] = await audits('unit.update', POINT);
    expect(entry!.actor_username).toBe('qt.cn718');
    expect(entry!.details).toMatchObject({ before: { name: before.name, agencyIdentifier: null, phone: null }, after: { agencyIdentifier: '417.25.03.H74', phone: '0274 3822 111',
      officeHours: { saturdayReception: { enabled: true } } } });

    // Another unit may not take the same identifier: its dossier codes would mix with this one's.
    const sibling = (await handle.db.selectFrom('units').select('code').where('parent_code', '=', BRANCH).where('code', '<>', POINT).where('valid_to', 'is', null).executeTakeFirstOrThrow()).code;
    const taken = await send('PATCH', `/admin/units/${sibling}`, { agencyIdentifier: '417.25.03.H74' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('AGENCY_IDENTIFIER_TAKEN');
  });

  it('keeps a Branch admin to its subtree', async () => {
    const outside = (await handle.db.selectFrom('units').select('code').where('type', '=', 'reception_point').where('parent_code', '<>', BRANCH).executeTakeFirstOrThrow()).code;
    for (const [method, url, body] of [['PATCH', `/admin/units/${outside}`, { phone: '0274 000 000' }], ['GET', `/admin/queues/${outside}`, undefined],
      ['POST', `/admin/queues/${outside}/counters`, { code: '9', name: 'Quầy 9', serviceGroups: ['HT'] }]] as const) {
      const res = await send(method, url, body, 'qt.cn718');
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('OUT_OF_SCOPE');
    }
    expect((await send('PATCH', `/admin/units/${BRANCH}`, { phone: '0274 000 001' }, 'qt.cn718')).statusCode).toBe(200);
  });

  it('numbers the next ticket with an edited prefix, refusing a prefix another group uses', async () => {
    const first = (await take('HT')).json();
    expect(first.number).toMatch(/^A-\d{3}$/);
    const clash = await send('PATCH', `/admin/queues/${POINT}/service-groups/HT`, { prefix: 'B' }, 'qt.cn718');
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({ code: 'PREFIX_TAKEN', details: { field: 'prefix', serviceGroup: 'DD' } });
    expect((await send('PATCH', `/admin/queues/${POINT}/service-groups/HT`, { prefix: 'a1' }, 'qt.cn718')).json().error.code).toBe('INVALID_PREFIX');
    const ok = await send('PATCH', `/admin/queues/${POINT}/service-groups/HT`, { prefix: 'HT', name: 'Hộ tịch – khai sinh, kết hôn' }, 'qt.cn718');
    expect(ok.statusCode, ok.body).toBe(200);
    const next = (await take('HT')).json();
    expect(next.number).toBe(`HT-${String(Number(first.number.slice(2)) + 1).padStart(3, '0')}`);
    expect(next.serviceGroupName).toBe('Hộ tịch – khai sinh, kết hôn');
    const [entry] = await audits('queue.service_group.update', `${POINT}/HT`);
    expect(entry!.details).toMatchObject({ before: { prefix: 'A' }, after: { prefix: 'HT' } });
  });

  it('sizes the bookable slots with an edited capacity, and a retired group takes no tickets', async () => {
    const slots = async () => (await app.inject({ url: `/api/v1/queue/${POINT}/appointment-slots?serviceGroup=CT&date=2024-12-06` })).json().items as Array<{ capacity: number; available: number }>;
    expect((await slots())[0]).toMatchObject({ capacity: 4, available: 4 });
    expect((await send('PATCH', `/admin/queues/${POINT}/service-groups/CT`, { slotCapacity: -1 })).json().error.code).toBe('INVALID_SLOT_CAPACITY');
    expect((await send('PATCH', `/admin/queues/${POINT}/service-groups/CT`, { slotCapacity: 9 })).statusCode).toBe(200);
    expect((await slots())[0]).toMatchObject({ capacity: 9, available: 9 });

    const created = await send('POST', `/admin/queues/${POINT}/service-groups`, { code: 'BH', name: 'Bảo hiểm xã hội', prefix: 'F', slotCapacity: 2 });
    expect(created.statusCode, created.body).toBe(201);
    expect((await take('BH')).json().number).toBe('F-001');
    // Someone waits in it: it cannot retire yet.
    const busy = await send('PATCH', `/admin/queues/${POINT}/service-groups/BH`, { active: false });
    expect(busy.json().error.code).toBe('GROUP_HAS_TICKETS');
    await handle.db.updateTable('queue_tickets').set({ status: 'no_show' }).where('unit_code', '=', POINT).where('service_group', '=', 'BH').execute();
    expect((await send('PATCH', `/admin/queues/${POINT}/service-groups/BH`, { active: false })).statusCode).toBe(200);
    expect((await take('BH')).json().error.code).toBe('UNKNOWN_SERVICE_GROUP');
    expect((await audits('queue.service_group.retire', `${POINT}/BH`))).toHaveLength(1);
  });

  it('orders calls by the unit\'s edited priority weights', async () => {
    await handle.db.updateTable('queue_tickets').set({ status: 'no_show' }).where('unit_code', '=', POINT).where('status', '=', 'waiting').execute();
    const counter = async (code: string) => send('POST', `/queue/${POINT}/counters/${code}/call-next`, undefined, `tn.${POINT}`);
    const normal = (await take('KD')).json();
    clock.advance(5 * 60_000);
    const elderly = (await take('KD', 'elderly')).json();
    // Default weights: the elderly ticket's 20-minute head start puts it first.
    expect((await counter('1')).json().ticket.number).toBe(elderly.number);
    await handle.db.updateTable('queue_tickets').set({ status: 'no_show' }).where('unit_code', '=', POINT).where('status', 'in', ['waiting', 'called']).execute();

    expect((await send('PUT', `/admin/queues/${POINT}/priority-policy`, { headStartMinutes: { elderly: 500 }, maxConsecutivePriority: 3 })).json().error.code).toBe('INVALID_HEAD_START');
    const set = await send('PUT', `/admin/queues/${POINT}/priority-policy`, { headStartMinutes: { elderly: 0, disability: 30 }, maxConsecutivePriority: 2 }, 'qt.cn718');
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().priority).toMatchObject({ custom: true, maxConsecutivePriority: 2, headStartMinutes: { elderly: 0, disability: 30 } });
    const normal2 = (await take('KD')).json();
    clock.advance(5 * 60_000);
    const elderly2 = (await take('KD', 'elderly')).json();
    // No head start for the elderly any more: first come, first called.
    expect((await counter('1')).json().ticket.number).toBe(normal2.number);
    expect((await counter('1')).json().ticket.number).toBe(elderly2.number);
    expect(normal.number).not.toBe(normal2.number);
    const [entry] = await audits('queue.priority_policy.update', POINT);
    expect(entry!.details).toMatchObject({ before: { default: true, headStartMinutes: { elderly: 20 } }, after: { headStartMinutes: { elderly: 0 }, maxConsecutivePriority: 2 } });
  });

  it('opens and closes counters, and keeps an officer to the counters and groups assigned', async () => {
    const bad = await send('POST', `/admin/queues/${POINT}/counters`, { code: '4', name: 'Quầy 4', serviceGroups: ['XX'] });
    expect(bad.json().error).toMatchObject({ code: 'UNKNOWN_SERVICE_GROUP', details: { field: 'serviceGroups' } });
    const opened = await send('POST', `/admin/queues/${POINT}/counters`, { code: '4', name: 'Quầy 4 – Chứng thực', serviceGroups: ['CT'] }, 'qt.cn718');
    expect(opened.statusCode, opened.body).toBe(201);
    expect((await app.inject({ url: `/api/v1/queue/${POINT}/counters`, headers: await auth(`tn.${POINT}`) })).json().items.map((c: { code: string }) => c.code)).toContain('4');

    const created = await send('POST', '/admin/users', { username: 'le.van.quay', fullName: 'Lê Văn Quầy', unitCode: POINT, roles: ['reception'], password: 'mat-khau-rat-dai' });
    expect(created.statusCode).toBe(201);
    expect((await send('PATCH', '/admin/users/le.van.quay', { counterCodes: ['99'] })).json().error).toMatchObject({ code: 'UNKNOWN_COUNTER', details: { field: 'counterCodes' } });
    const assigned = await send('PATCH', '/admin/users/le.van.quay', { counterCodes: ['4'], serviceGroups: ['CT'] }, 'qt.cn718');
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ counterCodes: ['4'], serviceGroups: ['CT'] });
    const [entry] = await audits('staff.update', 'le.van.quay');
    expect(entry!.details).toMatchObject({ before: { counterCodes: [] }, after: { counterCodes: ['4'], serviceGroups: ['CT'] } });

    const officer = await auth('le.van.quay', 'mat-khau-rat-dai');
    const elsewhere = await app.inject({ method: 'POST', url: `/api/v1/queue/${POINT}/counters/2/call-next`, headers: officer });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.code).toBe('COUNTER_NOT_ASSIGNED');
    const ticket = (await take('CT')).json();
    const call = await app.inject({ method: 'POST', url: `/api/v1/queue/${POINT}/counters/4/call-next`, headers: officer });
    expect(call.statusCode, call.body).toBe(200);
    expect(call.json().ticket.number).toBe(ticket.number);

    // Closing is refused while the officer sits there; once they leave, the counter closes.
    expect((await send('PATCH', `/admin/queues/${POINT}/counters/4`, { active: false })).json().error.code).toBe('COUNTER_OCCUPIED');
    await app.inject({ method: 'POST', url: `/api/v1/queue/${POINT}/tickets/${ticket.id}/actions`, headers: officer, payload: { type: 'finish', counter: '4' } });
    expect((await app.inject({ method: 'POST', url: `/api/v1/queue/${POINT}/counters/4/sign-out`, headers: officer })).statusCode).toBe(200);
    expect((await send('PATCH', `/admin/queues/${POINT}/counters/4`, { active: false })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: `/api/v1/queue/${POINT}/counters/4/call-next`, headers: officer })).statusCode).toBe(404);
    expect(await audits('queue.counter.close', `${POINT}/4`)).toHaveLength(1);
  });
});
