// Restructuring the network while dossiers flow, on each engine: thousands of open dossiers across the
// Bình Dương network go through phase 2, phase 3 and the 01/07/2025 reform; none is lost, orphaned,
// or changes status or due date; each ends with exactly one valid receiving/competent/return unit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock } from '../support/context.ts';
import { testContext } from '../support/context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import { applyDuePlans } from '../../src/services/restructure.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

const OPEN_DOSSIERS = 3000;
/** Tickets per reception unit per day (on 01/01/2025 and 01/07/2025): about 3,000 in all. */
const TICKETS_PER_UNIT_DAY = 15;
/** Appointments per reception unit, every 8 days into August 2025: about 3,000 in all. */
const APPOINTMENTS_PER_UNIT = 30;
const OPEN_TICKET = `('waiting', 'called', 'serving', 'parked')`;

/**
 * Queues and the rest of the open work across the network: tickets on the days plans take effect (some
 * held at counters), appointments through 2025, paper files on their way, sub-dossiers at commune
 * committees and citizen feedback at points and committees.
 */
async function seedOpenWork(db: DatabaseHandle['db']): Promise<void> {
  await sql`
    WITH base AS (
      SELECT u.code AS unit, d.day, k, (ARRAY['HT','DD','KD','CT','TH'])[1 + k % 5] AS grp, (ARRAY['A','B','C','D','E'])[1 + k % 5] AS prefix,
             (ARRAY['waiting','waiting','waiting','parked','called','serving','finished','no_show'])[1 + k % 8] AS status
      FROM units u, (VALUES ('2025-01-01'::date), ('2025-07-01'::date)) d(day), generate_series(1, ${TICKETS_PER_UNIT_DAY}) k
      WHERE u.type IN ('center', 'branch', 'reception_point')),
    numbered AS (SELECT *, row_number() OVER (PARTITION BY unit, day, grp ORDER BY k) AS seq,
                        (day::text || 'T07:00:00+07:00')::timestamptz + k * interval '1 minute' AS issued FROM base)
    INSERT INTO queue_tickets (province_code, unit_code, day, service_group, issued_group, seq, number, status, issued_at, rank_at, counter_code, finished_at)
    SELECT '74', unit, day, grp, grp, seq, prefix || '-' || lpad(seq::text, 3, '0'), status, issued, issued,
      CASE WHEN status IN ('parked', 'called', 'serving') THEN (1 + k % 3)::text END,
      CASE WHEN status IN ('finished', 'no_show') THEN issued + interval '5 minutes' END
    FROM numbered`.execute(db);
  await sql`INSERT INTO queue_ticket_series (province_code, unit_code, service_group, day, last_value)
    SELECT province_code, unit_code, issued_group, day, max(seq) FROM queue_tickets GROUP BY 1, 2, 3, 4`.execute(db);
  await sql`
    INSERT INTO queue_appointments (province_code, code, unit_code, service_group, slot_start, slot_end, full_name, phone, status, created_at)
    SELECT '74', 'LH' || u.code || '-' || k, u.code, (ARRAY['HT','DD','KD','CT','TH'])[1 + k % 5],
      '2024-12-23T09:00:00+07:00'::timestamptz + k * interval '8 days', '2024-12-23T09:30:00+07:00'::timestamptz + k * interval '8 days',
      'Người hẹn ' || k, '090' || lpad(k::text, 7, '0'), CASE WHEN k % 6 = 0 THEN 'cancelled' ELSE 'booked' END, '2024-12-20T08:00:00+07:00'
    FROM units u, generate_series(1, ${APPOINTMENTS_PER_UNIT}) k WHERE u.type IN ('center', 'branch', 'reception_point')`.execute(db);
  // Paper files of open dossiers: to the competent agency, half not yet sent, half sent and not yet received.
  await sql`
    INSERT INTO paper_transfers (province_code, dossier_code, seq, purpose, from_unit_code, to_unit_code, ready_at, deadline, sent_by, sent_unit_code, sent_at)
    SELECT province_code, code, 1, 'dossier', receiving_unit_code, competent_unit_code, received_at, received_at + interval '1 day',
      CASE WHEN right(code, 1) IN ('0', '2', '4', '6', '8') THEN 'tn.test' END,
      CASE WHEN right(code, 1) IN ('0', '2', '4', '6', '8') THEN receiving_unit_code END,
      CASE WHEN right(code, 1) IN ('0', '2', '4', '6', '8') THEN received_at + interval '2 hours' END
    FROM dossiers WHERE code LIKE 'TEST-%' AND status NOT IN ('returned', 'rejected') AND right(code, 2)::int % 3 = 0`.execute(db);
  await sql`
    INSERT INTO sub_dossiers (province_code, code, parent_code, seq, coordinating_unit_code, request, budget, status, opened_by, opened_at, due_at)
    SELECT province_code, code || '-LT01', code, 1, 'UBX' || applicant_commune_code, 'Xác minh nơi cư trú', '{"unit":"days","value":5}'::jsonb,
      CASE WHEN right(code, 1) = '5' THEN 'answered' ELSE 'open' END, 'cv.test', received_at, received_at + interval '7 days'
    FROM dossiers WHERE code LIKE 'TEST-%' AND status IN ('processing', 'awaiting_supplement') AND right(code, 2)::int % 2 = 1`.execute(db);
  await sql`
    INSERT INTO feedback (province_code, code, kind, channel, full_name, phone, text, unit_code, routing_basis, status, received_at, resolve_due_at, next_due_at)
    SELECT '74', 'PA-241215-' || lpad(row_number() OVER (ORDER BY u.code, k)::text, 6, '0'), 'question', 'portal', 'Người hỏi', '0912345678',
      'Câu hỏi về thủ tục', u.code, 'procedure', (ARRAY['received','accepted','info_requested','answered'])[1 + k % 4],
      '2024-12-15T09:00:00+07:00', '2025-01-07T17:00:00+07:00', '2025-01-07T17:00:00+07:00'
    FROM units u, generate_series(1, 2) k WHERE u.type IN ('reception_point', 'agency') AND u.agency_level IS DISTINCT FROM 'province'`.execute(db);
  await sql`
    INSERT INTO feedback_events (province_code, feedback_code, seq, type, at, from_status, to_status, to_unit_code)
    SELECT province_code, code, 1, 'submitted', received_at, NULL, 'received', unit_code FROM feedback WHERE code LIKE 'PA-241215-%'`.execute(db);
}

/** A demo network on `engine` holding OPEN_DOSSIERS dossiers, an admin session and helpers. */
function restructuringFixture(engine: (typeof ENGINES)[number]) {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock('2024-12-20T09:00:00+07:00');
  let ctx: ReturnType<typeof testContext>;
  let adminToken = '';

  const post = (payload: unknown, token = adminToken) =>
    app.inject({ method: 'POST', url: '/api/v1/admin/restructure', headers: { authorization: `Bearer ${token}` }, payload: payload as Record<string, unknown> });
  const bundled = async (id: string) => {
    const res = await app.inject({ url: '/api/v1/admin/restructure/bundled', headers: { authorization: `Bearer ${adminToken}` } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.find((p: { id: string }) => p.id === id);
  };
  const snapshot = async () => {
    const rows = await sql<{ code: string; status: string; due_at: Date | null; action_count: number; units: string[] }>`
      SELECT code, status, due_at, action_count, ARRAY[receiving_unit_code, competent_unit_code, return_unit_code] AS units FROM dossiers ORDER BY code`.execute(handle.db);
    return new Map(rows.rows.map((r) => [r.code, r]));
  };
  /** Open dossiers with a unit that is not valid at `at` (must be none), and the status totals. */
  const orphansAt = async (at: string) => (await sql<{ code: string }>`
    SELECT d.code FROM dossiers d
    WHERE d.status NOT IN ('returned', 'rejected', 'withdrawn') AND EXISTS (
      SELECT 1 FROM units u WHERE u.code IN (d.receiving_unit_code, d.competent_unit_code, d.return_unit_code)
        AND NOT (u.valid_from <= ${at}::timestamptz AND (u.valid_to IS NULL OR ${at}::timestamptz < u.valid_to)))`.execute(handle.db)).rows;
  const totals = async () => (await sql<{ status: string; n: number }>`SELECT status, count(*)::int AS n FROM dossiers GROUP BY status ORDER BY status`.execute(handle.db)).rows;
  /** Open tickets (of the instant's day on), booked appointments, counters, groups, papers, sub-dossiers and feedback whose unit is not valid at `at`. */
  // `at` is written with +07:00, so its first ten characters are the local day.
  const openWorkOrphansAt = async (at: string) => (await sql<{ kind: string; id: string; unit: string }>`
    WITH invalid AS (SELECT code FROM units WHERE NOT (valid_from <= ${at}::timestamptz AND (valid_to IS NULL OR ${at}::timestamptz < valid_to)))
    SELECT 'ticket' AS kind, id::text AS id, unit_code AS unit FROM queue_tickets
      WHERE status IN ${sql.raw(OPEN_TICKET)} AND day >= ${at.slice(0, 10)}::date AND unit_code IN (SELECT code FROM invalid)
    UNION ALL SELECT 'ticket-group', t.id::text, t.unit_code FROM queue_tickets t
      WHERE t.status IN ${sql.raw(OPEN_TICKET)} AND t.day >= ${at.slice(0, 10)}::date
        AND NOT EXISTS (SELECT 1 FROM queue_service_groups g WHERE g.unit_code = t.unit_code AND g.code = t.service_group AND g.active)
    UNION ALL SELECT 'ticket-counter', t.id::text, t.unit_code FROM queue_tickets t
      WHERE t.status IN ${sql.raw(OPEN_TICKET)} AND t.counter_code IS NOT NULL AND t.day >= ${at.slice(0, 10)}::date
        AND NOT EXISTS (SELECT 1 FROM queue_counters c WHERE c.unit_code = t.unit_code AND c.code = t.counter_code AND c.active)
    UNION ALL SELECT 'appointment', id::text, unit_code FROM queue_appointments WHERE status = 'booked' AND slot_end > ${at}::timestamptz AND unit_code IN (SELECT code FROM invalid)
    UNION ALL SELECT 'appointment-group', a.id::text, a.unit_code FROM queue_appointments a WHERE a.status = 'booked' AND a.slot_end > ${at}::timestamptz
      AND NOT EXISTS (SELECT 1 FROM queue_service_groups g WHERE g.unit_code = a.unit_code AND g.code = a.service_group AND g.active)
    UNION ALL SELECT 'counter', code, unit_code FROM queue_counters WHERE active AND unit_code IN (SELECT code FROM invalid)
    UNION ALL SELECT 'group', code, unit_code FROM queue_service_groups WHERE active AND unit_code IN (SELECT code FROM invalid)
    UNION ALL SELECT 'paper', dossier_code, from_unit_code FROM paper_transfers WHERE cancelled_at IS NULL AND sent_at IS NULL AND from_unit_code IN (SELECT code FROM invalid)
    UNION ALL SELECT 'paper', dossier_code, to_unit_code FROM paper_transfers WHERE cancelled_at IS NULL AND received_at IS NULL AND to_unit_code IN (SELECT code FROM invalid)
    UNION ALL SELECT 'sub-dossier', code, coordinating_unit_code FROM sub_dossiers WHERE status = 'open' AND coordinating_unit_code IN (SELECT code FROM invalid)
    UNION ALL SELECT 'feedback', code, unit_code FROM feedback WHERE status IN ('received', 'accepted', 'info_requested') AND unit_code IN (SELECT code FROM invalid)
    LIMIT 20`.execute(handle.db)).rows;
  /** How much open work there is, by kind and status (a plan moves it; it never changes these). */
  const openWorkTotals = async () => (await sql<{ kind: string; status: string; n: number }>`
    SELECT 'ticket' AS kind, status, count(*)::int AS n FROM queue_tickets GROUP BY status
    UNION ALL SELECT 'appointment', status, count(*)::int FROM queue_appointments GROUP BY status
    UNION ALL SELECT 'counter', 'active', count(*)::int FROM queue_counters WHERE active
    UNION ALL SELECT 'paper', CASE WHEN sent_at IS NULL THEN 'to_send' ELSE 'to_receive' END, count(*)::int FROM paper_transfers GROUP BY 2
    UNION ALL SELECT 'sub-dossier', status, count(*)::int FROM sub_dossiers GROUP BY status
    UNION ALL SELECT 'feedback', status, count(*)::int FROM feedback GROUP BY status
    ORDER BY 1, 2`.execute(handle.db)).rows;
  const ticketNumbersUnique = async () => (await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (SELECT unit_code, day, number FROM queue_tickets WHERE status IN ${sql.raw(OPEN_TICKET)} GROUP BY 1, 2, 3 HAVING count(*) > 1) d`.execute(handle.db)).rows[0]!.n;

  // Sessions last hours and the test clock jumps months: sign in again after each jump.
  const signIn = async () => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: DEMO_PASSWORD } });
    expect(login.statusCode, login.body).toBe(200);
    adminToken = login.json().token;
  };

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    ctx = testContext(handle, clock);
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    await signIn();
    // Thousands of dossiers filed across the network in December 2024: received at every Branch and point,
    // decided by the applicant's commune or district, returned at the applicant's point; some finished.
    const version = (await sql<{ procedure_code: string; version: number; name: string }>`
      SELECT procedure_code, version, name FROM procedure_versions LIMIT 1`.execute(handle.db)).rows[0]!;
    await sql`
      WITH communes AS (SELECT area_code AS commune, parent_code AS branch, row_number() OVER (ORDER BY code) - 1 AS i
                        FROM units WHERE type = 'reception_point'),
           n AS (SELECT count(*) AS total FROM communes),
           g AS (SELECT s, c.commune, c.branch FROM generate_series(1, ${OPEN_DOSSIERS}) s, n, communes c WHERE c.i = s % n.total)
      INSERT INTO dossiers (province_code, code, procedure_code, procedure_version, procedure_name, channel, applicant, applicant_phone,
        applicant_commune_code, receiving_unit_code, competent_unit_code, return_unit_code, received_at, received_by, clock, status, due_at, finished_at)
      SELECT '74', 'TEST-241210-' || lpad(s::text, 5, '0'), ${version.procedure_code}, ${version.version}, ${version.name}, 'direct',
        jsonb_build_object('kind', 'citizen', 'fullName', 'Người nộp ' || s), '09' || lpad(s::text, 8, '0'), commune,
        CASE WHEN s % 3 = 0 THEN branch ELSE 'DTN' || commune END,
        CASE WHEN s % 4 = 0 THEN 'UBH' || substr(branch, 3) WHEN s % 4 = 1 THEN 'STP74' ELSE 'UBX' || commune END,
        'DTN' || commune, '2024-12-10T09:00:00+07:00', 'tn.test', '{}'::jsonb,
        (ARRAY['received','transferred','processing','awaiting_supplement','result_ready','returned','rejected'])[1 + s % 7],
        '2024-12-24T17:00:00+07:00'::timestamptz + (s % 50) * interval '1 day',
        CASE WHEN s % 7 IN (4, 5, 6) THEN '2024-12-15T10:00:00+07:00'::timestamptz END
      FROM g`.execute(handle.db);
    await sql`
      INSERT INTO dossier_actions (province_code, dossier_code, seq, type, at, actor_username, actor_roles, actor_unit_code, to_status)
      SELECT '74', code, 1, 'receive', received_at, 'tn.test', ARRAY['reception'], receiving_unit_code, 'received' FROM dossiers WHERE code LIKE 'TEST-%'`.execute(handle.db);
    await seedOpenWork(handle.db);
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });
  return { clock, post, bundled, snapshot, orphansAt, totals, openWorkOrphansAt, openWorkTotals, ticketNumbersUnique, signIn, get app() { return app; }, get handle() { return handle; }, get ctx() { return ctx; }, get adminToken() { return adminToken; } };

}

describe.each(ENGINES)('restructuring phases 2 and 3 on %s', (engine) => {
  const f = restructuringFixture(engine);
  const { clock, post, bundled, snapshot, orphansAt, totals, openWorkOrphansAt, openWorkTotals, ticketNumbersUnique, signIn } = f;

  it('refuses a bad plan listing every problem, and changes nothing', async () => {
    const before = await snapshot();
    const res = await post({ dryRun: false, plan: { id: 'bad', title: 'Sai', effectiveAt: '2025-01-01T00:00:00+07:00', operations: [
      { op: 'merge', from: ['DTN00000'], into: 'CN718' },
      { op: 'move', code: 'TT74', parentCode: 'CN718' },
      { op: 'close', code: 'CN719' },
      { op: 'split', from: 'DTN25741', into: ['DTN25744', 'DTN25747'], assignBy: 'applicantCommune', communeMap: { '25744': 'DTN25744' } },
    ] } });
    expect(res.statusCode, res.body).toBe(400);
    const problems = res.json().error.details.problems.map((p: { code: string }) => p.code);
    expect(problems).toEqual(expect.arrayContaining(['PLAN_UNKNOWN_UNIT', 'PLAN_CYCLE', 'PLAN_ORPHAN', 'PLAN_OPEN_WORK_WITHOUT_SUCCESSOR', 'PLAN_SPLIT_NO_DEFAULT']));
    expect(await snapshot()).toEqual(before);
    const officer = (await f.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'gd.TT74', password: DEMO_PASSWORD } })).json().token;
    expect((await post({ plan: await bundled('bd-phase-2'), dryRun: true }, officer)).statusCode).toBe(403);
  });

  it('schedules phase 2 ahead of time, shows the network at each date, and can take it back', async () => {
    const plan = await bundled('bd-phase-2');
    const preview = await post({ plan, dryRun: true });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ planId: 'bd-phase-2', applied: false, impact: { unitsCreated: 0, unitsClosed: 9, deadlinesChanged: 0 } });
    expect(preview.json().impact.network.after.reception_point).toBe(82);
    expect(preview.json().impact.dossiersMoved).toBeGreaterThan(0);
    // The tickets of 01/01 and 01/07 at the 9 merged points (open ones only), their appointments and counters.
    const openPerUnitDay = Array.from({ length: TICKETS_PER_UNIT_DAY }, (_, i) => i + 1).filter((k) => !['finished', 'no_show'].includes(['waiting', 'waiting', 'waiting', 'parked', 'called', 'serving', 'finished', 'no_show'][k % 8]!)).length;
    expect(preview.json().impact.ticketsMoved).toBe(9 * 2 * openPerUnitDay);
    expect(preview.json().impact.appointmentsMoved).toBeGreaterThan(9 * 5);
    expect(preview.json().impact.openWork).toMatchObject({ counters: 27, serviceGroups: 45, subDossiers: 0 });
    expect(preview.json().impact.openWork.feedback).toBeGreaterThan(0);
    expect(preview.json().impact.queues).toHaveLength(9);

    const scheduled = await post({ plan, dryRun: false });
    expect(scheduled.json()).toMatchObject({ applied: false, status: 'scheduled' });
    const points = async (at: string) => (await f.app.inject({ url: `/api/v1/units?type=reception_point&at=${at}&limit=1` })).json().total;
    expect(await points('2024-12-31')).toBe(91);
    expect(await points('2025-01-01')).toBe(82);
    const undo = await f.app.inject({ method: 'POST', url: '/api/v1/admin/restructure/bd-phase-2/undo', headers: { authorization: `Bearer ${f.adminToken}` } });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await points('2025-01-01')).toBe(91);
  });

  it('applies phase 2 then phase 3 without losing, stopping or re-timing a dossier', async () => {
    const before = await snapshot();
    const totalsBefore = await totals();
    const workBefore = await openWorkTotals();
    const openBefore = [...before.values()].filter((d) => !['returned', 'rejected', 'withdrawn'].includes(d.status));

    // Phase 2 is accepted before its instant, then takes effect when the clock passes it.
    expect((await post({ plan: await bundled('bd-phase-2'), dryRun: false })).json().status).toBe('scheduled');
    clock.set('2025-01-01T00:05:00+07:00');
    expect(await applyDuePlans(f.ctx)).toEqual(['bd-phase-2']);
    expect(await applyDuePlans(f.ctx)).toEqual([]);
    // The citizens whose place changed are told: each booked appointment moved (SMS) and each applicant
    // whose result is now returned at a successor (not by post), in the plan's transaction.
    const applied = (await sql<{ details: { appointmentsMoved: number; notified: { appointments: number; returnPlaces: number } } }>`
      SELECT details FROM audit_log WHERE action = 'restructure.apply' AND entity_id = 'bd-phase-2'`.execute(f.handle.db)).rows[0]!.details;
    const queued = async (template: string) => (await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM notifications WHERE template = ${template} AND channel = 'sms'`.execute(f.handle.db)).rows[0]!.n;
    expect(applied.appointmentsMoved).toBeGreaterThan(9 * 5);
    expect(applied.notified.appointments).toBe(applied.appointmentsMoved);
    expect(await queued('queue.appointment_moved')).toBe(applied.appointmentsMoved);
    const returnMoves = (await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM dossier_actions a JOIN dossiers d ON d.province_code = a.province_code AND d.code = a.dossier_code
      WHERE a.type = 'restructure' AND a.payload->>'planId' = 'bd-phase-2' AND a.payload->'moves' @> '[{"role":"return"}]'::jsonb AND NOT d.return_by_post`.execute(f.handle.db)).rows[0]!.n;
    expect(returnMoves).toBeGreaterThan(0);
    expect(applied.notified.returnPlaces).toBe(returnMoves);
    expect(await queued('dossier.return_place_changed')).toBe(returnMoves);
    const sms = (await sql<{ recipient: string; payload: Record<string, string> }>`
      SELECT n.recipient, n.payload FROM notifications n WHERE n.template = 'queue.appointment_moved' ORDER BY n.id LIMIT 1`.execute(f.handle.db)).rows[0]!;
    const appointment = (await sql<{ phone: string; unit_code: string; name: string }>`
      SELECT a.phone, a.unit_code, u.name FROM queue_appointments a JOIN units u ON u.code = a.unit_code WHERE a.code = ${sms.payload.code}`.execute(f.handle.db)).rows[0]!;
    expect(sms.recipient).toBe(appointment.phone);
    expect(sms.payload.place).toBe(appointment.name);
    expect(sms.payload.previousPlace).not.toBe(appointment.name);
    expect(sms.payload.effectiveDate).toBe('01/01/2025');
    expect(await orphansAt('2025-01-01T00:05:00+07:00')).toEqual([]);
    expect(await openWorkOrphansAt('2025-01-01T00:05:00+07:00')).toEqual([]);
    expect(await openWorkTotals()).toEqual(workBefore);
    expect(await ticketNumbersUnique()).toBe(0);

    clock.set('2025-07-01T08:00:00+07:00');
    await signIn();
    const phase3 = await post({ plan: await bundled('bd-phase-3'), dryRun: false });
    expect(phase3.statusCode, phase3.body).toBe(200);
    expect(phase3.json()).toMatchObject({ applied: true, impact: { unitsCreated: 10 } });
    expect(phase3.json().impact.network.after).toMatchObject({ center: 1, branch: 19, reception_point: 48 });
    // Applying twice is a no-op.
    const again = await post({ plan: await bundled('bd-phase-3'), dryRun: false });
    expect(again.json()).toEqual(phase3.json());

    // The reform took effect the same instant phase 3 was to start: on top of phase 3 it would close
    // units in the instant they open, which is refused (the reform path is tested on its own below).
    const reformOnPhase3 = await post({ plan: await bundled('hcm-reform-2025-07-01'), dryRun: true });
    expect(reformOnPhase3.statusCode).toBe(400);
    expect(reformOnPhase3.json().error.details.problems.map((p: { code: string }) => p.code)).toContain('PLAN_CLOSE_BEFORE_START');
    expect(await orphansAt('2025-07-01T08:00:00+07:00')).toEqual([]);
    expect(await openWorkOrphansAt('2025-07-01T08:00:00+07:00')).toEqual([]);
    expect(await openWorkTotals()).toEqual(workBefore);
    expect(await ticketNumbersUnique()).toBe(0);
    // Each ticket moved carries the move in its history, with the number it had; its place in line is its issue instant.
    const ticketMoves = (await sql<{ n: number; planned: number }>`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE details->>'planId' = 'bd-phase-3')::int AS planned FROM queue_ticket_events WHERE type = 'restructured'`.execute(f.handle.db)).rows[0]!;
    expect(ticketMoves.planned).toBe(phase3.json().impact.ticketsMoved);
    expect(ticketMoves.n).toBeGreaterThan(ticketMoves.planned);
    const feedbackMoves = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM feedback_events WHERE type = 'restructure'`.execute(f.handle.db)).rows[0]!.n;
    expect(feedbackMoves).toBeGreaterThan(0);

    const after = await snapshot();
    expect(after.size).toBe(before.size);
    for (const [code, b] of before) {
      const a = after.get(code)!;
      expect(a.status).toBe(b.status);
      if (['returned', 'rejected'].includes(b.status)) expect(a.units).toEqual(b.units);
      expect(a.due_at?.getTime()).toBe(b.due_at?.getTime());
    }
    expect(await totals()).toEqual(totalsBefore);
    // Finished dossiers keep their units and history; open ones got one history row per plan that moved them.
    const moved = (await sql<{ dossier_code: string; n: number }>`
      SELECT dossier_code, count(*)::int AS n FROM dossier_actions WHERE type = 'restructure' GROUP BY dossier_code`.execute(f.handle.db)).rows;
    const movedCodes = new Set(moved.map((m) => m.dossier_code));
    const closed = new Set((await sql<{ code: string }>`SELECT code FROM units WHERE valid_to IS NOT NULL`.execute(f.handle.db)).rows.map((r) => r.code));
    const shouldMove = openBefore.filter((d) => d.units.some((u) => closed.has(u))).map((d) => d.code).sort();
    expect(shouldMove.length).toBeGreaterThan(100);
    expect([...movedCodes].sort()).toEqual(shouldMove);
    for (const d of [...before.values()].filter((d) => ['returned', 'rejected'].includes(d.status))) expect(movedCodes.has(d.code)).toBe(false);
    for (const m of moved) expect(after.get(m.dossier_code)!.action_count).toBe(before.get(m.dossier_code)!.action_count + m.n);
    // A moved dossier's page names the move in its history.
    // The synthetic dossiers carry no procedure clock, so the history row is read from the table.
    const row = (await sql<{ reason: string; from_status: string; to_status: string }>`
      SELECT reason, from_status, to_status FROM dossier_actions WHERE type = 'restructure' AND dossier_code = ${moved[0]!.dossier_code}`.execute(f.handle.db)).rows[0]!;
    expect(row.reason).toContain('sắp xếp đơn vị hành chính');
    expect(row.from_status).toBe(row.to_status);
    // Staff of closed units work at the successors.
    const stranded = (await sql<{ username: string }>`
      SELECT s.username FROM staff_users s JOIN units u ON u.code = s.unit_code WHERE u.valid_to IS NOT NULL AND u.valid_to <= now()`.execute(f.handle.db)).rows;
    expect(stranded).toEqual([]);
    const audit = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'restructure.apply'`.execute(f.handle.db)).rows[0]!.n;
    expect(audit).toBe(2);
  });

  it('refuses to undo a plan in effect, and a plan that would rewrite a later plan\'s past', async () => {
    const undo = await f.app.inject({ method: 'POST', url: '/api/v1/admin/restructure/bd-phase-3/undo', headers: { authorization: `Bearer ${f.adminToken}` } });
    expect(undo.statusCode).toBe(409);
    const res = await post({ dryRun: false, plan: { id: 'late', title: 'Đổi tên muộn', effectiveAt: '2025-03-01T00:00:00+07:00', operations: [{ op: 'rename', code: 'TT74', name: 'Trung tâm mới' }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.problems.map((p: { code: string }) => p.code)).toContain('PLAN_OVERLAPS');
  });
});

describe.each(ENGINES)('the 01/07/2025 reform on %s', (engine) => {
  const f = restructuringFixture(engine);
  const { clock, post, bundled, snapshot, orphansAt, totals, openWorkOrphansAt, openWorkTotals, ticketNumbersUnique, signIn } = f;

  it('moves every open dossier to the new communes and provincial units, nothing stopped or re-timed', async () => {
    clock.set('2025-01-02T08:00:00+07:00');
    await signIn();
    expect((await post({ plan: await bundled('bd-phase-2'), dryRun: false })).json().status).toBe('applied');
    const before = await snapshot();
    const totalsBefore = await totals();
    const workBefore = await openWorkTotals();
    clock.set('2025-07-01T08:00:00+07:00');
    await signIn();
    const preview = await post({ plan: await bundled('hcm-reform-2025-07-01'), dryRun: true });
    expect(preview.statusCode, preview.body).toBe(200);
    const reform = await post({ plan: await bundled('hcm-reform-2025-07-01'), dryRun: false });
    expect(reform.statusCode, reform.body).toBe(200);
    expect(reform.json().impact).toEqual(preview.json().impact);
    expect(reform.json().impact.network.after).toMatchObject({ center: 1, branch: 0, reception_point: 36 });
    expect(reform.json().impact.unitsCreated).toBe(72);
    expect(await orphansAt('2025-07-01T08:00:00+07:00')).toEqual([]);
    // Every open ticket, appointment, counter, group, paper file, sub-dossier and feedback item sits at a unit valid now.
    expect(reform.json().impact.ticketsMoved).toBeGreaterThan(1000);
    expect(reform.json().impact.appointmentsMoved).toBeGreaterThan(400);
    expect(await openWorkOrphansAt('2025-07-01T08:00:00+07:00')).toEqual([]);
    expect(await openWorkTotals()).toEqual(workBefore);
    expect(await ticketNumbersUnique()).toBe(0);
    // The 36 new points got the service groups and counters of the points they replace.
    const newPoints = (await sql<{ n: number }>`
      SELECT count(DISTINCT c.unit_code)::int AS n FROM queue_counters c JOIN units u ON u.code = c.unit_code WHERE c.active AND u.code LIKE 'DTN79%'`.execute(f.handle.db)).rows[0]!.n;
    expect(newPoints).toBe(36);
    // Sub-dossiers and paper files of split communes followed the applicant's commune, like their dossier.
    const astray = (await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM sub_dossiers s JOIN dossiers d ON d.code = s.parent_code
      WHERE s.status = 'open' AND s.coordinating_unit_code <> d.competent_unit_code AND d.competent_unit_code LIKE 'UBX79%'`.execute(f.handle.db)).rows[0]!.n;
    expect(astray).toBe(0);
    const after = await snapshot();
    for (const [code, b] of before) {
      expect(after.get(code)!.status).toBe(b.status);
      expect(after.get(code)!.due_at?.getTime()).toBe(b.due_at?.getTime());
    }
    expect(await totals()).toEqual(totalsBefore);
    // No open dossier is left with a district-level agency: the district level ended.
    const district = (await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM dossiers d JOIN units u ON u.code = d.competent_unit_code
      WHERE d.status NOT IN ('returned', 'rejected', 'withdrawn') AND u.agency_level = 'district'`.execute(f.handle.db)).rows[0]!.n;
    expect(district).toBe(0);
    const lineage = (await f.app.inject({ url: '/api/v1/units?type=agency&at=2025-06-30&q=' + encodeURIComponent('Hiệp Thành') })).json();
    const hiepThanh = lineage.items.find((u: { code: string }) => u.code === 'UBX25741');
    expect(hiepThanh.successorCodes.sort()).toEqual(['UBX7925747', 'UBX7925750']);
  });
});
