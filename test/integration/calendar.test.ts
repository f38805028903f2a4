// The legal clock through the API on each engine, the CLI agreeing with it, and calendar edits by an
// administrator: previewed, confirmed with a reason, audited, and moving later due dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testContext } from '../support/context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'motcua.js');

// [from, kind, amount, expected due instant] — across Tết 2025 and 2026, 30/4–1/5, National Day 2026.
const GOLDEN: Array<[string, 'days' | 'hours', number, string]> = [
  ['2025-01-24T10:00:00+07:00', 'days', 1, '2025-02-03T10:00:00+07:00'],
  ['2026-02-13T15:30:00+07:00', 'days', 1, '2026-02-23T15:30:00+07:00'],
  ['2025-04-29T09:00:00+07:00', 'days', 1, '2025-05-05T09:00:00+07:00'],
  ['2026-08-21T16:00:00+07:00', 'hours', 8, '2026-08-22T16:00:00+07:00'],
  ['2026-08-28T10:00:00+07:00', 'days', 1, '2026-09-03T10:00:00+07:00'],
  // received in the lunch break: counts from 13:00; the budget runs out at the 11:30|13:00 boundary, whose earlier side is promised
  ['2024-12-02T11:45:00+07:00', 'days', 3, '2024-12-05T11:30:00+07:00'],
  ['2024-12-06T17:30:00+07:00', 'hours', 4, '2024-12-09T11:30:00+07:00'],
];

function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MOTCUA_') && k !== 'DATABASE_URL'));
}

describe('motcua due-date (CLI)', () => {
  it('prints the same due instants as the golden table', async () => {
    const outputs = await Promise.all(
      GOLDEN.map(([from, kind, amount]) => run(process.execPath, [BIN, 'due-date', '--from', from, `--${kind}`, String(amount)], { env: cleanEnv() })),
    );
    expect(outputs.map((o) => o.stdout.trim())).toEqual(GOLDEN.map((g) => g[3]));
  }, 60_000);

  it('refuses an instant without offset and a negative duration, naming the field', async () => {
    const noOffset = await run(process.execPath, [BIN, 'due-date', '--from', '2025-01-24T10:00:00', '--days', '1'], { env: cleanEnv() }).catch((e) => e);
    expect(noOffset.code).toBe(2);
    expect(noOffset.stderr).toContain('--from');
    const negative = await run(process.execPath, [BIN, 'due-date', '--from', '2025-01-24T10:00:00+07:00', '--hours=-3'], { env: cleanEnv() }).catch((e) => e);
    expect(negative.code).toBe(2);
    expect(negative.stderr).toContain('--hours');
  }, 60_000);
});

describe.each(ENGINES)('calendar API on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let admin: string;

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const ctx = { ...testContext(handle), now: () => new Date() };
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    admin = (await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: DEMO_PASSWORD } })).json().token;
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const due = (query: string) => app.inject({ url: `/api/v1/calendar/due-date?${query}` });

  it.each(GOLDEN)('from %s + %s %s → %s', async (from, kind, amount, expected) => {
    const res = await due(`from=${encodeURIComponent(from)}&${kind}=${amount}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ dueAt: expected, provisional: false });
  });

  it('flags due dates that cross a provisional year', async () => {
    const res = await due(`from=${encodeURIComponent('2027-12-31T10:00:00+07:00')}&days=5`);
    expect(res.json().provisional).toBe(true);
  });

  it.each([
    ['from=2025-01-24T10:00:00&days=1', 'from'],
    [`from=${encodeURIComponent('2025-01-24T10:00:00+07:00')}&days=-1`, 'days'],
    [`from=${encodeURIComponent('2025-01-24T10:00:00+07:00')}&days=1&hours=2`, 'days|hours'],
    [`from=${encodeURIComponent('2025-01-24T10:00:00+07:00')}&days=1&unitCode=NOPE`, 'unitCode'],
    [`from=${encodeURIComponent('2150-01-24T10:00:00+07:00')}&days=1`, 'receivedAt'],
  ])('refuses %s naming %s', async (query, field) => {
    const res = await due(query);
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.message.length).toBeGreaterThan(10);
    expect(JSON.stringify(error.details)).toContain(field === 'receivedAt' ? 'supportedYears' : field);
  });

  it('shows a year with its status', async () => {
    const y2026 = (await app.inject({ url: '/api/v1/calendar/years/2026' })).json();
    expect(y2026.status).toBe('official');
    expect(y2026.makeupWorkingSaturdays).toContain('2026-08-22');
    const y2027 = (await app.inject({ url: '/api/v1/calendar/years/2027' })).json();
    expect(y2027.status).toBe('provisional');
    expect((await app.inject({ url: '/api/v1/calendar/years/2300' })).statusCode).toBe(400);
  });

  it('previews a declared holiday, applies it only when confirmed, audits it, and moves due dates', async () => {
    const y2027 = (await app.inject({ url: '/api/v1/calendar/years/2027' })).json();
    const edit = {
      status: 'official',
      nonWorkingWeekdays: [...y2027.nonWorkingWeekdays, '2027-11-24'],
      makeupWorkingSaturdays: y2027.makeupWorkingSaturdays,
      reason: 'Thông báo nghỉ Ngày Văn hóa Việt Nam 24/11 (thử nghiệm)',
    };
    const put = (body: Record<string, unknown>, token = admin) =>
      app.inject({ method: 'PUT', url: '/api/v1/admin/calendar/years/2027', headers: { authorization: `Bearer ${token}` }, payload: body });
    const before = (await due(`from=${encodeURIComponent('2027-11-23T10:00:00+07:00')}&days=1`)).json().dueAt;
    expect(before).toBe('2027-11-24T10:00:00+07:00');

    const preview = await put({ ...edit, confirm: false });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ applied: false, daysOffAdded: ['2027-11-24'], statusBefore: 'provisional', statusAfter: 'official' });
    expect((await due(`from=${encodeURIComponent('2027-11-23T10:00:00+07:00')}&days=1`)).json().dueAt).toBe(before);

    const officer = (await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'tn.TT74', password: DEMO_PASSWORD } })).json().token;
    expect((await put({ ...edit, confirm: true }, officer)).statusCode).toBe(403);
    expect((await put({ ...edit, reason: '', confirm: true })).json().error.code).toBe('REASON_REQUIRED');
    const weekend = await put({ ...edit, nonWorkingWeekdays: ['2027-11-27'], confirm: true });
    expect(weekend.statusCode).toBe(400);
    expect(JSON.stringify(weekend.json().error.details)).toContain('nonWorkingWeekdays');

    const applied = await put({ ...edit, confirm: true, idempotencyKey: 'calendar-2027-van-hoa' });
    expect(applied.json()).toMatchObject({ applied: true, daysOffAdded: ['2027-11-24'] });
    const replay = await put({ ...edit, confirm: true, idempotencyKey: 'calendar-2027-van-hoa' });
    expect(replay.json()).toEqual(applied.json());
    expect((await due(`from=${encodeURIComponent('2027-11-23T10:00:00+07:00')}&days=1`)).json()).toEqual({ dueAt: '2027-11-25T10:00:00+07:00', provisional: false });
    expect((await app.inject({ url: '/api/v1/calendar/years/2027' })).json().status).toBe('official');
    const audits = await handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'calendar.year.update').execute();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_username: 'admin', entity_id: '2027' });
    expect(audits[0]!.details).toMatchObject({ reason: edit.reason, after: { status: 'official' } });
  });

  it("lets an administrator give a unit its own hours, which that unit's due dates then follow", async () => {
    const put = (unit: string, body: Record<string, unknown>) =>
      app.inject({ method: 'PUT', url: `/api/v1/admin/calendar/units/${unit}`, headers: { authorization: `Bearer ${admin}` }, payload: body });
    const friday = encodeURIComponent('2024-12-06T16:00:00+07:00');
    expect((await due(`from=${friday}&hours=8&unitCode=DTN25741`)).json().dueAt).toBe('2024-12-09T16:00:00+07:00');
    const override = {
      saturdayReception: { enabled: true, periods: [{ start: '07:30', end: '11:30' }], countSaturdayReception: true },
      reason: 'Điểm tiếp nhận làm việc sáng thứ Bảy theo quyết định của Trung tâm',
    };
    const preview = await put('DTN25741', { ...override, confirm: false });
    expect(preview.json()).toMatchObject({ applied: false, affectedCount: 0 });
    expect((await due(`from=${friday}&hours=8&unitCode=DTN25741`)).json().dueAt).toBe('2024-12-09T16:00:00+07:00');
    const saved = await put('DTN25741', { ...override, confirm: true });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().effective.saturdayReception.enabled).toBe(true);
    expect((await due(`from=${friday}&hours=8&unitCode=DTN25741`)).json().dueAt).toBe('2024-12-09T10:30:00+07:00');
    expect((await due(`from=${friday}&hours=8&unitCode=DTN25744`)).json().dueAt).toBe('2024-12-09T16:00:00+07:00');
    expect((await app.inject({ url: '/api/v1/calendar/units/DTN25741' })).json().override.saturdayReception.countSaturdayReception).toBe(true);

    expect(saved.json().applied).toBe(true);
    const badPeriod = await put('DTN25741', { workingPeriods: [{ start: '13:00', end: '11:00' }], reason: 'giờ sai để kiểm tra', confirm: true });
    expect(badPeriod.statusCode).toBe(400);
    expect(JSON.stringify(badPeriod.json().error.details)).toContain('workingPeriods');
    expect((await put('NOPE', { reason: 'không có đơn vị này', confirm: false })).statusCode).toBe(404);
    const audit = await handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'calendar.unit.update').execute();
    expect(audit).toHaveLength(1);
  });

  it("lets the province administrator change the province's office hours, previewed then confirmed", async () => {
    const put = (body: Record<string, unknown>) =>
      app.inject({ method: 'PUT', url: '/api/v1/admin/calendar/settings', headers: { authorization: `Bearer ${admin}` }, payload: body });
    const early = `from=${encodeURIComponent('2024-12-05T07:45:00+07:00')}&days=1`;
    expect((await due(early)).json().dueAt).toBe('2024-12-06T07:45:00+07:00');
    const hours = { workingPeriods: [{ start: '08:00', end: '12:00' }, { start: '13:30', end: '17:30' }], reason: 'Quyết định điều chỉnh giờ làm việc mùa đông' };
    const preview = await put({ ...hours, confirm: false });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ applied: false, affectedCount: 0 });
    expect((await due(early)).json().dueAt).toBe('2024-12-06T07:45:00+07:00');
    expect((await put({ ...hours, confirm: true })).json().applied).toBe(true);
    // Now 07:45 is before opening: the day counts from 08:00, so one working day ends at 17:30 that day.
    expect((await due(early)).json().dueAt).toBe('2024-12-05T17:30:00+07:00');
    const overlapping = await put({ workingPeriods: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '17:00' }], reason: 'chồng giờ để kiểm tra', confirm: true });
    expect(overlapping.statusCode).toBe(400);
    expect(JSON.stringify(overlapping.json().error.details)).toContain('workingPeriods');
    const audit = await handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'calendar.settings.update').execute();
    expect(audit).toHaveLength(1);
  });
});
