// Appointments, "where to go now" and queue statistics through the API, on each engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

const POINT = 'DTN25861'; // Xã An Linh, Phú Giáo (722)
const PHONE = '0912345678';

describe.each(ENGINES)('appointments, where to go and statistics on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock('2024-12-05T09:00:00+07:00');
  let token = '';
  let address = 0;

  const take = (body: Record<string, unknown>, unit = POINT) =>
    app.inject({ method: 'POST', url: `/api/v1/queue/${unit}/tickets`, payload: body, remoteAddress: `10.2.0.${++address % 250}` });
  const book = (slotStart: string, extra: Record<string, unknown> = {}) =>
    app.inject({ method: 'POST', url: `/api/v1/queue/${POINT}/appointments`, payload: { serviceGroup: 'HT', slotStart, fullName: 'Trần Thị Bình', phone: PHONE, ...extra } });
  const staff = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
    return { authorization: `Bearer ${res.json().token}` };
  };

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const ctx = testContext(handle, clock);
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('offers slots from the unit calendar, none on a Sunday or a holiday, and fills them up to capacity', async () => {
    const friday = (await app.inject({ url: `/api/v1/queue/${POINT}/appointment-slots?serviceGroup=HT&date=2024-12-06` })).json();
    expect(friday.items).toHaveLength(16);
    expect(friday.items[0]).toMatchObject({ start: '2024-12-06T07:30:00+07:00', end: '2024-12-06T08:00:00+07:00', capacity: 4, available: 4 });
    for (const closed of ['2024-12-08', '2025-01-01']) {
      expect((await app.inject({ url: `/api/v1/queue/${POINT}/appointment-slots?serviceGroup=HT&date=${closed}` })).json().items).toEqual([]);
    }
    // Today: only slots that have not started.
    const today = (await app.inject({ url: `/api/v1/queue/${POINT}/appointment-slots?serviceGroup=HT&date=2024-12-05` })).json();
    expect(today.items[0].start).toBe('2024-12-05T09:30:00+07:00');

    const holiday = await book('2025-01-01T09:00:00+07:00');
    expect(holiday.statusCode).toBe(400);
    expect(holiday.json().error.code).toBe('NO_SUCH_SLOT');
    expect((await book('2024-12-06T09:10:00+07:00')).json().error.code).toBe('NO_SUCH_SLOT'); // not a slot boundary
    expect((await book('2024-12-05T08:00:00+07:00')).json().error.code).toBe('SLOT_IN_PAST');
    expect((await book('2024-12-06T09:00:00+07:00', { phone: '12' })).json().error.code).toBe('INVALID_PHONE');

    const codes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await book('2024-12-06T09:00:00+07:00', { idempotencyKey: `booking-key-${i}` });
      expect(res.statusCode, res.body).toBe(201);
      codes.push(res.json().code);
    }
    expect((await book('2024-12-06T09:00:00+07:00', { idempotencyKey: 'booking-key-0' })).json().code).toBe(codes[0]); // a retry, not a fifth
    const full = await book('2024-12-06T09:00:00+07:00');
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('SLOT_FULL');
    const after = (await app.inject({ url: `/api/v1/queue/${POINT}/appointment-slots?serviceGroup=HT&date=2024-12-06` })).json();
    expect(after.items.find((s: { start: string }) => s.start === '2024-12-06T09:00:00+07:00')).toMatchObject({ booked: 4, available: 0 });

    // Cancel one: its place opens again.
    expect((await app.inject({ method: 'POST', url: `/api/v1/queue/${POINT}/appointments/${codes[3]}/cancel`, payload: { phone: PHONE } })).json().status).toBe('cancelled');
    expect((await book('2024-12-06T09:00:00+07:00')).statusCode).toBe(201);
  });

  it('checks in on the day: the booking becomes a ticket ranked at its slot time', async () => {
    const booked = (await book('2024-12-06T10:00:00+07:00')).json();
    const checkIn = (phone = PHONE) => app.inject({ method: 'POST', url: `/api/v1/queue/${POINT}/appointments/${booked.code}/check-in`, payload: { phone } });
    expect((await checkIn()).json().error.code).toBe('NOT_APPOINTMENT_DAY');
    clock.set('2024-12-06T09:50:00+07:00');
    const walkIn = (await take({ serviceGroup: 'HT' })).json();
    clock.set('2024-12-06T09:55:00+07:00');
    expect((await checkIn('0900000000')).statusCode).toBe(404);
    const ticket = await checkIn();
    expect(ticket.statusCode, ticket.body).toBe(200);
    expect(ticket.json()).toMatchObject({ number: 'A-002', status: 'waiting', waitingAhead: 1 });
    clock.set('2024-12-06T09:57:00+07:00');
    const later = (await take({ serviceGroup: 'HT' })).json();
    expect(later.waitingAhead).toBe(1); // the appointment (ranked 10:00) comes after this 09:57 walk-in
    expect((await checkIn()).json().id).toBe(ticket.json().id); // a second check-in shows the same ticket
    token = (await staff(`tn.${POINT}`)).authorization; // a new working day, a new session
    const called = (await app.inject({ method: 'POST', url: `/api/v1/queue/${POINT}/counters/1/call-next`, headers: { authorization: token } })).json();
    expect(called.ticket.id).toBe(walkIn.id);
  });

  it('ranks open points for a group by travel plus estimated wait from a chosen commune', async () => {
    clock.set('2024-12-06T10:30:00+07:00');
    for (let i = 0; i < 12; i++) await take({ serviceGroup: 'DD' });
    const res = await app.inject({ url: '/api/v1/queue/where?serviceGroup=DD&communeCode=25861&limit=200' });
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json();
    expect(answer.districtCode).toBe('722');
    expect(answer.distanceBasis).toContain('trung tâm các huyện');
    expect(answer.items).toHaveLength(101); // the Center, 9 Branches, 91 Reception Points
    expect(answer.items[0]).toMatchObject({ unitCode: 'CN722', proximity: 'same_district', travelMinutes: 10, estimatedWaitMinutes: 0, totalMinutes: 10 });
    const home = answer.items.find((p: { unitCode: string }) => p.unitCode === POINT);
    // One officer is signed in there (counter 1): 12 people × 8 min (no serving history yet) at one counter.
    expect(home).toMatchObject({ proximity: 'same_commune', waiting: 12, estimatedWaitMinutes: 96, totalMinutes: 96 });
    const totals = answer.items.map((p: { totalMinutes: number }) => p.totalMinutes);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    const center = answer.items.find((p: { unitCode: string }) => p.unitCode === 'TT74');
    expect(center.districtCode).toBe('718');
    expect((await app.inject({ url: '/api/v1/queue/where?serviceGroup=DD&communeCode=99999' })).json().error.code).toBe('UNKNOWN_COMMUNE');

    clock.set('2024-12-06T19:00:00+07:00');
    const closed = (await app.inject({ url: '/api/v1/queue/where?serviceGroup=DD&communeCode=25861' })).json();
    expect(closed.items.every((p: { open: boolean; totalMinutes: null }) => !p.open && p.totalMinutes === null)).toBe(true);
  });

  it('reports waiting and serving times, no-shows and tickets per hour, scoped to the officer', async () => {
    clock.set('2024-12-09T08:00:00+07:00');
    token = (await staff(`tn.${POINT}`)).authorization;
    const a = (await take({ serviceGroup: 'KD' })).json();
    const b = (await take({ serviceGroup: 'KD' })).json();
    clock.advance(10 * 60_000);
    const call = async () => (await app.inject({ method: 'POST', url: `/api/v1/queue/${POINT}/counters/2/call-next`, headers: { authorization: token } })).json();
    expect((await call()).ticket.id).toBe(a.id); // waited 10 min
    clock.advance(4 * 60_000);
    expect((await call()).ticket.id).toBe(b.id); // a served 4 min; b waited 14 min
    await app.inject({ method: 'POST', url: `/api/v1/queue/${POINT}/tickets/${b.id}/actions`, headers: { authorization: token }, payload: { type: 'no_show', counter: '2' } });

    const stats = await app.inject({ url: `/api/v1/queue/stats?unitCode=${POINT}&from=2024-12-09&to=2024-12-10&by=group`, headers: { authorization: token } });
    expect(stats.statusCode, stats.body).toBe(200);
    expect(stats.json().workingHours).toBe(8);
    expect(stats.json().items).toEqual([{ key: 'KD', tickets: 2, called: 2, served: 1, noShows: 1, avgWaitSeconds: 720, p90WaitSeconds: 816, maxWaitSeconds: 840,
      avgServeSeconds: 240, ticketsPerWorkingHour: 0.25 }]);
    const byOfficer = (await app.inject({ url: `/api/v1/queue/stats?unitCode=${POINT}&from=2024-12-09&to=2024-12-10&by=officer`, headers: { authorization: token } })).json();
    expect(byOfficer.items.map((r: { key: string }) => r.key)).toEqual([`tn.${POINT}`]);
    const byHour = (await app.inject({ url: `/api/v1/queue/stats?unitCode=${POINT}&from=2024-12-09&to=2024-12-10&by=hour`, headers: { authorization: token } })).json();
    expect(byHour.items.map((r: { key: string; tickets: number }) => [r.key, r.tickets])).toEqual([['08', 2]]);
    // The Branch of Phú Giáo sees its points; another Branch does not.
    expect((await app.inject({ url: `/api/v1/queue/stats?unitCode=CN722&from=2024-12-09&to=2024-12-10&by=counter`, headers: await staff('gd.CN722') })).json().items[0].key).toBe(`${POINT}/2`);
    expect((await app.inject({ url: `/api/v1/queue/stats?unitCode=${POINT}&from=2024-12-09&to=2024-12-10`, headers: await staff('gd.CN724') })).statusCode).toBe(403);
  });
});
