// Reports across a restructuring (issue 9), on each engine: December 2024 dossiers of Branch CN724's
// points, then a plan on 01/01/2025 that merges DTN25942 into DTN25945 and splits DTN25948 between
// DTN25951 and DTN25954 by the applicant's commune. The dashboard, the four standard reports, the
// service index and the evaluation read the same period plain, in the structure of 31/12/2024 and
// mapped onto today's successors: per-unit rows land on the successors, the split follows the
// communes, totals never change. Then the bundled 01/07/2025 reform: a Branch and a split ward hand
// their June figures to the new wards by the applicants' communes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import { rebuildStats } from '../../src/services/stats-rebuild.ts';
import { takeDueSnapshots } from '../../src/jobs/stats-snapshots.ts';
import { applyDuePlans } from '../../src/services/restructure.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

/** Dossiers per (receiving unit, applicant commune): received, finished (with which outcome), of which rated. */
type Group = { unit: string; commune: string; received: number; finished: number; outcome: string; rated: number };

const DOSSIERS: Group[] = [
  { unit: 'DTN25942', commune: '25942', received: 5, finished: 3, outcome: 'on_time', rated: 2 },
  { unit: 'DTN25945', commune: '25945', received: 4, finished: 2, outcome: 'early', rated: 1 },
  { unit: 'DTN25948', commune: '25948', received: 6, finished: 3, outcome: 'on_time', rated: 2 },
  { unit: 'DTN25948', commune: '25957', received: 4, finished: 2, outcome: 'late', rated: 1 },
  { unit: 'DTN25951', commune: '25951', received: 2, finished: 1, outcome: 'on_time', rated: 1 },
];
const PLAN = {
  id: 'test-structure', title: 'Sáp nhập và chia tách thử', effectiveAt: '2025-01-01T00:00:00+07:00',
  operations: [
    { op: 'merge', from: ['DTN25942'], into: 'DTN25945' },
    { op: 'split', from: 'DTN25948', into: ['DTN25951', 'DTN25954'], assignBy: 'applicantCommune', communeMap: { '25948': 'DTN25951', '25957': 'DTN25954' }, default: 'DTN25951' },
  ],
};

/** Dossiers of `groups` received on the 10th of `month` (YYYY-MM), some finished on the 15th and rated on the 16th, with their history. */
async function insertDossiers(db: DatabaseHandle['db'], groups: readonly Group[], month: string): Promise<void> {
  const at = (day: string, time: string) => `${month}-${day}T${time}+07:00`;
  const version = (await sql<{ procedure_code: string; version: number; name: string }>`SELECT procedure_code, version, name FROM procedure_versions ORDER BY 1, 2 LIMIT 1`.execute(db)).rows[0]!;
  let n = 0;
  for (const g of groups) {
    for (let i = 0; i < g.received; i++) {
      const code = `TEST-${month.slice(2, 4)}${month.slice(5, 7)}10-${String(++n).padStart(5, '0')}`;
      const finished = i < g.finished;
      const officer = `tn.${g.unit}`;
      await sql`
        INSERT INTO dossiers (province_code, code, procedure_code, procedure_version, procedure_name, channel, applicant, applicant_phone,
          applicant_commune_code, receiving_unit_code, competent_unit_code, return_unit_code, received_at, received_by, clock, status, due_at, finished_at, action_count)
        VALUES ('74', ${code}, ${version.procedure_code}, ${version.version}, ${version.name}, 'direct', ${JSON.stringify({ kind: 'citizen', fullName: `Người nộp ${n}` })}::jsonb,
          ${`09${String(n).padStart(8, '0')}`}, ${g.commune}, ${g.unit}, ${`UBX${g.commune}`}, ${g.unit}, ${at('10', '09:00:00')}, ${officer}, '{}'::jsonb,
          ${finished ? 'result_ready' : 'processing'}, ${at('20', '17:00:00')}, ${finished ? new Date(at('15', '10:00:00')) : null}, ${finished ? 2 : 1})`.execute(db);
      await sql`
        INSERT INTO dossier_actions (province_code, dossier_code, seq, type, at, actor_username, actor_roles, actor_unit_code, to_status)
        VALUES ('74', ${code}, 1, 'receive', ${at('10', '09:00:00')}, ${officer}, ARRAY['reception'], ${g.unit}, 'received')`.execute(db);
      if (!finished) continue;
      await sql`
        INSERT INTO dossier_actions (province_code, dossier_code, seq, type, at, actor_username, actor_roles, actor_unit_code, from_status, to_status, payload)
        VALUES ('74', ${code}, 2, 'record_result', ${at('15', '10:00:00')}, ${officer}, ARRAY['reception'], ${g.unit}, 'received', 'result_ready',
          ${JSON.stringify({ outcome: g.outcome })}::jsonb)`.execute(db);
      if (i >= g.rated) continue;
      const overall = g.outcome === 'late' ? 'dissatisfied' : 'satisfied';
      await sql`
        INSERT INTO dossier_ratings (province_code, dossier_code, rated_at, overall, criteria, points, via)
        VALUES ('74', ${code}, ${at('16', '10:00:00')}, ${overall}, ${JSON.stringify({ points: { time: 2, contacts: 1, agencies: 2, attitude: overall === 'satisfied' ? 2 : 0 } })}::jsonb,
          ${overall === 'satisfied' ? 7 : 5}, 'portal')`.execute(db);
    }
  }
}

const Q = 'unitCode=CN724&from=2024-12-01&to=2024-12-31';
type Row = { key: string; name: string; received: number; finishedEarly: number; finishedOnTime: number; finishedLate: number; inProgressOnTime: number; inProgressOverdue: number; carriedOver: number };

describe.each(ENGINES)('reports across a restructuring on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock('2024-12-20T09:00:00+07:00');
  let token = '';
  const get = (url: string) => app.inject({ url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` } });
  const signIn = async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: DEMO_PASSWORD } });
    expect(res.statusCode, res.body).toBe(200);
    token = res.json().token;
  };
  const sheet = async (url: string) => {
    const res = await get(url);
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    const rows = (book.worksheets[0]!.getSheetValues() as unknown[][]).filter(Boolean);
    const headerAt = rows.findIndex((r) => r.includes('STT') || r.includes('Ngày'));
    const total = rows.find((r) => r.includes('Tổng cộng'))!;
    return { rows, header: rows[headerAt]!, body: rows.slice(headerAt + 1, rows.indexOf(total)), total };
  };

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const ctx = testContext(handle, clock);
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    await insertDossiers(handle.db, DOSSIERS, '2024-12');
    // Kiosk tickets before the plan: waits of 60 s and 120 s at the merged point, 300 s at its successor.
    for (const [unit, seq, wait] of [['DTN25942', 1, 60], ['DTN25942', 2, 120], ['DTN25945', 1, 300]] as const) {
      const issued = new Date(`2024-12-10T08:0${seq}:00+07:00`);
      await sql`
        INSERT INTO queue_tickets (province_code, unit_code, day, service_group, issued_group, seq, number, status, issued_at, rank_at, first_called_at, called_at, finished_at, call_count)
        VALUES ('74', ${unit}, '2024-12-10', 'A', 'A', ${seq}, ${`A-00${seq}`}, 'finished', ${issued}, ${issued}, ${new Date(issued.getTime() + wait * 1000)},
          ${new Date(issued.getTime() + wait * 1000)}, ${new Date(issued.getTime() + (wait + 600) * 1000)}, 1)`.execute(handle.db);
    }
    await rebuildStats(ctx, { verifyOnly: false });
    await signIn();
    const accepted = await app.inject({ method: 'POST', url: '/api/v1/admin/restructure', headers: { authorization: `Bearer ${token}` }, payload: { plan: PLAN, dryRun: false } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    clock.set('2025-01-05T09:00:00+07:00');
    expect(await applyDuePlans(testContext(handle, clock))).toEqual(['test-structure']);
    await signIn();
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const receivedAt = (unit: string, commune?: string) => DOSSIERS.filter((g) => g.unit === unit && (commune === undefined || g.commune === commune)).reduce((a, g) => a + g.received, 0);

  it('re-groups the dashboard\'s units onto the successors, the split by the applicants\' communes, totals unchanged', async () => {
    const [plain, asOf, mapped] = await Promise.all(['', '&structure=asOf&structureAt=2024-12-31', '&structure=mapped'].map(async (s) => {
      const res = await get(`/stats/dashboard?${Q}${s}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    }));
    const rows = (d: { byReceivingUnit: Row[] }) => new Map(d.byReceivingUnit.map((r) => [r.key, r]));
    const p = rows(plain);
    const m = rows(mapped);
    expect(mapped.structure).toEqual({ mode: 'mapped', at: '2025-01-05' });
    expect(asOf.structure).toEqual({ mode: 'asOf', at: '2024-12-31' });
    // In the structure of 31/12/2024 the rows are the plain ones (every unit of the history existed then).
    expect(asOf.byReceivingUnit).toEqual(plain.byReceivingUnit);
    expect(p.get('DTN25948')!.received).toBe(10);
    expect(m.has('DTN25942')).toBe(false);
    expect(m.has('DTN25948')).toBe(false);
    expect(m.get('DTN25945')!.received).toBe(receivedAt('DTN25942') + receivedAt('DTN25945'));
    expect(m.get('DTN25951')!.received).toBe(receivedAt('DTN25951') + receivedAt('DTN25948', '25948'));
    expect(m.get('DTN25954')!.received).toBe(receivedAt('DTN25948', '25957'));
    // Rollup figures of the split follow its communes' weights (dossiers received or finished in the period).
    expect(m.get('DTN25951')!.finishedOnTime + m.get('DTN25954')!.finishedOnTime).toBe(3 + 1);
    for (const d of [asOf, mapped]) {
      for (const k of ['received', 'finished', 'inProgress', 'returned', 'carriedOver', 'byProcedure', 'daily']) expect(d[k], k).toEqual(plain[k]);
      for (const measure of ['received', 'finishedEarly', 'finishedOnTime', 'finishedLate', 'inProgressOnTime', 'inProgressOverdue', 'carriedOver'] as const) {
        const sum = (list: Row[]) => list.reduce((a, r) => a + r[measure], 0);
        expect(sum(d.byReceivingUnit), measure).toBe(sum(plain.byReceivingUnit));
        expect(sum(d.byCompetentAgency), measure).toBe(sum(plain.byCompetentAgency));
      }
    }
    // Queue waits are recomputed over the regrouped units' tickets (a percentile does not add up).
    type Wait = { unitCode: string; serviceGroup: string | null; tickets: number; avgWaitSeconds: number; p90WaitSeconds: number };
    const waitsOf = (d: { queueWaits: Wait[] }, unit: string) => d.queueWaits.find((w) => w.unitCode === unit && w.serviceGroup === null);
    expect(waitsOf(plain, 'DTN25942')).toMatchObject({ tickets: 2, avgWaitSeconds: 90 });
    expect(waitsOf(plain, 'DTN25945')).toMatchObject({ tickets: 1, avgWaitSeconds: 300 });
    expect(waitsOf(mapped, 'DTN25942')).toBeUndefined();
    expect(waitsOf(mapped, 'DTN25945')).toMatchObject({ tickets: 3, avgWaitSeconds: 160, p90WaitSeconds: 264 });
    expect(mapped.queueWaits.find((w: Wait) => w.unitCode === 'DTN25945' && w.serviceGroup === 'A')).toMatchObject({ tickets: 3 });
    expect(asOf.queueWaits).toEqual(plain.queueWaits);
    const bad = await get(`/stats/dashboard?${Q}&structure=later`);
    expect(bad.statusCode).toBe(400);
  });

  it('gives the period, daily-intake, satisfaction and officers reports in the structure asked, with the plain totals', async () => {
    const read = async (name: string, s: string) => sheet(`/stats/reports/${name}.xlsx?${Q}${s}`);
    const mapped = '&structure=mapped';
    const byName = (r: Awaited<ReturnType<typeof sheet>>, col: string, nameCol = 'Đơn vị') => new Map(r.body.map((row) => [String(row[r.header.indexOf(nameCol)]), Number(row[r.header.indexOf(col)])]));
    const unitName = async (code: string) => (await get(`/units?at=2025-01-05&q=${code}`)).json().items.find((u: { code: string }) => u.code === code)?.name
      ?? (await get(`/units?at=2024-12-31&q=${code}`)).json().items.find((u: { code: string }) => u.code === code).name;

    for (const name of ['period', 'daily-intake', 'satisfaction', 'officers']) {
      const plain = await read(name, '');
      const m = await read(name, mapped);
      const asOf = await read(name, '&structure=asOf&structureAt=2024-12-31');
      expect(m.total, name).toEqual(plain.total);
      expect(asOf.total, name).toEqual(plain.total);
      expect(m.rows.some((r) => String(r[1]).startsWith('Số liệu quy về đơn vị kế thừa hiện nay')), name).toBe(true);
      expect(asOf.rows.some((r) => String(r[1]) === 'Số liệu theo cơ cấu đơn vị tại ngày 31/12/2024'), name).toBe(true);
    }

    const period = await read('period', mapped);
    const received = byName(period, 'Mới tiếp nhận');
    expect(received.has(await unitName('DTN25942'))).toBe(false);
    expect(received.get(await unitName('DTN25945'))).toBe(receivedAt('DTN25942') + receivedAt('DTN25945'));
    expect(received.get(await unitName('DTN25954'))).toBe(receivedAt('DTN25948', '25957'));

    const daily = await read('daily-intake', mapped);
    const codes = daily.body.map((r) => r[daily.header.indexOf('Mã đơn vị')]);
    expect(codes).not.toContain('DTN25948');
    expect(codes).toEqual(expect.arrayContaining(['DTN25945', 'DTN25951', 'DTN25954']));
    const direct = new Map(daily.body.map((r) => [r[daily.header.indexOf('Mã đơn vị')], Number(r[daily.header.indexOf('Trực tiếp')])]));
    expect(direct.get('DTN25951')).toBe(receivedAt('DTN25951') + receivedAt('DTN25948', '25948'));

    // Ratings are read per dossier: the split predecessor's ratings go exactly by each rated dossier's commune.
    const ratings = byName(await read('satisfaction', mapped), 'Số phiếu đánh giá', 'Đơn vị tiếp nhận');
    expect(ratings.get(await unitName('DTN25954'))).toBe(1);
    expect(ratings.get(await unitName('DTN25951'))).toBe(2 + 1);
    expect(ratings.get(await unitName('DTN25945'))).toBe(2 + 1);
    const dislikes = byName(await read('satisfaction', mapped), 'Không hài lòng', 'Đơn vị tiếp nhận');
    expect(dislikes.get(await unitName('DTN25954'))).toBe(1);

    // An officer of the split point is shown with the successor taking most of its dossiers.
    const officers = await read('officers', mapped);
    const officer = officers.body.find((r) => r[officers.header.indexOf('Tài khoản')] === 'tn.DTN25948')!;
    expect(officer[officers.header.indexOf('Đơn vị')]).toBe(await unitName('DTN25951'));
    const plainOfficers = await read('officers', '');
    expect(plainOfficers.body.find((r) => r[plainOfficers.header.indexOf('Tài khoản')] === 'tn.DTN25948')![plainOfficers.header.indexOf('Đơn vị')]).toBe(await unitName('DTN25948'));
  });

  it('scores the service index and the evaluation per unit of the structure asked, the scope\'s own score unchanged', async () => {
    for (const path of ['/stats/index-766?unitCode=CN724&period=month&at=2024-12-10', '/stats/evaluation?unitCode=CN724&period=quarter&at=2024-12-10']) {
      const plain = (await get(path)).json();
      const res = await get(`${path}&structure=mapped`);
      expect(res.statusCode, res.body).toBe(200);
      const mapped = res.json();
      expect(mapped.structure.mode).toBe('mapped');
      const codes = (d: { byUnit: Array<{ unitCode: string }> }) => d.byUnit.map((u) => u.unitCode);
      expect(codes(plain)).toEqual(expect.arrayContaining(['DTN25942', 'DTN25948']));
      expect(codes(mapped)).not.toContain('DTN25942');
      expect(codes(mapped)).not.toContain('DTN25948');
      expect(codes(mapped)).toEqual(expect.arrayContaining(['DTN25945', 'DTN25951', 'DTN25954']));
      if (path.includes('evaluation')) {
        expect(mapped.unit).toEqual(plain.unit);
        const n = (d: { byUnit: Array<{ unitCode: string; dossiers: number }> }, code: string) => d.byUnit.find((u) => u.unitCode === code)!.dossiers;
        expect(n(mapped, 'DTN25945')).toBe(n(plain, 'DTN25942') + n(plain, 'DTN25945'));
        // A score cannot be divided: the split point counts whole for the successor taking most of its dossiers.
        expect(n(mapped, 'DTN25951')).toBe(n(plain, 'DTN25948') + n(plain, 'DTN25951'));
        expect(n(mapped, 'DTN25945')).toBe(5);
      } else {
        expect(mapped.points).toEqual(plain.points);
        expect(mapped.groups).toEqual(plain.groups);
      }
      expect((await get(`${path}&structure=x`)).statusCode).toBe(400);
    }
  });
  it('re-derives the scope rows after a plan moves a point to another Branch, in the snapshot job, figures unchanged', async () => {
    const ctx = testContext(handle, clock);
    const parentOf = async (code: string) => (await sql<{ parent_code: string }>`SELECT parent_code FROM units WHERE code = ${code}`.execute(handle.db)).rows[0]!.parent_code;
    const from = await parentOf('DTN25741');
    const to = from === 'CN718' ? 'CN724' : 'CN718';
    const summaryOf = async (unit: string) => {
      const res = await get(`/stats/summary?unitCode=${unit}&from=2024-12-01&to=2025-01-05`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as unknown;
    };
    const before = await Promise.all([from, to, 'TT74'].map(summaryOf));
    const plan = { id: 'test-move', title: 'Chuyển điểm tiếp nhận sang Chi nhánh khác', effectiveAt: '2025-01-05T08:00:00+07:00', operations: [{ op: 'move', code: 'DTN25741', parentCode: to }] };
    const moved = await app.inject({ method: 'POST', url: '/api/v1/admin/restructure', headers: { authorization: `Bearer ${token}` }, payload: { plan, dryRun: false } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await parentOf('DTN25741')).toBe(to);
    expect((await rebuildStats(ctx, { verifyOnly: true })).staleTreeUnits).toBe(1);
    // Until the job runs the moved subtrees are answered exactly from stats_daily, by today's tree.
    const during = await Promise.all([from, to, 'TT74'].map(summaryOf));
    expect(during[2]).toEqual(before[2]);

    const job = await takeDueSnapshots(ctx, { holder: 'test', leaseMs: 60_000 });
    expect(job.rescopedUnits).toBe(1);
    const verified = await rebuildStats(ctx, { verifyOnly: true });
    expect([verified.staleTreeUnits, verified.scopeDifferencesBefore, verified.differencesBefore]).toEqual([0, 0, 0]);
    expect(await Promise.all([from, to, 'TT74'].map(summaryOf))).toEqual(during);
    expect((await takeDueSnapshots(ctx, { holder: 'test', leaseMs: 60_000 })).rescopedUnits).toBe(0);
  });
});

describe.each(ENGINES)('reports across the 01/07/2025 reform on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock('2025-06-20T09:00:00+07:00');
  let token = '';
  const get = (url: string) => app.inject({ url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` } });
  // Branch CN724 (district level, closed into the new wards of its area) and the split ward Hiệp Thành's point.
  const JUNE: Group[] = [
    { unit: 'CN724', commune: '25942', received: 3, finished: 1, outcome: 'on_time', rated: 0 },
    { unit: 'CN724', commune: '25951', received: 2, finished: 0, outcome: 'on_time', rated: 0 },
    { unit: 'DTN25741', commune: '25741', received: 3, finished: 1, outcome: 'late', rated: 0 },
    { unit: 'DTN25741', commune: '25750', received: 2, finished: 0, outcome: 'on_time', rated: 0 },
  ];
  const mapping = JSON.parse(readFileSync(new URL('../../seed/binh-duong-2025-07-01-reform-mapping.json', import.meta.url), 'utf8')) as { communes: Array<{ oldCode: string; newUnits: Array<{ code: string }> }> };
  const firstSuccessor = (old: string) => mapping.communes.find((c) => c.oldCode === old)!.newUnits[0]!.code;

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const ctx = testContext(handle, clock);
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    await insertDossiers(handle.db, JUNE, '2025-06');
    await rebuildStats(ctx, { verifyOnly: false });
    clock.set('2025-07-02T09:00:00+07:00');
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: DEMO_PASSWORD } });
    token = login.json().token;
    const plan = (await get('/admin/restructure/bundled')).json().items.find((p: { id: string }) => p.id === 'hcm-reform-2025-07-01');
    const applied = await app.inject({ method: 'POST', url: '/api/v1/admin/restructure', headers: { authorization: `Bearer ${token}` }, payload: { plan, dryRun: false } });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().applied).toBe(true);
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  type Dashboard = { byReceivingUnit: Row[]; byCompetentAgency: Row[]; received: unknown };
  it('carries the Branch\'s and the split ward\'s figures onto the new wards by commune, totals unchanged', async () => {
    const q = 'unitCode=TT74&from=2025-06-01&to=2025-06-30';
    const [plain, asOf, mapped] = await Promise.all(['', '&structure=asOf&structureAt=2025-06-30', '&structure=mapped'].map(async (s) => {
      const res = await get(`/stats/dashboard?${q}${s}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Dashboard;
    })) as [Dashboard, Dashboard, Dashboard];
    const received = (d: { byReceivingUnit: Row[] }) => new Map(d.byReceivingUnit.map((r) => [r.key, r.received]));
    expect(received(plain).get('CN724')).toBe(5);
    expect(received(plain).get('CN718')).toBe(5);
    // Open dossiers moved on 01/07 sit at the new wards today; in June's structure they are read back at their Branch.
    const open = (d: Dashboard, key: string) => d.byReceivingUnit.filter((r) => r.key === key).reduce((a, r) => a + r.inProgressOnTime + r.inProgressOverdue, 0);
    expect(plain.byReceivingUnit.some((r) => r.key.startsWith('DTN79') && r.inProgressOnTime + r.inProgressOverdue > 0)).toBe(true);
    expect(asOf.byReceivingUnit.filter((r) => r.key.startsWith('DTN79'))).toEqual([]);
    expect({ CN718: open(asOf, 'CN718'), CN724: open(asOf, 'CN724') }).toEqual({ CN718: 3 + 2 - 1, CN724: 3 + 2 - 1 });
    const positive = (m: Map<string, number>) => Object.fromEntries([...m].filter(([, n]) => n > 0));
    expect(positive(received(asOf))).toEqual(positive(received(plain)));
    const expected = new Map<string, number>();
    const add = (code: string, n: number) => expected.set(`DTN79${code}`, (expected.get(`DTN79${code}`) ?? 0) + n);
    add(firstSuccessor('25942'), 3);
    add(firstSuccessor('25951'), 2);
    add('25747', 3); // Hiệp Thành's applicants with the old ward: its first successor
    add('25750', 2); // applicants with the new ward Phú Lợi
    expect(firstSuccessor('25741')).toBe('25747');
    expect(positive(received(mapped))).toEqual(Object.fromEntries(expected));
    expect(mapped.received).toEqual(plain.received);
    const sum = (rows: Row[]) => rows.reduce((a, r) => a + r.received + r.finishedOnTime + r.finishedLate + r.inProgressOnTime + r.inProgressOverdue, 0);
    expect(sum(mapped.byCompetentAgency)).toBe(sum(plain.byCompetentAgency));
    expect(mapped.byCompetentAgency.filter((r) => r.received > 0).every((r) => r.key.startsWith('UBX79'))).toBe(true);

    const report = async (s: string) => {
      const res = await get(`/stats/reports/period.xlsx?${q}${s}`);
      expect(res.statusCode, res.body).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as never);
      const rows = (book.worksheets[0]!.getSheetValues() as unknown[][]).filter(Boolean);
      return { total: rows.find((r) => r.includes('Tổng cộng'))!, names: rows.map((r) => String(r[2])) };
    };
    const [plainReport, mappedReport] = [await report(''), await report('&structure=mapped')];
    expect(mappedReport.total).toEqual(plainReport.total);
    expect(mappedReport.names.some((n) => n.startsWith('Chi nhánh'))).toBe(false);
    expect(plainReport.names.some((n) => n.startsWith('Chi nhánh'))).toBe(true);
  });
});
