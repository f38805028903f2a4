// The network planning view and reports across a restructuring, on each engine: with 18 days of intake
// in the daily rollups, phase 2's planning view counts points per district before and after, moves the
// merged points' staff, counters and in-person load onto their Branches and estimates the waits; after
// the plan takes effect the summary gives the same totals, read in the old structure or in today's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { replaceScopeRollups } from '../../src/store/stats-scope.ts';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

const DAYS = 18; // 02/12 → 19/12/2024
const DIRECT = { center: 30, branch: 12, reception_point: 4 } as const;
const ONLINE = 3;

interface Point { code: string; type: string; districtCode: string | null; state: string; staffBefore: number; staffAfter: number; countersBefore: number; countersAfter: number; visitsPerDayBefore: number; visitsPerDayAfter: number; absorbedPerDay: number; waitMinutesBefore: number | null; waitMinutesAfter: number | null; successor: string | null }
interface District { code: string | null; pointsBefore: number; pointsAfter: number; staffBefore: number; staffAfter: number }

describe.each(ENGINES)('network planning and reports across a plan on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock('2024-12-20T09:00:00+07:00');
  let token = '';
  const auth = () => ({ authorization: `Bearer ${token}` });
  const signIn = async (username = 'admin') => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().token as string;
  };
  let phase2: unknown;
  const planning = (plan: unknown, headers = auth()) => app.inject({ method: 'POST', url: '/api/v1/admin/restructure/planning', headers, payload: { plan } as Record<string, unknown> });
  const summary = (query: string) => app.inject({ url: `/api/v1/stats/summary?unitCode=TT74&from=2024-12-02&to=2024-12-19${query}`, headers: auth() });

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const ctx = testContext(handle, clock);
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    token = await signIn();
    // In-person and online intake at every reception unit for 18 days (a procedure of its own, so no demo row collides).
    await sql`
      INSERT INTO stats_daily (province_code, day, receiving_unit_code, competent_unit_code, procedure_code, channel, received, finished_on_time)
      SELECT '74', d::date, u.code, 'STP74', 'TEST-PLANNING', c.channel,
        CASE WHEN c.channel = 'online' THEN ${ONLINE}::int WHEN u.type = 'center' THEN ${DIRECT.center}::int WHEN u.type = 'branch' THEN ${DIRECT.branch}::int ELSE ${DIRECT.reception_point}::int END, 1
      FROM units u, generate_series('2024-12-02'::date, '2024-12-19'::date, interval '1 day') d, (VALUES ('direct'), ('online')) c(channel)
      WHERE u.type IN ('center', 'branch', 'reception_point')`.execute(handle.db);
    // The summary's per-subtree rows mirror stats_daily (decision 0026): derive them as a rebuild would.
    await handle.db.transaction().execute((trx) => replaceScopeRollups(trx, '74'));
    phase2 = (await app.inject({ url: '/api/v1/admin/restructure/bundled', headers: auth() })).json().items.find((p: { id: string }) => p.id === 'bd-phase-2');
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('shows points per district, staff, counters, the load absorbed and the waits for phase 2', async () => {
    const res = await planning(phase2);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { window: { observedDays: number }; method: string; points: Point[]; districts: District[] };
    expect(body.window.observedDays).toBe(DAYS);
    expect(body.method).toContain('Erlang C');
    const sum = (list: readonly District[], pick: (d: District) => number) => list.reduce((a, d) => a + pick(d), 0);
    expect(sum(body.districts, (d) => d.pointsBefore)).toBe(1 + 9 + 91);
    expect(sum(body.districts, (d) => d.pointsAfter)).toBe(1 + 9 + 82);
    expect(body.districts.filter((d) => d.code !== null)).toHaveLength(9);
    // Staff are moved, never lost; in-person load is moved, never lost (online intake is not a visit).
    expect(sum(body.districts, (d) => d.staffAfter)).toBe(sum(body.districts, (d) => d.staffBefore));
    const visits = (pick: (p: Point) => number) => Math.round(body.points.reduce((a, p) => a + pick(p), 0));
    expect(visits((p) => p.visitsPerDayBefore)).toBe(DIRECT.center + 9 * DIRECT.branch + 91 * DIRECT.reception_point);
    expect(visits((p) => p.visitsPerDayAfter)).toBe(visits((p) => p.visitsPerDayBefore));

    const closed = body.points.filter((p) => p.state === 'closed');
    expect(closed).toHaveLength(9);
    for (const point of closed) {
      const branch = body.points.find((p) => p.code === point.successor)!;
      expect(branch).toMatchObject({ type: 'branch', state: 'kept', districtCode: point.districtCode });
      expect(branch.visitsPerDayAfter).toBe(DIRECT.branch + DIRECT.reception_point);
      expect(branch.absorbedPerDay).toBe(DIRECT.reception_point);
      expect(branch.countersAfter).toBe(branch.countersBefore + point.countersBefore);
      expect(branch.staffAfter).toBe(branch.staffBefore + point.staffBefore);
      expect(branch.waitMinutesAfter!).toBeGreaterThanOrEqual(branch.waitMinutesBefore!);
      expect(point).toMatchObject({ staffAfter: 0, countersAfter: 0, visitsPerDayAfter: 0, waitMinutesAfter: null });
    }
  });

  it('refuses a bad plan and anyone but the province administrator', async () => {
    const bad = await planning({ id: 'sai', title: 'Sai', effectiveAt: '2025-01-01T00:00:00+07:00', operations: [{ op: 'merge', from: ['KHONGCO'], into: 'CN718' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.problems.map((p: { code: string }) => p.code)).toContain('PLAN_UNKNOWN_UNIT');
    expect((await planning(phase2, { authorization: `Bearer ${await signIn('gd.TT74')}` })).statusCode).toBe(403);
  });

  it('reads the same totals before and after the plan, in the structure of a date or of today', async () => {
    const before = await summary('&structure=mapped');
    expect(before.statusCode, before.body).toBe(200);
    const totalBefore = before.json().received.total;
    expect(totalBefore).toBeGreaterThanOrEqual((DIRECT.center + 9 * DIRECT.branch + 91 * DIRECT.reception_point + 101 * ONLINE) * DAYS);
    const sumOf = (units: Array<{ received: number; finished: number }>) => ({ received: units.reduce((a, u) => a + u.received, 0), finished: units.reduce((a, u) => a + u.finished, 0) });
    expect(sumOf(before.json().structure.units).received).toBe(totalBefore);

    // Phase 2 is accepted ahead of time: the planning view reads the accepted plan the same way.
    const preview = (await planning(phase2)).json();
    expect((await app.inject({ method: 'POST', url: '/api/v1/admin/restructure', headers: auth(), payload: { plan: phase2, dryRun: false } as Record<string, unknown> })).json().status).toBe('scheduled');
    expect((await planning(phase2)).json()).toEqual(preview);

    clock.set('2025-01-02T09:00:00+07:00');
    token = await signIn();
    const { applyDuePlans } = await import('../../src/services/restructure.ts');
    expect(await applyDuePlans(testContext(handle, clock))).toEqual(['bd-phase-2']);

    const plain = await summary('');
    const mapped = await summary('&structure=mapped');
    const asOf = await summary('&structure=asOf&structureAt=2024-12-31');
    for (const res of [plain, mapped, asOf]) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().received.total).toBe(totalBefore);
    }
    const finishedTotal = (r: typeof plain) => r.json().finished.early + r.json().finished.onTime + r.json().finished.late;
    for (const res of [mapped, asOf]) expect(sumOf(res.json().structure.units)).toEqual({ received: totalBefore, finished: finishedTotal(res) });

    // Today's structure: the 9 merged points' figures are their Branches'; the structure of 31/12/2024 still has them.
    const closed = preview.points.filter((p: Point) => p.state === 'closed') as Point[];
    const mappedUnits = new Map((mapped.json().structure.units as Array<{ code: string; received: number }>).map((u) => [u.code, u.received]));
    const asOfUnits = new Map((asOf.json().structure.units as Array<{ code: string; received: number }>).map((u) => [u.code, u.received]));
    for (const point of closed) {
      expect(mappedUnits.has(point.code)).toBe(false);
      expect(asOfUnits.get(point.code)).toBe((DIRECT.reception_point + ONLINE) * DAYS);
      expect(mappedUnits.get(point.successor!)).toBe(asOfUnits.get(point.successor!)! + asOfUnits.get(point.code)!);
    }
    const bad = await summary('&structure=later');
    expect(bad.statusCode).toBe(400);
  });
});
