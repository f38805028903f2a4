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
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });
  return { clock, post, bundled, snapshot, orphansAt, totals, signIn, get app() { return app; }, get handle() { return handle; }, get ctx() { return ctx; }, get adminToken() { return adminToken; } };

}

describe.each(ENGINES)('restructuring phases 2 and 3 on %s', (engine) => {
  const f = restructuringFixture(engine);
  const { clock, post, bundled, snapshot, orphansAt, totals, signIn } = f;

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
    const openBefore = [...before.values()].filter((d) => !['returned', 'rejected', 'withdrawn'].includes(d.status));

    // Phase 2 is accepted before its instant, then takes effect when the clock passes it.
    expect((await post({ plan: await bundled('bd-phase-2'), dryRun: false })).json().status).toBe('scheduled');
    clock.set('2025-01-01T00:05:00+07:00');
    expect(await applyDuePlans(f.ctx)).toEqual(['bd-phase-2']);
    expect(await applyDuePlans(f.ctx)).toEqual([]);
    expect(await orphansAt('2025-01-01T00:05:00+07:00')).toEqual([]);

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
  const { clock, post, bundled, snapshot, orphansAt, totals, signIn } = f;

  it('moves every open dossier to the new communes and provincial units, nothing stopped or re-timed', async () => {
    clock.set('2025-01-02T08:00:00+07:00');
    await signIn();
    expect((await post({ plan: await bundled('bd-phase-2'), dryRun: false })).json().status).toBe('applied');
    const before = await snapshot();
    const totalsBefore = await totals();
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
