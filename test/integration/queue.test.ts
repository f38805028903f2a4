// Queue rules through the API, on each engine: the kiosk's ticket (numbering, daily reset, priority,
// closed unit, unknown group, double click, spamming kiosk), the counter console (call, recall, no-show,
// transfer keeping the number and history, park/resume, start → intake, finish), officers of another
// unit refused, the public status behind the QR code, and the live feed within and across instances.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import { QueueBus, queueBus, type QueueLiveEvent } from '../../src/services/queue-live.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';
import type { ServiceContext } from '../../src/services/context.ts';

const POINT = 'DTN25861'; // Điểm tiếp nhận Xã An Linh
const OFFICER = `tn.${POINT}`;

describe.each(ENGINES)('queues on %s', (engine) => {
  let handle: DatabaseHandle & { url?: string };
  let app: FastifyInstance;
  let ctx: ServiceContext;
  const clock = testClock('2024-12-05T09:00:00+07:00');
  const tokens = new Map<string, string>();
  let address = 0;

  const auth = async (username: string) => {
    if (!tokens.has(username)) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      expect(res.statusCode, res.body).toBe(200);
      tokens.set(username, res.json().token);
    }
    return { authorization: `Bearer ${tokens.get(username)}` };
  };
  const take = (body: Record<string, unknown>, unit = POINT, remoteAddress = `10.1.0.${++address % 250}`) =>
    app.inject({ method: 'POST', url: `/api/v1/queue/${unit}/tickets`, payload: body, remoteAddress });
  const callNext = async (counter: string, username = OFFICER, unit = POINT) =>
    app.inject({ method: 'POST', url: `/api/v1/queue/${unit}/counters/${counter}/call-next`, headers: await auth(username) });
  const act = async (id: string, body: Record<string, unknown>, username = OFFICER) =>
    app.inject({ method: 'POST', url: `/api/v1/queue/${POINT}/tickets/${id}/actions`, headers: await auth(username), payload: body });
  const history = async (id: string) =>
    (await handle.db.selectFrom('queue_ticket_events').select(['type', 'from_status', 'to_status', 'counter_code', 'actor_username', 'details']).where('ticket_id', '=', id).orderBy('id').execute());

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    ctx = testContext(handle, clock);
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('lists the unit\'s service groups publicly and its counters to staff (at least three, serving every group)', async () => {
    const services = await app.inject({ url: `/api/v1/queue/${POINT}/services` });
    expect(services.statusCode).toBe(200);
    expect(services.json().items.map((g: { name: string }) => g.name)).toEqual(['Hộ tịch', 'Đất đai', 'Kinh doanh', 'Chứng thực', 'Tổng hợp']);
    expect((await app.inject({ url: `/api/v1/queue/${POINT}/counters` })).statusCode).toBe(401);
    for (const unit of ['TT74', 'CN724', POINT]) {
      const counters = await app.inject({ url: `/api/v1/queue/${unit}/counters`, headers: await auth('admin') });
      expect(counters.statusCode, counters.body).toBe(200);
      expect(counters.json().items.length).toBeGreaterThanOrEqual(3);
      for (const c of counters.json().items) expect(c.serviceGroups).toEqual(['HT', 'DD', 'KD', 'CT', 'TH']);
    }
    expect((await app.inject({ url: '/api/v1/queue/UBX25861/services' })).json().error.code).toBe('NOT_A_RECEPTION_UNIT');
    expect((await app.inject({ url: '/api/v1/queue/NOPE/services' })).statusCode).toBe(404);
  });

  it('numbers tickets per group with its prefix, counts the people ahead and answers a double click with the same ticket', async () => {
    const first = await take({ serviceGroup: 'HT', idempotencyKey: 'kiosk-click-0001' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ number: 'A-001', serviceGroup: 'HT', serviceGroupName: 'Hộ tịch', unitCode: POINT, waitingAhead: 0, priority: 'normal' });
    const again = await take({ serviceGroup: 'HT', idempotencyKey: 'kiosk-click-0001' });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const second = await take({ serviceGroup: 'HT' });
    expect(second.json()).toMatchObject({ number: 'A-002', waitingAhead: 1 });
    expect(second.json().estimatedWaitMinutes).toBeGreaterThan(0);
    const land = await take({ serviceGroup: 'DD' });
    expect(land.json()).toMatchObject({ number: 'B-001', waitingAhead: 0 });
    const count = await handle.db.selectFrom('queue_tickets').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_code', '=', POINT).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });

  it('refuses an unknown group, a bad priority, a closed unit and a unit that is not a reception point, in Vietnamese', async () => {
    const unknown = await take({ serviceGroup: 'XX' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'UNKNOWN_SERVICE_GROUP' });
    expect(unknown.json().error.message).toContain('không có nhóm dịch vụ "XX"');
    expect((await take({ serviceGroup: 'HT', priority: 'vip' })).json().error.code).toBe('INVALID_PRIORITY');
    expect((await take({ serviceGroup: 'HT', extra: 1 })).statusCode).toBe(400);
    expect((await take({ serviceGroup: 'HT' }, 'SNN74')).statusCode).toBe(400);

    const saved = clock.now();
    for (const closed of ['2024-12-05T18:00:00+07:00', '2024-12-08T09:00:00+07:00', '2025-01-29T09:00:00+07:00']) {
      clock.set(closed); // evening, Sunday, Tết
      const res = await take({ serviceGroup: 'HT' });
      expect(res.statusCode, closed).toBe(409);
      expect(res.json().error.code).toBe('UNIT_CLOSED');
      expect(res.json().error.message).toContain('không tiếp nhận');
      expect(res.json().error.details.nextOpeningAt).toMatch(/T0[7-8]:\d\d:00\+07:00$/);
    }
    clock.set(saved);
  });

  it('rate-limits a kiosk spamming tickets without losing or duplicating any', async () => {
    const before = Number((await handle.db.selectFrom('queue_tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const answers = [];
    for (let i = 0; i < 35; i++) answers.push(await take({ serviceGroup: 'TH' }, POINT, '10.9.9.9'));
    const accepted = answers.filter((a) => a.statusCode === 201);
    const refused = answers.filter((a) => a.statusCode === 429);
    expect(accepted).toHaveLength(30);
    expect(refused).toHaveLength(5);
    expect(refused[0]!.headers['retry-after']).toBe('60');
    expect(refused[0]!.json().error.code).toBe('TICKET_RATE_LIMITED');
    expect(new Set(accepted.map((a) => a.json().number)).size).toBe(30);
    const after = Number((await handle.db.selectFrom('queue_tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(after - before).toBe(30);
    // Another kiosk is not affected, and a minute later this one works again.
    expect((await take({ serviceGroup: 'TH' }, POINT, '10.9.9.8')).statusCode).toBe(201);
    clock.advance(61_000);
    expect((await take({ serviceGroup: 'TH' }, POINT, '10.9.9.9')).statusCode).toBe(201);
  });

  it('refuses counter work by an officer of another unit (403) and a second officer at an occupied counter (409)', async () => {
    const other = await callNext('1', 'tn.CN724');
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('OUT_OF_UNIT');
    const processing = await callNext('1', 'cv.UBX25861');
    expect(processing.statusCode).toBe(403);
    expect((await callNext('99')).statusCode).toBe(404);
    // At the Branch: its reception officer sits at counter 1; its manager cannot take that seat.
    expect((await callNext('1', 'tn.CN724', 'CN724')).statusCode).toBe(200);
    const occupied = await callNext('1', 'gd.CN724', 'CN724');
    expect(occupied.statusCode).toBe(409);
    expect(occupied.json().error).toMatchObject({ code: 'COUNTER_OCCUPIED', details: { officer: 'tn.CN724' } });
    expect((await callNext('2', 'gd.CN724', 'CN724')).statusCode).toBe(200);
  });

  it('serves a ticket: call, recall, start (→ intake), finish; history appended at every step', async () => {
    // Drain what the earlier tests left, so the order below is known.
    await handle.db.updateTable('queue_tickets').set({ status: 'no_show', finished_at: clock.now() }).where('status', '=', 'waiting').execute();
    const a = (await take({ serviceGroup: 'HT' })).json();
    clock.advance(60_000);
    const elderly = (await take({ serviceGroup: 'HT', priority: 'elderly' })).json();
    expect(elderly.waitingAhead).toBe(0); // the head start puts them before a ticket issued a minute earlier
    clock.advance(60_000);

    const first = await callNext('1');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().ticket).toMatchObject({ id: elderly.id, status: 'called', counterCode: '1', counterName: 'Quầy 1', callCount: 1, waitedSeconds: 60 });
    const counters = (await app.inject({ url: `/api/v1/queue/${POINT}/counters`, headers: await auth(OFFICER) })).json();
    expect(counters.items.find((c: { code: string }) => c.code === '1').officer).toBe(OFFICER);

    expect((await act(elderly.id, { type: 'recall', counter: '1' })).json().ticket.callCount).toBe(2);
    const started = await act(elderly.id, { type: 'start', counter: '1' });
    expect(started.json()).toMatchObject({ ticket: { status: 'serving' }, intakePath: `/quay/tiep-nhan?ticket=${elderly.id}` });
    expect((await act(elderly.id, { type: 'no_show', counter: '1' })).json().error.code).toBe('TICKET_STATE_CONFLICT');
    clock.advance(5 * 60_000);
    expect((await act(elderly.id, { type: 'finish', counter: '1', dossierCode: 'X-241205-0001' })).json().ticket.status).toBe('finished');
    expect((await history(elderly.id)).map((e) => `${e.type}:${e.from_status ?? ''}→${e.to_status}`)).toEqual([
      'issued:→waiting', 'called:waiting→called', 'recalled:called→called', 'serving:called→serving', 'finished:serving→finished',
    ]);

    // The next call takes the normal ticket; calling again finishes it automatically.
    expect((await callNext('1')).json().ticket.id).toBe(a.id);
    const empty = (await callNext('1')).json();
    expect(empty).toEqual({ ticket: null, finished: [{ id: a.id, number: a.number }] });
  });

  it('no-show, transfer to another group and counter keeping the number and history, park and resume', async () => {
    const t1 = (await take({ serviceGroup: 'HT' })).json();
    const t2 = (await take({ serviceGroup: 'HT' })).json();
    expect((await callNext('1')).json().ticket.id).toBe(t1.id);
    expect((await act(t1.id, { type: 'no_show', counter: '1' })).json().ticket.status).toBe('no_show');

    expect((await callNext('1')).json().ticket.id).toBe(t2.id);
    const refusedTransfer = await act(t2.id, { type: 'transfer', counter: '1', serviceGroup: 'HT' });
    expect(refusedTransfer.json().error.code).toBe('TRANSFER_NOWHERE');
    const moved = await act(t2.id, { type: 'transfer', counter: '1', serviceGroup: 'DD', targetCounter: '2' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().ticket).toMatchObject({ number: t2.number, serviceGroup: 'DD', status: 'waiting' });
    // Counter 1 no longer holds it and cannot call it; counter 2 can (the officer moves there).
    expect((await callNext('1')).json().ticket).toBeNull();
    await app.inject({ method: 'POST', url: `/api/v1/queue/${POINT}/counters/1/sign-out`, headers: await auth(OFFICER) });
    const atTwo = (await callNext('2')).json();
    expect(atTwo.ticket).toMatchObject({ id: t2.id, number: t2.number, counterCode: '2', callCount: 2 });
    const events = await history(t2.id);
    expect(events.map((e) => e.type)).toEqual(['issued', 'called', 'transferred', 'called']);
    expect(events[2]!.details).toMatchObject({ fromGroup: 'HT', toGroup: 'DD', fromCounter: '1', toCounter: '2' });

    expect((await act(t2.id, { type: 'park', counter: '2' })).json().ticket.status).toBe('parked');
    const state = (await app.inject({ url: `/api/v1/queue/${POINT}/counters/2`, headers: await auth(OFFICER) })).json();
    expect(state.current).toEqual([]);
    expect(state.parked.map((t: { id: string }) => t.id)).toEqual([t2.id]);
    expect((await act(t2.id, { type: 'resume', counter: '2' })).json().ticket.status).toBe('serving');
    expect((await act(t2.id, { type: 'finish', counter: '2' })).json().ticket.status).toBe('finished');
    expect((await history(t2.id)).map((e) => e.type).slice(-3)).toEqual(['parked', 'resumed', 'finished']);
    // The history is append-only.
    await expect(handle.db.deleteFrom('queue_ticket_events').where('ticket_id', '=', t2.id).execute()).rejects.toThrow(/append-only/);
  });

  it('shows a ticket\'s status publicly (QR code) without personal data, and on the display screen', async () => {
    const t = (await take({ serviceGroup: 'KD' })).json();
    const waiting = await app.inject({ url: `/api/v1/public/queue/tickets/${t.id}` });
    expect(waiting.json()).toMatchObject({ number: t.number, status: 'waiting', statusLabel: 'Đang chờ', waitingAhead: 0, unitName: 'Điểm tiếp nhận Xã An Linh', today: true });
    const called = (await callNext('2')).json();
    expect(called.ticket.id).toBe(t.id);
    const status = (await app.inject({ url: `/api/v1/public/queue/tickets/${t.id}` })).json();
    expect(status).toMatchObject({ status: 'called', counterCode: '2', counterName: 'Quầy 2' });
    expect(JSON.stringify(status)).not.toMatch(/tn\.|address|10\.1\./);
    expect((await app.inject({ url: '/api/v1/public/queue/tickets/not-a-ticket' })).statusCode).toBe(404);
    const display = (await app.inject({ url: `/api/v1/queue/${POINT}/display` })).json();
    expect(display.called[0]).toMatchObject({ number: t.number, counterName: 'Quầy 2' });
    const load = (await app.inject({ url: `/api/v1/queue/${POINT}/load` })).json();
    expect(load.open).toBe(true);
    expect(load.groups.map((g: { code: string }) => g.code)).toEqual(['HT', 'DD', 'KD', 'CT', 'TH']);
  });

  it('restarts every series on the next day in Vietnam time', async () => {
    clock.set('2024-12-06T07:45:00+07:00');
    tokens.clear(); // yesterday's sessions ended (12 h)
    expect((await take({ serviceGroup: 'HT' })).json().number).toBe('A-001');
    // Yesterday's waiting tickets are not called today.
    const next = await callNext('2');
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json().ticket.number).toBe('A-001');
  });

  it('announces calls live on this instance, and on the server database to other instances', async () => {
    const heard: QueueLiveEvent[] = [];
    const stop = queueBus(ctx).subscribe(POINT, (e) => heard.push(e));
    let other: QueueBus | undefined;
    const heardElsewhere: QueueLiveEvent[] = [];
    if (engine === 'postgres') {
      other = new QueueBus(handle.url);
      other.subscribe(POINT, (e) => heardElsewhere.push(e));
      await other.ready();
    }
    try {
      const t = (await take({ serviceGroup: 'CT' })).json();
      const call = (await callNext('2')).json();
      expect(call.ticket.id).toBe(t.id);
      expect(heard.filter((e) => e.ticketId === t.id).map((e) => e.type)).toEqual(['issued', 'called']);
      expect(heard.find((e) => e.type === 'called')).toMatchObject({ number: t.number, counterCode: '2', counterName: 'Quầy 2' });
      if (other) {
        await expect.poll(() => heardElsewhere.filter((e) => e.ticketId === t.id).map((e) => e.type), { timeout: 5000 }).toEqual(['issued', 'called']);
      }
    } finally {
      stop();
      await other?.close();
    }
  });
});
