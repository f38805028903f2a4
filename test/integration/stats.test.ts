// Statistics on each engine: a generated history made through the real commands; the contract's summary
// (answered from the rollups kept in each command's transaction) equals a naive recomputation over the
// raw history (clocks replayed independently) and equals the rollups rebuilt from the history; concurrent
// intakes lose no count; sub-dossiers are never counted; scope and bad periods are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import { generateDossierHistory } from '../../src/services/demo-dossier-history.ts';
import { rebuildStats } from '../../src/services/stats-rebuild.ts';
import { recordDossierFacts } from '../../src/services/stats-facts.ts';
import { subtreeCodesOf } from '../../src/store/units.ts';
import { rateDossier } from '../../src/services/portal/ratings.ts';
import { flatText, readPdf } from '../support/pdf.ts';
import { naiveSummary } from '../support/stats-naive.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

const COMMUNES = ['25861', '25741', '25855', '25942'];
const RECEIVING = ['CN724', 'CN718', 'DTN25741', 'DTN25861', 'TT74'];
const VN = 7 * 3_600_000;
const dayOf = (ms: number) => new Date(ms + VN).toISOString().slice(0, 10);

describe.each(ENGINES)('statistics on %s', (engine) => {
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
  const summary = async (username: string, query: string) => app.inject({ url: `/api/v1/stats/summary?${query}`, headers: await token(username) });

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    ctx = testContext(handle, clock);
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    const list = (await app.inject({ url: '/api/v1/procedures?level=commune&locationFree=true&at=2024-12-09&q=khai%20sinh&limit=50' })).json();
    procedureCode = list.items.find((p: { processingDays: number | null }) => p.processingDays !== null && p.processingDays >= 3).code;
    const made = await generateDossierHistory(ctx, {
      startDay: '2024-12-09', days: 24, intakesPerDay: 4, receivingUnits: RECEIVING, communes: COMMUNES, procedureCode, seed: 74, setNow: (d) => clock.set(d),
    });
    expect(made.dossiers).toBeGreaterThan(40);
    expect(made.actions).toBeGreaterThan(made.dossiers);
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('answers the summary from the rollups equal to a naive recomputation over the raw history, for several scopes and periods', async () => {
    const now = clock.now().getTime();
    const cases: Array<[string, string, string, string]> = [
      ['admin', 'UBND74', '2024-12-01', '2025-01-31'],
      ['gd.TT74', 'TT74', '2024-12-09', '2024-12-20'],
      ['gd.TT74', 'CN724', '2024-12-16', dayOf(now)],
      ['gd.CN718', 'CN718', '2024-12-09', '2024-12-31'],
      ['admin', 'UBX25861', '2024-12-12', '2024-12-27'],
    ];
    let nonTrivial = 0;
    for (const [user, unit, from, to] of cases) {
      const res = await summary(user, `from=${from}&to=${to}&unitCode=${unit}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      const naive = await naiveSummary(ctx, unit, from, to, now);
      expect({ ...body, period: undefined, unitCode: undefined, satisfaction: undefined }, `${unit} ${from}..${to}`).toEqual({ ...naive, period: undefined, unitCode: undefined, satisfaction: undefined });
      expect(body.satisfaction).toEqual({ ratings: 0, satisfiedPercent: 0 });
      if (naive.finished.late > 0 && naive.finished.early + naive.finished.onTime > 0 && naive.inProgress.onTime + naive.inProgress.overdue > 0) nonTrivial++;
    }
    expect(nonTrivial, 'the history has early/on-time and late finishes and open dossiers').toBeGreaterThan(0);
  }, 300_000);

  it('finds no difference between the live rollups and a rebuild from the history, and a rebuild changes no number', async () => {
    const verified = await rebuildStats(ctx, { verifyOnly: true });
    expect(verified.differencesBefore, JSON.stringify(verified.sample.slice(0, 5))).toBe(0);
    expect(verified.historyRollupRows).toBeGreaterThan(10);
    const before = (await summary('admin', 'from=2024-12-01&to=2025-01-31')).json();
    const rebuilt = await rebuildStats(ctx, { verifyOnly: false });
    expect(rebuilt.differencesAfter).toBe(0);
    expect((await summary('admin', 'from=2024-12-01&to=2025-01-31')).json()).toEqual(before);
    // A tampered rollup is caught.
    await sql`UPDATE stats_daily SET received = received + 1 WHERE ctid = (SELECT ctid FROM stats_daily LIMIT 1)`.execute(handle.db);
    const caught = await rebuildStats(ctx, { verifyOnly: true });
    expect(caught.differencesBefore).toBe(1);
    expect(caught.sample[0]).toMatchObject({ column: 'received' });
    expect((await rebuildStats(ctx, { verifyOnly: false })).differencesAfter).toBe(0);
    // The scope rows (decision 0026) agree with the history too, a rebuild rewrites them to the same
    // numbers, and a tampered scope row is caught.
    expect(verified.scopeDifferencesBefore).toBe(0);
    expect(verified.staleTreeUnits).toBe(0);
    expect(rebuilt.scopeDifferencesAfter).toBe(0);
    expect(rebuilt.scopeRows).toBeGreaterThan(10);
    await sql`UPDATE stats_scope_daily SET finished_late = finished_late + 1 WHERE ctid = (SELECT ctid FROM stats_scope_daily LIMIT 1)`.execute(handle.db);
    const scopeCaught = await rebuildStats(ctx, { verifyOnly: true });
    expect([scopeCaught.differencesBefore, scopeCaught.scopeDifferencesBefore]).toEqual([0, 1]);
    const repaired = await rebuildStats(ctx, { verifyOnly: false });
    expect([repaired.differencesAfter, repaired.scopeDifferencesAfter]).toEqual([0, 0]);
    expect((await summary('admin', 'from=2024-12-01&to=2025-01-31')).json()).toEqual(before);
  }, 120_000);

  it('counts a new intake at once, and concurrent intakes on one rollup row lose no count', async () => {
    clock.set('2025-01-13T09:00:00+07:00');
    tokens.clear();
    const today = 'from=2025-01-13&to=2025-01-13&unitCode=DTN25741';
    const before = (await summary('gd.TT74', today)).json();
    const intakes = await Promise.all(Array.from({ length: 12 }, async (_, i) => app.inject({
      method: 'POST', url: '/api/v1/dossiers', headers: await token('tn.DTN25741'),
      payload: { procedureCode, applicant: { kind: 'citizen', fullName: `Lê Văn ${['An', 'Bình', 'Chi', 'Dũng'][i % 4]}`, idNumber: '074090001234', phone: '0912345678', address: { communeCode: '25741' } }, idempotencyKey: `conc-${i}-key` },
    })));
    expect(intakes.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    clock.advance(1000); // the next request comes a moment later
    const after = (await summary('gd.TT74', today)).json();
    expect(after.received.total - before.received.total).toBe(12);
    expect(after.received.direct - before.received.direct).toBe(12);
    expect(after.inProgress.onTime - before.inProgress.onTime).toBe(12);
    expect((await rebuildStats(ctx, { verifyOnly: true })).differencesBefore).toBe(0);
  }, 120_000);

  it('never counts an inter-agency sub-dossier', async () => {
    await sql`ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS parent_code text`.execute(handle.db);
    const parent = (await handle.db.selectFrom('dossiers').select('code').orderBy('code').executeTakeFirstOrThrow()).code;
    const child = `${parent}-LT1`;
    await sql`INSERT INTO dossiers SELECT * FROM dossiers WHERE code = ${parent}`.execute(handle.db).catch(() => undefined);
    await sql`INSERT INTO dossiers (province_code, code, procedure_code, procedure_version, procedure_name, channel, applicant, applicant_phone, applicant_id_number,
        applicant_commune_code, receiving_unit_code, competent_unit_code, return_unit_code, return_by_post, received_at, received_by, clock, documents, status, due_at, parent_code)
      SELECT province_code, ${child}, procedure_code, procedure_version, procedure_name, channel, applicant, applicant_phone, applicant_id_number,
        applicant_commune_code, receiving_unit_code, competent_unit_code, return_unit_code, return_by_post, received_at, received_by, clock, documents, 'received', due_at, code
      FROM dossiers WHERE code = ${parent}`.execute(handle.db);
    await sql`INSERT INTO dossier_actions (province_code, dossier_code, seq, type, at, actor_username, actor_roles, actor_unit_code, from_status, to_status)
      SELECT province_code, ${child}, 1, 'receive', at, actor_username, actor_roles, actor_unit_code, NULL, 'received' FROM dossier_actions WHERE dossier_code = ${parent} AND seq = 1`.execute(handle.db);
    const before = (await summary('admin', 'from=2024-12-01&to=2025-01-31')).json();
    await handle.db.transaction().execute((trx) => recordDossierFacts(trx, ctx.provinceCode, { code: child, seq: 1, action: 'receive', at: clock.now() }));
    expect((await summary('admin', 'from=2024-12-01&to=2025-01-31')).json()).toEqual(before);
    expect((await rebuildStats(ctx, { verifyOnly: true })).differencesBefore).toBe(0);
  });

  it('keeps facts recorded before a restructuring with the unit of their time, in the rebuild too', async () => {
    const open = await handle.db.selectFrom('dossiers').select(['code', 'action_count', 'status']).where('finished_at', 'is', null)
      .where('receiving_unit_code', '=', 'CN724').orderBy('code').executeTakeFirstOrThrow();
    await handle.db.insertInto('dossier_actions').values({ province_code: ctx.provinceCode, dossier_code: open.code, seq: open.action_count + 1, type: 'restructure',
      at: clock.now(), actor_username: 'admin', actor_roles: ['admin'], actor_unit_code: 'UBND74', from_status: open.status, to_status: open.status,
      reason: 'Sáp nhập đơn vị', payload: JSON.stringify({ moves: [{ role: 'receiving', from: 'CN724', to: 'CN718' }], planId: 'test' }), clock_events: '[]' }).execute();
    await handle.db.updateTable('dossiers').set({ receiving_unit_code: 'CN718', action_count: open.action_count + 1 }).where('code', '=', open.code).execute();
    expect((await rebuildStats(ctx, { verifyOnly: true })).differencesBefore).toBe(0);
  });

  it('drills down from a number to the dossiers behind it, and the dashboard adds up to the summary', async () => {
    const q = 'from=2024-12-01&to=2025-01-31&unitCode=TT74';
    const dash = (await app.inject({ url: `/api/v1/stats/dashboard?${q}`, headers: await token('gd.TT74') })).json();
    const sum = (await summary('gd.TT74', q)).json();
    expect(dash.received).toEqual(sum.received);
    expect(dash.finished).toEqual(sum.finished);
    expect(dash.inProgress).toEqual(sum.inProgress);
    const total = (rows: Array<Record<string, number>>, k: string) => rows.reduce((n, r) => n + r[k]!, 0);
    expect(total(dash.byReceivingUnit, 'received')).toBe(sum.received.total);
    expect(total(dash.byReceivingUnit, 'inProgressOverdue')).toBe(sum.inProgress.overdue);
    expect(dash.byReceivingUnit.map((r: { key: string }) => r.key)).toEqual(expect.arrayContaining(['TT74', 'CN718', 'CN724']));
    expect(total(dash.byCompetentAgency, 'finishedLate')).toBe(sum.finished.late);
    const late = await app.inject({ url: `/api/v1/stats/dossiers?${q}&measure=finished_late&limit=500`, headers: await token('gd.TT74') });
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json().total).toBe(sum.finished.late);
    expect(late.json().items.every((i: { outcome: string }) => i.outcome === 'late')).toBe(true);
    const overdue = (await app.inject({ url: `/api/v1/stats/dossiers?${q}&measure=in_progress_overdue&limit=500`, headers: await token('gd.TT74') })).json();
    expect(overdue.total).toBe(sum.inProgress.overdue);
    const cn724 = dash.byReceivingUnit.find((r: { key: string }) => r.key === 'CN724');
    const drill = (await app.inject({ url: `/api/v1/stats/dossiers?${q}&measure=received&receivingUnitCode=CN724&limit=500`, headers: await token('gd.TT74') })).json();
    expect(drill.total).toBe(cn724.received);
    expect(drill.items.every((i: { receivingUnitCode: string }) => i.receivingUnitCode === 'CN724')).toBe(true);
  });

  it('lists overdue and due-soon dossiers with step and officer, and exports them and the period report to Excel', async () => {
    const res = await app.inject({ url: '/api/v1/stats/late?unitCode=TT74', headers: await token('gd.TT74') });
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json();
    const overdueCount = (await summary('gd.TT74', `from=2024-12-01&to=${dayOf(clock.now().getTime())}&unitCode=TT74`)).json().inProgress.overdue;
    expect(items.filter((i: { overdue: boolean }) => i.overdue)).toHaveLength(overdueCount);
    expect(overdueCount).toBeGreaterThan(0);
    const first = items[0];
    expect(first).toMatchObject({ overdue: true, overdueText: expect.stringMatching(/^Quá /), step: expect.any(String), officer: expect.any(String) });
    const ExcelJS = (await import('exceljs')).default;
    const xlsx = await app.inject({ url: '/api/v1/stats/late.xlsx?unitCode=TT74', headers: await token('gd.TT74') });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã hồ sơ');
    expect(sheet.rowCount - 1).toBe(items.length);
    expect((await app.inject({ url: '/api/v1/stats/late.xlsx?unitCode=CN724', headers: await token('gd.CN718') })).statusCode).toBe(403);

    const q = 'from=2024-12-16&to=2024-12-31&unitCode=TT74'; // a week into the history: some work carried over
    const report = await app.inject({ url: `/api/v1/stats/reports/period.xlsx?${q}`, headers: await token('gd.TT74') });
    expect(report.statusCode).toBe(200);
    const rb = new ExcelJS.Workbook();
    await rb.xlsx.load(report.rawPayload as never);
    const rows = rb.worksheets[0]!.getSheetValues() as unknown[][];
    const header = rows.find((r) => r?.[1] === 'STT')!;
    const totalRow = rows.find((r) => r?.[2] === 'Tổng cộng')!;
    const col = (name: string) => header.indexOf(name);
    const dash = (await app.inject({ url: `/api/v1/stats/dashboard?${q}`, headers: await token('gd.TT74') })).json();
    expect(totalRow[col('Mới tiếp nhận')]).toBe(dash.received.total);
    expect(totalRow[col('Kỳ trước chuyển qua')]).toBe(dash.carriedOver);
    expect(totalRow[col('Đã giải quyết: quá hạn')]).toBe(dash.finished.late);
    expect(totalRow[col('Đang giải quyết: quá hạn')]).toBe(dash.inProgress.overdue);
    expect(totalRow[col('Từ chối')]).toBe(dash.rejected);
    expect(dash.carriedOver).toBeGreaterThan(0);
  });

  it('gives the standard reports as Excel and PDF with the dashboard\'s numbers, equal to a recomputation from the raw history', async () => {
    const ExcelJS = (await import('exceljs')).default;
    // A few citizens rate returned dossiers of the Center's network (through the rating service, by phone).
    const returned = await handle.db.selectFrom('dossiers').select(['code', 'applicant_phone']).where('status', '=', 'returned')
      .where('receiving_unit_code', 'in', ['TT74', 'CN718', 'CN724']).orderBy('code').limit(6).execute();
    expect(returned.length).toBeGreaterThan(2);
    const levels = ['very_satisfied', 'satisfied', 'dissatisfied'];
    for (const [i, d] of returned.entries()) {
      await rateDossier(ctx, d.code, { overall: levels[i % 3]!, criteria: { time: i % 2 ? 'early' : 'late', contacts: 'none', agencies: 'one_stop_only', attitude: i % 3 === 2 ? 'complaint' : 'good' },
        phone: d.applicant_phone }, undefined, { address: `10.9.0.${i}`, userAgent: null, requestId: null }).catch((e: { code?: string }) => {
        if (e.code !== 'ALREADY_RATED') throw e;
      });
    }
    const from = '2024-12-01';
    const to = dayOf(clock.now().getTime());
    const q = `from=${from}&to=${to}&unitCode=TT74`;
    const headers = await token('gd.TT74');
    const sum = (await summary('gd.TT74', q)).json();
    const naive = await naiveSummary(ctx, 'TT74', from, to, clock.now().getTime());
    expect({ received: sum.received, finished: sum.finished, inProgress: sum.inProgress }).toEqual({ received: naive.received, finished: naive.finished, inProgress: naive.inProgress });
    expect(sum.satisfaction.ratings).toBeGreaterThan(2);

    const sheet = async (name: string) => {
      const res = await app.inject({ url: `/api/v1/stats/reports/${name}.xlsx?${q}`, headers });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as never);
      const rows = (book.worksheets[0]!.getSheetValues() as unknown[][]).filter(Boolean);
      const headerAt = rows.findIndex((r) => r.includes('STT') || r.includes('Ngày'));
      const header = rows[headerAt]!;
      const total = rows.find((r) => r.includes('Tổng cộng'))!;
      return { rows, header, body: rows.slice(headerAt + 1, rows.indexOf(total)), total, col: (h: string) => header.indexOf(h), title: String(rows[0]![1]) };
    };
    const pdf = async (name: string) => {
      const res = await app.inject({ url: `/api/v1/stats/reports/${name}.pdf?${q}`, headers });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      return readPdf(res.rawPayload);
    };

    // Period report: every measure equals the dashboard's and the naive recomputation's.
    const period = await sheet('period');
    const dash = (await app.inject({ url: `/api/v1/stats/dashboard?${q}`, headers })).json();
    expect(period.total[period.col('Mới tiếp nhận')]).toBe(naive.received.total);
    expect(period.total[period.col('Đã giải quyết: trước hạn')]).toBe(naive.finished.early);
    expect(period.total[period.col('Đã giải quyết: đúng hạn')]).toBe(naive.finished.onTime);
    expect(period.total[period.col('Đã giải quyết: quá hạn')]).toBe(naive.finished.late);
    expect(period.total[period.col('Đang giải quyết: trong hạn')]).toBe(naive.inProgress.onTime);
    expect(period.total[period.col('Đang giải quyết: quá hạn')]).toBe(naive.inProgress.overdue);
    expect(period.total[period.col('Đã trả kết quả')]).toBe(naive.returned);
    expect(period.total[period.col('Rút hồ sơ')]).toBe(naive.withdrawn);
    expect(period.total[period.col('Từ chối')]).toBe(naive.rejected);
    expect(period.total[period.col('Kỳ trước chuyển qua')]).toBe(dash.carriedOver);
    expect(period.body.reduce((n, r) => n + Number(r[period.col('Mới tiếp nhận')]), 0)).toBe(sum.received.total);
    const periodPdf = await pdf('period');
    expect(periodPdf.title).toBe('BÁO CÁO TÌNH HÌNH GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(periodPdf.pages[0]!.width).toBeGreaterThan(periodPdf.pages[0]!.height); // A4 landscape
    const periodText = flatText(periodPdf.pages);
    expect(periodText).toContain('Kỳ trước chuyển qua');
    expect(periodText).toContain('Tổng cộng');
    expect(periodText).toContain('Trung tâm Phục vụ hành chính công');

    // Daily intake: per day × unit × channel, adding up to the summary; per day and channel equal to the raw intakes.
    const daily = await sheet('daily-intake');
    expect([daily.total[daily.col('Trực tiếp')], daily.total[daily.col('Trực tuyến')], daily.total[daily.col('Bưu chính công ích')], daily.total[daily.col('Tổng số')]])
      .toEqual([sum.received.direct, sum.received.online, sum.received.postal, sum.received.total]);
    const scope = await subtreeCodesOf(ctx.db, 'TT74');
    const raw = (await sql<{ day: string; channel: string; n: string }>`
      SELECT to_char((a.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'DD/MM/YYYY') AS day, d.channel, count(*) AS n
      FROM dossier_actions a JOIN dossiers d ON d.province_code = a.province_code AND d.code = a.dossier_code
      WHERE a.seq = 1 AND (to_jsonb(d) ->> 'parent_code') IS NULL AND (d.receiving_unit_code = ANY(${scope}::text[]) OR d.competent_unit_code = ANY(${scope}::text[]))
        AND (a.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN ${from}::date AND ${to}::date
      GROUP BY 1, 2`.execute(handle.db)).rows;
    const byDay = new Map<string, number>();
    for (const r of daily.body) for (const c of ['direct', 'online', 'postal'] as const) {
      const n = Number(r[daily.col({ direct: 'Trực tiếp', online: 'Trực tuyến', postal: 'Bưu chính công ích' }[c])]);
      if (n > 0) byDay.set(`${String(r[daily.col('Ngày')])} ${c}`, (byDay.get(`${String(r[daily.col('Ngày')])} ${c}`) ?? 0) + n);
    }
    expect(Object.fromEntries(byDay)).toEqual(Object.fromEntries(raw.map((r) => [`${r.day} ${r.channel}`, Number(r.n)])));
    expect(flatText((await pdf('daily-intake')).pages)).toContain('TÌNH HÌNH TIẾP NHẬN HỒ SƠ THEO NGÀY');

    // Satisfaction: by level and criterion, totals equal the summary and the raw ratings.
    const sat = await sheet('satisfaction');
    const rawRatings = (await sql<{ n: string; vs: string; s: string; d: string; pts: string }>`
      SELECT count(*) AS n, count(*) FILTER (WHERE overall = 'very_satisfied') AS vs, count(*) FILTER (WHERE overall = 'satisfied') AS s,
        count(*) FILTER (WHERE overall = 'dissatisfied') AS d, COALESCE(sum(points), 0) AS pts
      FROM dossier_ratings r JOIN dossiers d ON d.code = r.dossier_code
      WHERE (d.receiving_unit_code = ANY(${scope}::text[]) OR d.competent_unit_code = ANY(${scope}::text[]))
        AND (r.rated_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN ${from}::date AND ${to}::date`.execute(handle.db)).rows[0]!;
    expect(sat.total[sat.col('Số phiếu đánh giá')]).toBe(sum.satisfaction.ratings);
    expect(sat.total[sat.col('Số phiếu đánh giá')]).toBe(Number(rawRatings.n));
    expect([sat.total[sat.col('Rất hài lòng')], sat.total[sat.col('Hài lòng')], sat.total[sat.col('Không hài lòng')]]).toEqual([Number(rawRatings.vs), Number(rawRatings.s), Number(rawRatings.d)]);
    expect(sat.total[sat.col('Tỷ lệ hài lòng (%)')]).toBe(sum.satisfaction.satisfiedPercent);
    expect(sat.total[sat.col('Tổng điểm TB (0–8)')]).toBe(Math.round((Number(rawRatings.pts) / Number(rawRatings.n)) * 100) / 100);
    expect(flatText((await pdf('satisfaction')).pages)).toContain('Thái độ cán bộ');

    // Per officer: the officers' finished dossiers add up to the dashboard's; each officer's equals the raw finishing actions.
    const officers = await sheet('officers');
    expect([officers.total[officers.col('Trước hạn')], officers.total[officers.col('Đúng hạn')], officers.total[officers.col('Quá hạn')]])
      .toEqual([naive.finished.early, naive.finished.onTime, naive.finished.late]);
    const rawOfficers = (await sql<{ username: string; n: string; late: string }>`
      SELECT a.actor_username AS username, count(*) AS n, count(*) FILTER (WHERE a.payload ->> 'outcome' = 'late') AS late
      FROM dossier_actions a JOIN dossiers d ON d.province_code = a.province_code AND d.code = a.dossier_code
      WHERE a.payload ? 'outcome' AND (to_jsonb(d) ->> 'parent_code') IS NULL AND (d.receiving_unit_code = ANY(${scope}::text[]) OR d.competent_unit_code = ANY(${scope}::text[]))
        AND (a.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN ${from}::date AND ${to}::date GROUP BY 1`.execute(handle.db)).rows;
    expect(rawOfficers.length).toBeGreaterThan(0);
    for (const o of rawOfficers) {
      const row = officers.body.find((r) => r[officers.col('Tài khoản')] === o.username)!;
      expect(row, o.username).toBeDefined();
      expect([row[officers.col('Hồ sơ đã giải quyết')], row[officers.col('Quá hạn')]]).toEqual([Number(o.n), Number(o.late)]);
    }
    expect(officers.total[officers.col('Số phiếu đánh giá')]).toBe(sum.satisfaction.ratings);
    expect(flatText((await pdf('officers')).pages)).toContain('KẾT QUẢ GIẢI QUYẾT HỒ SƠ THEO CÁN BỘ');
  }, 180_000);

  it('refuses absurd report periods, unknown and out-of-scope units with a clear error instead of a file', async () => {
    const get = async (user: string, url: string) => app.inject({ url: `/api/v1/stats/reports/${url}`, headers: await token(user) });
    const tenYears = await get('gd.TT74', 'daily-intake.xlsx?from=2015-01-01&to=2024-12-31');
    expect(tenYears.statusCode).toBe(400);
    expect(tenYears.headers['content-type']).toContain('application/json');
    expect(tenYears.json().error.code).toBe('PERIOD_TOO_LONG');
    expect((await get('gd.TT74', 'daily-intake.pdf?from=2023-01-01&to=2024-12-31')).json().error.code).toBe('PERIOD_TOO_LONG'); // two years, daily
    expect((await get('gd.TT74', 'period.pdf?from=2023-01-01&to=2024-12-31')).statusCode).toBe(200); // two years, one row per unit
    expect((await get('gd.TT74', 'officers.pdf?from=2025-01-31&to=2025-01-01')).json().error.code).toBe('INVALID_PERIOD');
    expect((await get('gd.TT74', 'satisfaction.xlsx?unitCode=NOPE')).json().error.code).toBe('UNIT_NOT_FOUND');
    const outside = await get('gd.CN718', 'period.pdf?unitCode=CN724');
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('OUT_OF_SCOPE');
    expect((await app.inject({ url: '/api/v1/stats/reports/officers.xlsx' })).statusCode).toBe(401);
  });

  it('keeps managers to their subtree and refuses unknown units and absurd periods', async () => {
    expect((await summary('gd.CN718', 'unitCode=CN724')).statusCode).toBe(403);
    expect((await summary('gd.CN718', 'unitCode=TT74')).statusCode).toBe(403);
    expect((await summary('gd.TT74', 'unitCode=NOPE')).json().error.code).toBe('UNIT_NOT_FOUND');
    const reversed = await summary('gd.TT74', 'from=2025-01-31&to=2025-01-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.code).toBe('INVALID_PERIOD');
    expect((await summary('gd.TT74', 'from=2010-01-01&to=2025-01-01')).json().error.code).toBe('PERIOD_TOO_LONG');
    expect((await summary('gd.TT74', 'from=2025-02-30')).json().error.code).toBe('INVALID_DATE');
    expect((await app.inject({ url: '/api/v1/stats/summary' })).statusCode).toBe(401);
    const own = await summary('gd.CN718', '');
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().unitCode).toBe('CN718');
  });
});
