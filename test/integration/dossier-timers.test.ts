// Dossier timers inside the server, on each engine, with an injected clock: the due-soon warning and
// the apology reminder reach the handler and the leader, overdue dossiers get one history row and one
// outbox event per promised instant, timers follow an extension or a calendar edit, and two runners
// ticking together (on PostgreSQL: truly concurrently) produce every event exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { COMMUNE, dossierApi, type DossierApi } from '../support/dossier-api.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import { createJobs, type BackgroundJobs } from '../../src/jobs/index.ts';
import { scan, TIMER_JOB, type TimerScanReport } from '../../src/jobs/dossier-timers.ts';
import { DEFAULT_TIMER_POLICY } from '../../src/domain/sla/dossier-timers.ts';
import { applyCalendarImpact } from '../../src/services/calendar-impact.ts';
import { claimJobLease } from '../../src/store/job-leases.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';
import type { ServiceContext } from '../../src/services/context.ts';

const MINUTE = 60_000;

/** `YYYY-MM-DD` + n weekdays (December 2024 has no public holiday before the 25th, nor on it). */
function weekdaysAfter(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  for (let left = n; left > 0;) {
    d.setUTCDate(d.getUTCDate() + (left > 0 ? 1 : 0));
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}
function weekdayBefore(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  do d.setUTCDate(d.getUTCDate() - 1); while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d.toISOString().slice(0, 10);
}
const at = (date: string, time: string) => `${date}T${time}:00+07:00`;

describe.each(ENGINES)('dossier timers on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let ctx: ServiceContext;
  let jobs: BackgroundJobs;
  let api: DossierApi;
  let days: number;
  const clock = testClock('2024-12-09T09:00:00+07:00'); // Monday

  const tick = () => jobs.runOnce(TIMER_JOB);
  const inApp = async (code: string, template: string) =>
    (await handle.db.selectFrom('notifications').select(['recipient', 'channel']).where('subject_code', '=', code).where('template', '=', template).orderBy('recipient').execute());
  const outbox = async (code: string, topic: string) =>
    handle.db.selectFrom('outbox').select(['payload']).where('key', '=', code).where('topic', '=', topic).execute();
  const overdueRows = async (code: string) =>
    handle.db.selectFrom('dossier_actions').select(['seq', 'actor_username', 'reason', 'from_status', 'to_status']).where('dossier_code', '=', code).where('type', '=', 'overdue').execute();

  /** A dossier received now at the Branch of Dĩ An, transferred and assigned to the commune's officer. */
  const assignedDossier = async () => {
    const dossier = await api.intake('tn.CN724');
    for (const [user, body] of [['tn.CN724', { type: 'transfer' }], [`ld.${COMMUNE}`, { type: 'assign', assignee: `cv.${COMMUNE}` }]] as const) {
      const res = await api.act(user, dossier.code, body);
      expect(res.statusCode, res.body).toBe(200);
    }
    return dossier;
  };

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    ctx = testContext(handle, clock, { sessionHours: 24 * 30 }); // the clock moves weeks ahead
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    api = dossierApi(app);
    days = (await api.procedure(3, 5)).days;
    jobs = createJobs(ctx, { holder: 'instance-a' });
  }, 180_000);
  afterAll(async () => {
    await jobs?.stop();
    await app?.close();
    await handle?.close();
  });

  it('warns the handler and the leader, reminds the apology, and marks overdue once', async () => {
    clock.set('2024-12-09T09:00:00+07:00');
    const dossier = await assignedDossier();
    const dueDay = weekdaysAfter('2024-12-09', days);
    expect(dossier.dueAt).toBe(at(dueDay, '09:00'));
    const code = dossier.code;

    clock.set(at('2024-12-10', '09:00'));
    expect(await tick()).toMatchObject({ leaseHeld: true, dueSoon: 0, apologyReminders: 0, overdue: 0 });

    // One minute short of one working day before the due instant: nothing yet; then the reminder.
    clock.set(at(weekdayBefore(dueDay), '08:59'));
    await tick();
    expect(await inApp(code, 'dossier.apology_reminder')).toEqual([]);
    clock.set(at(weekdayBefore(dueDay), '09:00'));
    expect((await tick()).apologyReminders).toBe(1);
    const recipients = [{ recipient: `cv.${COMMUNE}`, channel: 'inapp' }, { recipient: `ld.${COMMUNE}`, channel: 'inapp' }];
    expect(await inApp(code, 'dossier.apology_reminder')).toEqual(recipients);

    // The due day, 1 working hour left (≤ 20% of the time limit): due soon.
    clock.set(at(dueDay, '08:00'));
    await tick();
    expect(await inApp(code, 'dossier.due_soon')).toEqual(recipients);
    expect(await overdueRows(code)).toEqual([]);

    clock.set(at(dueDay, '09:01'));
    expect((await tick()).overdue).toBe(1);
    clock.advance(30 * MINUTE);
    expect(await tick()).toMatchObject({ dueSoon: 0, apologyReminders: 0, overdue: 0 });
    clock.set(at(weekdaysAfter(dueDay, 3), '10:00'));
    await tick();

    const rows = await overdueRows(code);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_username: 'system', from_status: 'processing', to_status: 'processing' });
    expect(rows[0]!.reason).toContain('Quá ngày hẹn trả kết quả');
    expect(await outbox(code, 'dossier.overdue')).toHaveLength(1);
    expect(await outbox(code, 'dossier.due_soon')).toHaveLength(1);
    expect(await outbox(code, 'dossier.apology_reminder')).toHaveLength(1);
    expect(await inApp(code, 'dossier.overdue')).toEqual(recipients);

    // The history shows it; officers keep acting after it (the row took its place in the sequence).
    const view = (await app.inject({ url: `/api/v1/dossiers/${code}`, headers: await api.token(`ld.${COMMUNE}`) })).json();
    expect(view.timeline.map((t: { label: string }) => t.label)).toContain('Quá hạn trả kết quả');
    expect(view.status).toBe('processing');
    const approve = await api.act(`ld.${COMMUNE}`, code, { type: 'approve' });
    expect(approve.statusCode, approve.body).toBe(200);

    // The handler sees the warnings in their own list.
    const mine = (await app.inject({ url: '/api/v1/notifications/mine', headers: await api.token(`cv.${COMMUNE}`) })).json();
    const mineHere = mine.items.filter((n: { dossierCode: string }) => n.dossierCode === code).map((n: { template: string }) => n.template);
    expect(mineHere[0]).toBe('dossier.overdue'); // newest first
    expect([...mineHere].sort()).toEqual(['dossier.apology_reminder', 'dossier.due_soon', 'dossier.overdue']);
    expect(mine.items[0].title).toBe(`Hồ sơ ${code} đã quá hạn`);
  });

  it('follows an extension: no second apology reminder, overdue only after the new due date', async () => {
    clock.set('2024-12-09T10:00:00+07:00');
    const { code, dueAt } = await assignedDossier();
    const dueDay = dueAt.slice(0, 10);
    clock.set(at(weekdayBefore(dueDay), '10:00'));
    expect((await tick()).apologyReminders).toBeGreaterThanOrEqual(1);
    expect(await inApp(code, 'dossier.apology_reminder')).toHaveLength(2);

    const extend = await api.act(`ld.${COMMUNE}`, code, { type: 'extend', reason: 'Cần xác minh thêm tại địa phương.', extension: { kind: 'added', days: 2 } });
    expect(extend.statusCode, extend.body).toBe(200);
    const newDueDay = weekdaysAfter(dueDay, 2);
    expect(extend.json().dueAt).toBe(at(newDueDay, '10:00'));

    clock.set(at(dueDay, '10:30')); // past the first promise, before the new one
    await tick();
    expect(await overdueRows(code)).toEqual([]);
    clock.set(at(weekdayBefore(newDueDay), '10:00'));
    await tick();
    expect(await inApp(code, 'dossier.apology_reminder')).toHaveLength(2); // only one rescheduling: no new reminder
    clock.set(at(newDueDay, '10:01'));
    await tick();
    const payloads = await outbox(code, 'dossier.overdue');
    expect(payloads).toHaveLength(1);
    expect((payloads[0]!.payload as { dueAt: string }).dueAt).toBe(at(newDueDay, '10:00'));
    expect(await overdueRows(code)).toHaveLength(1);
  });

  it('follows a calendar edit that moves the due date (a day off declared after intake)', async () => {
    clock.set('2024-12-09T11:00:00+07:00');
    const { code, dueAt } = await assignedDossier();
    const dueDay = dueAt.slice(0, 10);
    clock.set(at(dueDay, '10:00'));
    await tick();
    expect(await overdueRows(code)).toEqual([]);
    // Before the due instant, the province declares the due day off: the promise moves one working day.
    const moved = at(weekdaysAfter(dueDay, 1), '11:00');
    await handle.db.transaction().execute((trx) => applyCalendarImpact(ctx, trx, [{ code, dueBefore: dueAt, dueAfter: moved }]));
    clock.set(at(dueDay, '11:30'));
    await tick();
    expect(await overdueRows(code)).toEqual([]);
    clock.set(at(weekdaysAfter(dueDay, 1), '11:01'));
    await tick();
    expect(await overdueRows(code)).toHaveLength(1);
    expect((await outbox(code, 'dossier.overdue'))[0]!.payload).toMatchObject({ dueAt: moved });
  });

  it('runs the scan on one instance at a time; a dead instance\'s lease expires', async () => {
    clock.set('2024-12-09T13:30:00+07:00');
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await assignedDossier()).code);
    const due = (await handle.db.selectFrom('dossiers').select('due_at').where('code', '=', codes[0]!).executeTakeFirstOrThrow()).due_at!;
    clock.set(new Date(due.getTime() + 5 * MINUTE));
    const other = createJobs(ctx, { holder: 'instance-b' });
    try {
      const [a, b] = await Promise.all([tick(), other.runOnce(TIMER_JOB)]);
      expect([a.leaseHeld, b.leaseHeld].filter(Boolean)).toHaveLength(1);
      for (const code of codes) {
        expect(await overdueRows(code), code).toHaveLength(1);
        expect(await outbox(code, 'dossier.overdue'), code).toHaveLength(1);
      }
      // Instance C takes the lease and dies; the others skip until the lease expires.
      expect(await claimJobLease(handle.db, TIMER_JOB, 'instance-c', clock.now(), ctx.settings.jobs.leaseSeconds * 1000)).toBe(true);
      expect((await tick()).leaseHeld).toBe(false);
      clock.advance(ctx.settings.jobs.leaseSeconds * 1000 + 1);
      expect((await other.runOnce(TIMER_JOB)).leaseHeld).toBe(true);
    } finally {
      await other.stop();
    }
  });

  it('fires each timer exactly once when two scans race without the lease', async () => {
    clock.set('2024-12-10T08:00:00+07:00');
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) codes.push((await assignedDossier()).code);
    const due = (await handle.db.selectFrom('dossiers').select('due_at').where('code', '=', codes[0]!).executeTakeFirstOrThrow()).due_at!;
    clock.set(new Date(due.getTime() + MINUTE));
    const reports: TimerScanReport[] = [0, 1, 2].map(() => ({ leaseHeld: false, scanned: 0, dueSoon: 0, apologyReminders: 0, overdue: 0 }));
    await Promise.all(reports.map((report) => scan(ctx, { policy: DEFAULT_TIMER_POLICY, pageSize: 5 }, report)));
    expect(reports.reduce((sum, r) => sum + r.overdue, 0)).toBe(codes.length);
    for (const code of codes) {
      expect(await overdueRows(code), code).toHaveLength(1);
      expect(await outbox(code, 'dossier.overdue'), code).toHaveLength(1);
      expect(await inApp(code, 'dossier.overdue'), code).toHaveLength(2);
    }
  });

  it('lets an officer act at the very instant the scan marks overdue: 200 or 409, never an error, one mark', async () => {
    clock.set('2024-12-11T08:00:00+07:00');
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) codes.push((await assignedDossier()).code);
    const due = (await handle.db.selectFrom('dossiers').select('due_at').where('code', '=', codes[0]!).executeTakeFirstOrThrow()).due_at!;
    clock.set(new Date(due.getTime() + MINUTE));
    const report: TimerScanReport = { leaseHeld: false, scanned: 0, dueSoon: 0, apologyReminders: 0, overdue: 0 };
    const [, ...answers] = await Promise.all([
      scan(ctx, { policy: DEFAULT_TIMER_POLICY }, report),
      ...codes.map((code) => api.act(`cv.${COMMUNE}`, code, { type: 'request_supplement', reason: 'Thiếu giấy tờ.' })),
    ]);
    for (const answer of answers) expect([200, 409], answer.body).toContain(answer.statusCode);
    await tick(); // dossiers the scan left to the next tick (an officer got there first) are marked now, if still running
    for (const [i, code] of codes.entries()) {
      const status = (await handle.db.selectFrom('dossiers').select('status').where('code', '=', code).executeTakeFirstOrThrow()).status;
      const marks = (await overdueRows(code)).length;
      // Paused for the supplement before being marked: never marked; otherwise marked exactly once.
      if (answers[i]!.statusCode === 200 && marks === 0) expect(status).toBe('awaiting_supplement');
      else expect(marks, code).toBe(1);
      expect((await outbox(code, 'dossier.overdue')).length).toBe(marks);
      const seqs = (await handle.db.selectFrom('dossier_actions').select('seq').where('dossier_code', '=', code).orderBy('seq').execute()).map((r) => r.seq);
      expect(seqs).toEqual(seqs.map((_, k) => k + 1)); // the history stays gap-free
    }
  });
});
