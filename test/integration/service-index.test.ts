// The service index (Decision 766) and the Circular 01/2018 evaluation on each engine, over a history made
// through the real commands plus ratings and scans: every measured input and every point equals the one
// computed here by hand from the raw tables (dossiers, actions, catalog, ratings, attachments); unmeasured
// indicators stay "not measured"; a configured override changes the points; bad input is refused clearly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import { generateDossierHistory } from '../../src/services/demo-dossier-history.ts';
import { provinceCalendar } from '../../src/services/calendar.ts';
import { serviceIndex } from '../../src/services/stats-service-index.ts';
import { workingCoordinate } from '../../src/domain/calendar/index.ts';
import { insertRating } from '../../src/store/portal.ts';
import { recordedResults } from '../../src/store/service-index.ts';
import { findStaffByUsername } from '../../src/store/staff.ts';
import { subtreeCodesOf } from '../../src/store/units.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

const COMMUNES = ['25861', '25741', '25855', '25942'];
const RECEIVING = ['CN724', 'CN718', 'DTN25741', 'DTN25861', 'TT74'];
const start = (day: string) => Date.parse(`${day}T00:00:00+07:00`);
const OUTCOME_POINTS: Record<string, number> = { early: 2, on_time: 1, late: 0 };

/** Points as the rule says, written out: full from the threshold, else proportional, two decimals rounded down. */
const rate = (max: number, fullAt: number, count: number, total: number) => Math.floor(max * Math.min(1, (count / total) * 100 / fullAt) * 100 + 1e-9) / 100;

interface Indicator { id: string; status: string; points: number | null; count: number | null; total: number | null; percent: number | null; maxPoints: number }

describe.each(ENGINES)('service index and evaluation on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let ctx: ServiceContext;
  const clock = testClock('2024-12-09T08:00:00+07:00');
  const tokens = new Map<string, string>();

  const token = async (username: string) => {
    if (!tokens.has(username)) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      expect(res.statusCode, res.body).toBe(200);
      tokens.set(username, res.json().token);
    }
    return { authorization: `Bearer ${tokens.get(username)}` };
  };
  const get = async (username: string, url: string) => app.inject({ url: `/api/v1/stats/${url}`, headers: await token(username) });

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    ctx = testContext(handle, clock);
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    const list = (await app.inject({ url: '/api/v1/procedures?level=commune&locationFree=true&at=2024-12-09&q=khai%20sinh&limit=50' })).json();
    const procedureCode = list.items.find((p: { processingDays: number | null }) => p.processingDays !== null && p.processingDays >= 3).code;
    await generateDossierHistory(ctx, {
      startDay: '2024-12-09', days: 20, intakesPerDay: 4, receivingUnits: RECEIVING, communes: COMMUNES, procedureCode, seed: 766, setNow: (d) => clock.set(d),
    });
    clock.set('2025-01-06T09:00:00+07:00');
    // Citizens' ratings given in December (one "Không hài lòng" with low answers) and scans of some dossiers.
    const returned = await handle.db.selectFrom('dossiers').select('code').where('status', '=', 'returned').orderBy('code').limit(3).execute();
    expect(returned.length).toBe(3);
    const levels = ['very_satisfied', 'satisfied', 'dissatisfied'] as const;
    for (const [i, r] of returned.entries()) {
      const points = i === 2 ? { time: 0, contacts: 0, agencies: 1, attitude: 0 } : { time: 2, contacts: 2, agencies: 2, attitude: 2 };
      await insertRating(handle.db, ctx.provinceCode, { dossierCode: r.code, ratedAt: new Date('2024-12-27T10:00:00+07:00'), overall: levels[i]!, criteria: { answers: {}, points },
        points: Object.values(points).reduce((a, b) => a + b, 0), comment: null, via: 'lookup', citizenId: null });
    }
    const scanned = await handle.db.selectFrom('dossiers').select('code').orderBy('code').limit(7).execute();
    for (const [i, d] of scanned.entries()) {
      await handle.db.insertInto('dossier_attachments').values({ province_code: ctx.provinceCode, dossier_code: d.code, document_name: 'Tờ khai', file_name: `scan-${i}.pdf`,
        media_type: 'application/pdf', size_bytes: 1000, sha256: `${String(i).padStart(2, '0')}${'a'.repeat(62)}`, uploader_kind: 'staff', uploader_id: 'test',
        uploader_name: 'Cán bộ', uploader_unit_code: 'TT74', uploaded_at: clock.now() }).execute();
    }
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  /** The dossiers of a subtree and their actions, straight from the tables. */
  async function history(unitCode: string) {
    const units = new Set(await subtreeCodesOf(ctx.db, unitCode));
    const dossiers = (await ctx.db.selectFrom('dossiers').select(['code', 'channel', 'receiving_unit_code', 'competent_unit_code', 'received_at', 'due_at', 'procedure_code', 'procedure_version']).execute())
      .filter((d) => units.has(d.receiving_unit_code) || units.has(d.competent_unit_code));
    const codes = dossiers.map((d) => d.code);
    const actions = await ctx.db.selectFrom('dossier_actions').selectAll().where('dossier_code', 'in', codes).orderBy('dossier_code').orderBy('seq').execute();
    const ratings = await ctx.db.selectFrom('dossier_ratings').selectAll().where('dossier_code', 'in', codes).execute();
    const attachments = new Set((await ctx.db.selectFrom('dossier_attachments').select('dossier_code').execute()).map((a) => a.dossier_code));
    const versions = await ctx.db.selectFrom('procedure_versions').select(['procedure_code', 'version', 'problem_count', 'digitally_signed_result', 'online_level', 'valid_from', 'valid_to', 'content']).execute();
    return { dossiers, actions, ratings, attachments, versions };
  }

  const outcomeOf = (a: { payload: unknown }) => (a.payload as { outcome?: string }).outcome;

  it('scores every measured indicator exactly as computed by hand from the raw tables, for the province and a branch', async () => {
    const { calendar } = await provinceCalendar(ctx);
    let nonTrivial = 0;
    for (const [user, unit] of [['gd.TT74', 'TT74'], ['gd.TT74', 'CN724'], ['admin', 'UBND74']] as const) {
      const res = await get(user, `index-766?unitCode=${unit}&period=month&at=2024-12-15`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.period).toMatchObject({ kind: 'month', from: '2024-12-01', to: '2024-12-31', label: 'Tháng 12/2024' });
      const byId = new Map<string, Indicator>(body.groups.flatMap((g: { indicators: Indicator[] }) => g.indicators).map((i: Indicator) => [i.id, i]));
      const h = await history(unit);
      const from = start('2024-12-01');
      const to = start('2025-01-01');
      const inPeriod = (d: Date) => d.getTime() >= from && d.getTime() < to;
      const received = h.dossiers.filter((d) => h.actions.some((a) => a.dossier_code === d.code && a.seq === 1 && a.type === 'receive' && inPeriod(a.at)));
      const finishing = h.actions.filter((a) => outcomeOf(a) !== undefined && inPeriod(a.at));
      const late = finishing.filter((a) => outcomeOf(a) === 'late').length;
      const disliked = h.ratings.filter((r) => r.overall === 'dissatisfied' && inPeriod(r.rated_at)).length;

      // 2.1 on time, 3.3 online, 4.2 digitised, 5.4 satisfaction in receipt and processing.
      expect(byId.get('2.1'), unit).toMatchObject({ status: 'scored', count: finishing.length - late, total: finishing.length, points: rate(10, 100, finishing.length - late, finishing.length) });
      const online = received.filter((d) => d.channel === 'online').length;
      expect(byId.get('3.3')).toMatchObject({ count: online, total: received.length, points: rate(4, 50, online, received.length) });
      const digitised = received.filter((d) => h.attachments.has(d.code)).length;
      expect(byId.get('4.2')).toMatchObject({ count: digitised, total: received.length, points: rate(5, 80, digitised, received.length) });
      const satisfied = Math.max(0, finishing.length - late - disliked);
      expect(byId.get('5.4')).toMatchObject({ count: satisfied, total: finishing.length, points: rate(6, 90, satisfied, finishing.length) });

      // 4.1 electronic results and 2.2 share of the promised working time, over the recorded results.
      const results = finishing.filter((a) => a.type === 'record_result');
      const versionOf = (code: string) => {
        const d = h.dossiers.find((x) => x.code === code)!;
        return h.versions.find((v) => v.procedure_code === d.procedure_code && v.version === d.procedure_version)!;
      };
      const electronic = results.filter((a) => versionOf(a.dossier_code).digitally_signed_result).length;
      expect(byId.get('4.1')).toMatchObject({ count: electronic, total: results.length, points: rate(4, 100, electronic, results.length) });
      const shares = results.map((a) => {
        const d = h.dossiers.find((x) => x.code === a.dossier_code)!;
        const c = (t: Date) => workingCoordinate(calendar, t.getTime());
        return (c(a.at) - c(d.received_at)) / (c(d.due_at!) - c(d.received_at));
      });
      const share = (shares.reduce((x, y) => x + y, 0) / shares.length) * 100;
      expect(byId.get('2.2')).toMatchObject({ status: 'scored', total: results.length, percent: Math.round(share * 10) / 10, points: share <= 100 ? 10 : Math.floor((10 * 100 / share) * 100 + 1e-9) / 100 });

      // Catalog indicators: the versions in force at the period's end (the whole province's catalog).
      const current = h.versions.filter((v) => v.valid_from.getTime() <= to && (v.valid_to === null || v.valid_to.getTime() > to));
      const complete = current.filter((v) => v.problem_count === 0).length;
      expect(byId.get('1.3')).toMatchObject({ count: complete, total: current.length, points: rate(4, 100, complete, current.length) });
      const offered = current.filter((v) => v.online_level !== 'none').length;
      expect(byId.get('3.1')).toMatchObject({ count: offered, total: current.length, points: rate(4, 80, offered, current.length) });

      // Not measured is never zero; no feedback in the period is "no data".
      for (const id of ['1.1', '1.2', '1.4', '4.4', '4.5']) expect(byId.get(id), id).toMatchObject({ status: 'not_measured', points: null });
      // 4.3: nothing was reused in this history (test/integration/document-reuse.test.ts reuses papers).
      if (received.length > 0) expect(byId.get('4.3')).toMatchObject({ status: 'scored', count: 0, total: received.length, points: 0 });
      for (const id of ['5.1', '5.2', '5.3']) expect(byId.get(id), id).toMatchObject({ status: 'no_data', points: null });

      // Groups and total add the scored points only, and never exceed their maxima.
      for (const g of body.groups) {
        const scored = g.indicators.filter((i: Indicator) => i.status === 'scored');
        expect(g.points).toBeCloseTo(scored.reduce((s: number, i: Indicator) => s + i.points!, 0), 6);
        expect(g.points).toBeLessThanOrEqual(g.maxPoints);
      }
      expect(body.points).toBeCloseTo(body.groups.reduce((s: number, g: { points: number }) => s + g.points, 0), 6);
      expect(body.maxPoints).toBe(100);
      expect(byId.get('2.1')!.total).toBeGreaterThan(0);
      if (late > 0 && late < finishing.length && disliked > 0) nonTrivial++;
    }
    expect(nonTrivial, 'the history has late and on-time finishes and a dislike in scope').toBeGreaterThan(0);
  }, 300_000);

  it('reads the recorded results page by page without losing or repeating one', async () => {
    const scope = { fromDay: '2024-12-01', toDay: '2024-12-31', unitCodes: await subtreeCodesOf(ctx.db, 'TT74') };
    const all = await recordedResults(ctx.db, ctx.provinceCode, scope, { limit: 100_000 });
    expect(all.length).toBeGreaterThan(7);
    const paged: string[] = [];
    let after: { at: Date; code: string } | undefined;
    for (;;) {
      const page = await recordedResults(ctx.db, ctx.provinceCode, scope, { limit: 3, after });
      paged.push(...page.map((r) => r.code));
      if (page.length < 3) break;
      after = { at: page[page.length - 1]!.at, code: page[page.length - 1]!.code };
    }
    expect(paged).toEqual(all.map((r) => r.code));
  });

  it('compares the units below the chosen one, each scored on its own subtree', async () => {
    const body = (await get('gd.TT74', 'index-766?unitCode=TT74&period=month&at=2024-12-15')).json();
    const children = (await ctx.db.selectFrom('units').select('code').where('parent_code', '=', 'TT74').orderBy('code').execute()).map((u) => u.code);
    expect(body.byUnit.map((u: { unitCode: string }) => u.unitCode)).toEqual(children);
    const cn724 = (await get('gd.TT74', 'index-766?unitCode=CN724&period=month&at=2024-12-15')).json();
    expect(body.byUnit.find((u: { unitCode: string }) => u.unitCode === 'CN724').points).toBe(cn724.points);
  }, 120_000);

  it('answers a quarter and a year over the same days as the month when the history lies inside it', async () => {
    const month = (await get('gd.TT74', 'index-766?unitCode=TT74&period=month&at=2024-12-15')).json();
    const quarter = (await get('gd.TT74', 'index-766?unitCode=TT74&period=quarter&at=2024-11-02')).json();
    const year = (await get('gd.TT74', 'index-766?unitCode=TT74&period=year&at=2024-01-01')).json();
    expect(quarter.period).toMatchObject({ from: '2024-10-01', to: '2024-12-31', label: 'Quý 4/2024' });
    expect(year.period).toMatchObject({ from: '2024-01-01', to: '2024-12-31', label: 'Năm 2024' });
    const pointsOf = (b: { groups: Array<{ indicators: Indicator[] }> }) => b.groups.flatMap((g) => g.indicators.map((i) => [i.id, i.points, i.count, i.total]));
    expect(pointsOf(quarter)).toEqual(pointsOf(month));
    expect(pointsOf(year)).toEqual(pointsOf(month));
  }, 120_000);

  it('scores with a configured override of the points and thresholds', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'motcua-index-'));
    writeFileSync(join(dataDir, 'service-index.json'), JSON.stringify({ indicators: { '2.1': { maxPoints: 14 }, '2.2': { maxPoints: 6 }, '3.3': { fullAtPercent: 100 } } }));
    const configured = { ...ctx, settings: { ...ctx.settings, dataDir } };
    const staff = (await findStaffByUsername(ctx.db, 'gd.TT74'))!;
    const actor = { userId: staff.id, username: staff.username, fullName: staff.fullName, unitCode: staff.unitCode, unitName: staff.unitCode, roles: staff.roles };
    const body = await serviceIndex(configured, actor, { unitCode: 'TT74', period: 'month', at: '2024-12-15' });
    const i21 = body.groups.flatMap((g) => g.indicators).find((i) => i.id === '2.1')!;
    expect(i21.maxPoints).toBe(14);
    expect(i21.points).toBe(rate(14, 100, i21.count!, i21.total!));
    expect(body.config.source).toBe('configured');
    writeFileSync(join(dataDir, 'service-index.json'), JSON.stringify({ indicators: { '2.1': { maxPoints: 30 } } }));
    await expect(serviceIndex(configured, actor, { unitCode: 'TT74', period: 'month', at: '2024-12-15' })).rejects.toThrow(/service-index\.json.*"progress"/);
  });

  it('evaluates officers and units under Circular 01/2018 exactly as computed by hand', async () => {
    const res = await get('gd.TT74', 'evaluation?unitCode=TT74&period=quarter&at=2024-12-15');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const h = await history('TT74');
    const from = start('2024-10-01');
    const to = start('2025-01-01');
    const perOfficer = new Map<string, number[][]>();
    for (const a of h.actions) {
      const outcome = outcomeOf(a);
      if (outcome === undefined || a.type === 'withdraw' || a.at.getTime() < from || a.at.getTime() >= to) continue;
      const d = h.dossiers.find((x) => x.code === a.dossier_code)!;
      const supplements = h.actions.filter((x) => x.dossier_code === a.dossier_code && x.type === 'request_supplement' && x.seq < a.seq).length;
      const rated = h.ratings.find((r) => r.dossier_code === a.dossier_code)?.criteria as { points: Record<string, number> } | undefined;
      const v = h.versions.find((x) => x.procedure_code === d.procedure_code && x.version === d.procedure_version)!;
      const time = OUTCOME_POINTS[outcome]!;
      const cap = (n: number, k: string) => Math.min(n, rated?.points[k] ?? 2);
      const indices = [cap(time, 'time'), time, cap(supplements === 0 ? 2 : supplements === 1 ? 1 : 0, 'contacts'), cap(d.channel === 'online' ? 2 : 1, 'agencies'),
        v.problem_count === 0 ? 2 : 1, cap(time, 'attitude')];
      perOfficer.set(a.actor_username, [...(perOfficer.get(a.actor_username) ?? []), indices]);
    }
    expect(perOfficer.size).toBeGreaterThan(1);
    const round2 = (x: number) => Math.round(x * 100) / 100;
    const expected = [...perOfficer.entries()].map(([username, list]) => {
      const score = round2(list.reduce((s, i) => s + i.reduce((a, b) => a + b, 0), 0) / list.length);
      return { username, dossiers: list.length, score, band: score >= 5 ? 'complete' : score >= 3.5 ? 'mostly_complete' : 'incomplete' };
    }).sort((a, b) => b.score - a.score || a.username.localeCompare(b.username));
    expect(body.officers.map((o: { username: string; dossiers: number; score: number; band: string }) => ({ username: o.username, dossiers: o.dossiers, score: o.score, band: o.band }))).toEqual(expected);

    const all = [...perOfficer.values()].flat();
    const avg = (k: number) => round2(all.reduce((s, i) => s + i[k]!, 0) / all.length);
    const unitIndices = [avg(0), avg(1), avg(2), avg(3), avg(4), avg(5)];
    expect(body.unit.indices).toEqual({ 1: unitIndices[0], 2: unitIndices[1], 3: unitIndices[2], 4: unitIndices[3], 5: null, 6: unitIndices[4], 7: unitIndices[5], 8: null, 9: null });
    const score = round2(unitIndices.reduce((a, b) => a + b, 0));
    expect(body.unit).toMatchObject({ dossiers: all.length, score, measuredMax: 12, scaledScore: round2(score * 18 / 12) });
    const scaled = round2(score * 18 / 12);
    expect(body.unit.band).toBe(scaled >= 15 ? 'excellent' : scaled >= 12 ? 'good' : scaled >= 9 ? 'fair' : scaled >= 6 ? 'average' : 'weak');
    expect(body.byUnit.length).toBeGreaterThan(0);
  }, 120_000);

  it('refuses bad input clearly: unknown unit, unit out of scope, absurd period, bad date, future period, no session', async () => {
    const code = async (user: string, url: string) => {
      const r = await get(user, url);
      return [r.statusCode, r.json().error?.code];
    };
    expect(await code('gd.TT74', 'index-766?unitCode=NOPE')).toEqual([404, 'UNIT_NOT_FOUND']);
    expect(await code('gd.CN718', 'index-766?unitCode=TT74')).toEqual([403, 'OUT_OF_SCOPE']);
    expect((await code('gd.TT74', 'index-766?period=decade'))[0]).toBe(400);
    expect(await code('gd.TT74', 'index-766?period=month&at=2024-13-45')).toEqual([400, 'INVALID_DATE']);
    expect(await code('gd.TT74', 'index-766?period=year&at=2031-01-01')).toEqual([400, 'PERIOD_IN_FUTURE']);
    expect(await code('gd.CN718', 'evaluation?unitCode=TT74')).toEqual([403, 'OUT_OF_SCOPE']);
    expect(await code('gd.TT74', 'evaluation?period=quarter&at=1999-02-30')).toEqual([400, 'INVALID_DATE']);
    expect((await app.inject({ url: '/api/v1/stats/index-766' })).statusCode).toBe(401);
  });
});
