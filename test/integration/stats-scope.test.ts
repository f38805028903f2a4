// The summary's fast path (decision 0026) on each engine, over a history made through the real commands:
// the scope rows equal stats_daily for every unit, day and channel and equal a rebuild from the history;
// a new intake counts in them at once; the end-of-day in-progress snapshots taken by the job equal the
// live count at every day end; a re-parented unit falls back to stats_daily until a rebuild.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { naiveSummary } from '../support/stats-naive.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import { generateDossierHistory } from '../../src/services/demo-dossier-history.ts';
import { rebuildStats } from '../../src/services/stats-rebuild.ts';
import { takeDueSnapshots } from '../../src/jobs/stats-snapshots.ts';
import { listAllUnits, subtreeCodesOf } from '../../src/store/units.ts';
import { inProgressAt, sumRollups } from '../../src/store/stats.ts';
import { scopeRowsMatchTree, sumScopeRollups } from '../../src/store/stats-scope.ts';
import { lastSnapshotDay, openSnapshotOf } from '../../src/store/stats-open.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

const RECEIVING = ['CN724', 'CN718', 'DTN25741', 'DTN25861', 'TT74'];
const FROM = '2024-12-01';
const TO = '2025-01-31';
const dayEnd = (day: string) => new Date(Date.parse(`${day}T00:00:00+07:00`) + 86_400_000);
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe.each(ENGINES)('summary fast path on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let ctx: ServiceContext;
  const clock = testClock('2024-12-09T08:00:00+07:00');
  const tokens = new Map<string, string>();
  let procedureCode: string;

  const token = async (username: string) => {
    if (!tokens.has(username)) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      expect(res.statusCode, res.body).toBe(200);
      tokens.set(username, res.json().token);
    }
    return { authorization: `Bearer ${tokens.get(username)}` };
  };
  const summary = async (unit: string, from: string, to: string) => {
    const res = await app.inject({ url: `/api/v1/stats/summary?unitCode=${unit}&from=${from}&to=${to}`, headers: await token('admin') });
    expect(res.statusCode, res.body).toBe(200);
    const { period: _p, unitCode: _u, satisfaction: _s, ...figures } = res.json();
    return figures;
  };
  /** Scope rows and stats_daily, per day and channel, for one unit's subtree. */
  const bothWays = async (unit: string) => {
    const codes = await subtreeCodesOf(ctx.db, unit);
    const out: Record<string, unknown> = {};
    for (const by of ['day', 'channel'] as const) {
      out[`scope ${by}`] = await sumScopeRollups(ctx.db, ctx.provinceCode, { unitCode: unit, fromDay: FROM, toDay: TO }, by);
      out[`daily ${by}`] = await sumRollups(ctx.db, ctx.provinceCode, { fromDay: FROM, toDay: TO, unitCodes: codes }, by);
    }
    return out;
  };

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    ctx = testContext(handle, clock);
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    const list = (await app.inject({ url: '/api/v1/procedures?level=commune&locationFree=true&at=2024-12-09&q=khai%20sinh&limit=50' })).json();
    procedureCode = list.items.find((p: { processingDays: number | null }) => p.processingDays !== null && p.processingDays >= 3).code;
    const made = await generateDossierHistory(ctx, {
      startDay: '2024-12-09', days: 18, intakesPerDay: 4, receivingUnits: RECEIVING, communes: ['25861', '25741', '25855', '25942'], procedureCode, seed: 26,
      setNow: (d) => clock.set(d),
    });
    expect(made.dossiers).toBeGreaterThan(30);
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('keeps the scope rows equal to stats_daily for every unit, day and channel, and equal to a rebuild from the history', async () => {
    const units = (await listAllUnits(ctx.db)).map((u) => u.code);
    let nonEmpty = 0;
    for (const unit of units) {
      const both = await bothWays(unit);
      expect(both['scope day'], unit).toEqual(both['daily day']);
      expect(both['scope channel'], unit).toEqual(both['daily channel']);
      if ((both['scope day'] as unknown[]).length > 0) nonEmpty++;
    }
    expect(nonEmpty, 'units with facts').toBeGreaterThan(8);
    const verified = await rebuildStats(ctx, { verifyOnly: true });
    expect([verified.differencesBefore, verified.scopeDifferencesBefore, verified.staleTreeUnits]).toEqual([0, 0, 0]);
    // The migration's backfill (for databases that had facts before 0026) derives the same rows.
    const migration = readFileSync(new URL('../../src/store/migrations/0026_stats_scope.sql', import.meta.url), 'utf8');
    const backfill = migration.slice(migration.indexOf('-- Backfill from what exists'));
    expect(backfill).toContain('INSERT INTO stats_scope_daily');
    const scopeRowsBefore = (await sql<{ n: string }>`SELECT count(*) AS n FROM stats_scope_daily`.execute(handle.db)).rows[0]!.n;
    await sql`DELETE FROM stats_scope_daily`.execute(handle.db);
    await sql`DELETE FROM stats_scope_closure`.execute(handle.db);
    await sql.raw(backfill).execute(handle.db);
    expect((await sql<{ n: string }>`SELECT count(*) AS n FROM stats_scope_daily`.execute(handle.db)).rows[0]!.n).toBe(scopeRowsBefore);
    expect((await rebuildStats(ctx, { verifyOnly: true })).scopeDifferencesBefore).toBe(0);
    const before = await summary('UBND74', FROM, TO);
    const rebuilt = await rebuildStats(ctx, { verifyOnly: false });
    expect([rebuilt.differencesAfter, rebuilt.scopeDifferencesAfter]).toEqual([0, 0]);
    expect(await summary('UBND74', FROM, TO)).toEqual(before);
    for (const [unit, from, to] of [['UBND74', FROM, TO], ['TT74', '2024-12-12', '2024-12-20'], ['DTN25741', '2024-12-09', '2024-12-31'], ['UBX25861', '2024-12-15', '2025-01-05']] as const) {
      expect(await summary(unit, from, to), `${unit} ${from}..${to}`).toEqual(await naiveSummary(ctx, unit, from, to, clock.now().getTime()));
    }
  }, 300_000);

  it('counts a new intake in the scope rows at once, under every unit above its two units', async () => {
    clock.set('2025-01-06T09:30:00+07:00');
    tokens.clear();
    const today = '2025-01-06';
    const units = ['UBND74', 'TT74', 'DTN25741', 'UBX25741'];
    const before = await Promise.all(units.map((u) => summary(u, today, today)));
    const res = await app.inject({
      method: 'POST', url: '/api/v1/dossiers', headers: await token('tn.DTN25741'),
      payload: { procedureCode, applicant: { kind: 'citizen', fullName: 'Trần Thị Mai', idNumber: '074090001234', phone: '0912345678', address: { communeCode: '25741' } }, idempotencyKey: 'scope-intake-1' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const competent = res.json().competentUnitCode as string;
    expect(await scopeRowsMatchTree(ctx.db, 'DTN25741', await subtreeCodesOf(ctx.db, 'DTN25741'))).toBe(true);
    const after = await Promise.all(units.map((u) => summary(u, today, today)));
    for (const [i, unit] of units.entries()) {
      const counted = unit !== 'UBX25741' || competent === 'UBX25741';
      expect(after[i]!.received.total - before[i]!.received.total, unit).toBe(counted ? 1 : 0);
    }
    const both = await bothWays('UBND74');
    expect(both['scope day']).toEqual(both['daily day']);
  });

  it('takes end-of-day in-progress snapshots equal to the live count at every day end, and the summary of an ended period reads them', async () => {
    clock.set('2025-01-08T07:00:00+07:00');
    tokens.clear();
    const first = await takeDueSnapshots(ctx, { holder: 'test', leaseMs: 60_000 });
    expect(first.leaseHeld).toBe(true);
    expect(first.days).toBe(30); // 2024-12-09 … 2025-01-07
    expect(await lastSnapshotDay(ctx.db, ctx.provinceCode)).toBe('2025-01-07');
    expect((await takeDueSnapshots(ctx, { holder: 'test', leaseMs: 60_000 })).days).toBe(0);
    let open = 0;
    let overdue = 0;
    for (const unit of ['UBND74', 'TT74', 'CN718', 'CN724', 'DTN25741', 'UBX25861']) {
      const codes = await subtreeCodesOf(ctx.db, unit);
      for (let day = '2024-12-09'; day <= '2025-01-07'; day = nextDay(day)) {
        const live = await inProgressAt(ctx.db, ctx.provinceCode, dayEnd(day), { unitCodes: codes });
        expect(await openSnapshotOf(ctx.db, ctx.provinceCode, unit, day), `${unit} ${day}`).toEqual(live);
        for (const channel of ['direct', 'online']) {
          expect(await openSnapshotOf(ctx.db, ctx.provinceCode, unit, day, channel), `${unit} ${day} ${channel}`)
            .toEqual(await inProgressAt(ctx.db, ctx.provinceCode, dayEnd(day), { unitCodes: codes, channel }));
        }
        open += live.onTime;
        overdue += live.overdue;
      }
    }
    expect(open, 'some dossiers open on time at a day end').toBeGreaterThan(0);
    expect(overdue, 'some dossiers overdue at a day end').toBeGreaterThan(0);
    // The summary of ended periods (snapshot) and of one not ended (live) equal the naive recomputation.
    const now = clock.now().getTime();
    for (const [unit, from, to] of [['UBND74', '2024-12-09', '2024-12-25'], ['TT74', '2024-12-16', '2025-01-07'], ['CN724', '2024-12-09', '2025-01-31']] as const) {
      expect(await summary(unit, from, to), `${unit} ${from}..${to}`).toEqual(await naiveSummary(ctx, unit, from, to, now));
    }
  }, 300_000);

  it('answers a re-parented unit\'s subtree from stats_daily until a rebuild, which makes the scope rows serve again and forgets the snapshots', async () => {
    const units = await listAllUnits(ctx.db);
    const moved = units.find((u) => u.code === 'DTN25741')!;
    const oldParent = moved.parentCode!;
    const newParent = units.find((u) => u.type === 'branch' && u.code !== oldParent)!.code;
    await sql`UPDATE units SET parent_code = ${newParent} WHERE code = 'DTN25741'`.execute(handle.db);
    try {
      expect(await scopeRowsMatchTree(ctx.db, oldParent, await subtreeCodesOf(ctx.db, oldParent))).toBe(false);
      expect(await scopeRowsMatchTree(ctx.db, newParent, await subtreeCodesOf(ctx.db, newParent))).toBe(false);
      expect(await scopeRowsMatchTree(ctx.db, 'TT74', await subtreeCodesOf(ctx.db, 'TT74'))).toBe(true);
      const now = clock.now().getTime();
      for (const unit of [oldParent, newParent]) {
        expect(await summary(unit, FROM, '2025-01-05'), unit).toEqual(await naiveSummary(ctx, unit, FROM, '2025-01-05', now));
      }
      expect((await rebuildStats(ctx, { verifyOnly: true })).staleTreeUnits).toBe(1);
      const rebuilt = await rebuildStats(ctx, { verifyOnly: false });
      expect([rebuilt.differencesAfter, rebuilt.scopeDifferencesAfter, rebuilt.staleTreeUnits]).toEqual([0, 0, 0]);
      expect(await lastSnapshotDay(ctx.db, ctx.provinceCode)).toBeUndefined();
      expect(await scopeRowsMatchTree(ctx.db, newParent, await subtreeCodesOf(ctx.db, newParent))).toBe(true);
      for (const unit of [oldParent, newParent]) {
        expect(await summary(unit, FROM, '2025-01-05'), unit).toEqual(await naiveSummary(ctx, unit, FROM, '2025-01-05', now));
      }
    } finally {
      await sql`UPDATE units SET parent_code = ${oldParent} WHERE code = 'DTN25741'`.execute(handle.db);
    }
    expect((await rebuildStats(ctx, { verifyOnly: false })).staleTreeUnits).toBe(0);
  }, 300_000);
});
