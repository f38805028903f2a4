// The standard reports (báo cáo định kỳ) of issue 8, each as one TabularReport that the writers stream to
// Excel or PDF: the period report, daily intake, satisfaction, per-officer performance. Each reads the same
// scope and facts as the dashboard, so its totals are the dashboard's numbers; the scope (unit, period,
// caller's rights) is resolved before the report is returned, so a refusal answers as JSON, not a file.
import { invalid } from '../domain/errors.ts';
import { MAX_SERIES_DAYS } from '../domain/stats/period.ts';
import { dayNumberOfIsoDate, isoDateOfDayNumber } from '../domain/calendar/local-time.ts';
import { dailyIntake, officerTallies, ratingTallies, type DailyIntakeRow, type RatingTally } from '../store/stats-reports.ts';
import type { FactFilter } from '../store/stats.ts';
import { listAllUnits } from '../store/units.ts';
import { childOf, OTHER_RECEIVING_NAME, statsDashboard, type DashboardRow } from './stats-summary.ts';
import { resolveStatsScope, type StatsQuery, type StatsScope } from './stats-scope.ts';
import { loadStructure, primaryTargetOf, regroupRows, structureLine, structureMode, type StructureQuery, type StructureView } from './stats-structure.ts';
import type { Cell, ReportColumn, TabularReport } from './stats-report-writers.ts';
import type { Unit } from '../domain/network/unit.ts';
import type { Actor, ServiceContext } from './context.ts';

export const REPORT_NAMES = ['period', 'daily-intake', 'satisfaction', 'officers'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

const vnDay = (date: string) => date.split('-').reverse().join('/');
const periodLine = (s: { period: { from: string; to: string } }) => `Kỳ báo cáo: từ ngày ${vnDay(s.period.from)} đến ngày ${vnDay(s.period.to)}`;
const num = (header: string, width = 13): ReportColumn => ({ header, width, numeric: true });
const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);
const hoursOf = (ms: number, n: number) => (n === 0 ? null : Math.round((ms / n / 3_600_000) * 10) / 10);

/** `structure=asOf|mapped` (+ `structureAt`) reads every per-unit row in that structure; totals are the plain report's. */
export async function buildReport(ctx: ServiceContext, actor: Actor, name: string, query: StatsQuery & StructureQuery): Promise<TabularReport> {
  structureMode(query);
  switch (name) {
    case 'period': return periodReport(ctx, actor, query);
    case 'daily-intake': return dailyIntakeReport(ctx, actor, query);
    case 'satisfaction': return satisfactionReport(ctx, actor, query);
    case 'officers': return officerReport(ctx, actor, query);
    default: throw invalid('UNKNOWN_REPORT', `Không có báo cáo "${name}".`, { field: 'report', allowed: REPORT_NAMES });
  }
}

const filterOf = (scope: StatsScope): FactFilter => ({
  fromDay: scope.period.from, toDay: scope.period.to, unitCodes: scope.unitCodes, procedureCodes: scope.procedureCodes, channel: scope.channel,
});

function filterLines(query: StatsQuery): string[] {
  const parts = [
    query.field ? `lĩnh vực: ${query.field}` : null,
    query.procedureCode ? `thủ tục: ${query.procedureCode}` : null,
    query.channel ? `kênh: ${({ direct: 'trực tiếp', online: 'trực tuyến', postal: 'bưu chính công ích' } as Record<string, string>)[query.channel] ?? query.channel}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? [`Lọc theo ${parts.join('; ')}`] : [];
}

async function* once<T>(rows: T[]): AsyncIterable<T[]> {
  if (rows.length > 0) yield rows;
}

// ── Báo cáo tình hình giải quyết TTHC trong kỳ ──────────────────────────────────────────────────────
export const PERIOD_MEASURES: Array<[string, (r: DashboardRow) => number]> = [
  ['Kỳ trước chuyển qua', (r) => r.carriedOver],
  ['Mới tiếp nhận', (r) => r.received],
  ['Đã giải quyết: trước hạn', (r) => r.finishedEarly],
  ['Đã giải quyết: đúng hạn', (r) => r.finishedOnTime],
  ['Đã giải quyết: quá hạn', (r) => r.finishedLate],
  ['Đang giải quyết: trong hạn', (r) => r.inProgressOnTime],
  ['Đang giải quyết: quá hạn', (r) => r.inProgressOverdue],
  ['Đã trả kết quả', (r) => r.returned],
  ['Rút hồ sơ', (r) => r.withdrawn],
  ['Từ chối', (r) => r.rejected],
];

async function periodReport(ctx: ServiceContext, actor: Actor, query: StatsQuery & StructureQuery): Promise<TabularReport> {
  const d = await statsDashboard(ctx, actor, query);
  const structure = d.structure ? structureLine({ mode: d.structure.mode, day: d.structure.at }) : [];
  const total: DashboardRow = {
    key: 'total', name: 'Tổng cộng', received: d.received.total, finishedEarly: d.finished.early, finishedOnTime: d.finished.onTime,
    finishedLate: d.finished.late, returned: d.returned, rejected: d.rejected, withdrawn: d.withdrawn, supplementRequests: d.supplementRequests,
    averageProcessingHours: d.averageProcessingHours, inProgressOnTime: d.inProgress.onTime, inProgressOverdue: d.inProgress.overdue, carriedOver: d.carriedOver,
  };
  return {
    fileName: `bao-cao-ky-${d.period.from}-${d.period.to}`,
    title: 'BÁO CÁO TÌNH HÌNH GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
    subtitle: [d.unitName, periodLine(d), ...filterLines(query), ...structure],
    sheetName: 'Báo cáo kỳ',
    columns: [{ header: 'STT', width: 6 }, { header: 'Đơn vị', width: 40 }, ...PERIOD_MEASURES.map(([h]) => num(h))],
    rows: once(d.byReceivingUnit.map((row, i): Cell[] => [i + 1, row.name, ...PERIOD_MEASURES.map(([, v]) => v(row))])),
    footer: () => ({
      total: ['', total.name, ...PERIOD_MEASURES.map(([, v]) => v(total))],
      notes: [
        `Tiếp nhận theo kênh: trực tiếp ${d.received.direct}; trực tuyến ${d.received.online}; bưu chính công ích ${d.received.postal}.`,
        'Đúng hạn/quá hạn theo thời điểm hẹn trả (không tính thời gian chờ công dân bổ sung); đang giải quyết tính tại cuối kỳ (hoặc hiện tại nếu kỳ chưa kết thúc).',
        'Hồ sơ liên thông (hồ sơ con) không tính lặp; mỗi hồ sơ được tính theo đơn vị tiếp nhận.',
      ],
    }),
    printedAt: ctx.now(),
  };
}

// ── Tình hình tiếp nhận hồ sơ theo ngày ─────────────────────────────────────────────────────────────
/** Days read per query: a year-long export is read a month at a time and streamed row by row. */
const DAYS_PER_CHUNK = 31;

async function dailyIntakeReport(ctx: ServiceContext, actor: Actor, query: StatsQuery & StructureQuery): Promise<TabularReport> {
  const scope = await resolveStatsScope(ctx, actor, query, MAX_SERIES_DAYS);
  const view = await loadStructure(ctx, query, scope);
  const names = new Map([...(view?.units.values() ?? await listAllUnits(ctx.db))].map((u) => [u.code, u.name]));
  /** One day's rows, in the structure asked (each day re-grouped on its own, so each day's totals stay). */
  const inStructure = async (chunk: DailyIntakeRow[]): Promise<DailyIntakeRow[]> => {
    if (!view) return chunk;
    const out: DailyIntakeRow[] = [];
    const byDay = new Map<string, DailyIntakeRow[]>();
    for (const r of chunk) byDay.set(r.day, [...(byDay.get(r.day) ?? []), r]);
    for (const [day, rows] of byDay) {
      const regrouped = await regroupRows(view, 'receiving', rows.map((r) => ({ key: r.receivingUnitCode, direct: r.direct, online: r.online, postal: r.postal })), ['direct', 'online', 'postal'] as const);
      out.push(...regrouped.filter((r) => r.direct + r.online + r.postal > 0).map((r) => ({ day, receivingUnitCode: r.key, direct: r.direct, online: r.online, postal: r.postal })));
    }
    return out;
  };
  const totals = { direct: 0, online: 0, postal: 0 };
  const base = filterOf(scope);
  async function* rows(): AsyncIterable<Cell[][]> {
    const first = dayNumberOfIsoDate(scope.period.from)!;
    const last = dayNumberOfIsoDate(scope.period.to)!;
    for (let start = first; start <= last; start += DAYS_PER_CHUNK) {
      const chunk = await inStructure(await dailyIntake(ctx.db, ctx.provinceCode, { ...base, fromDay: isoDateOfDayNumber(start), toDay: isoDateOfDayNumber(Math.min(last, start + DAYS_PER_CHUNK - 1)) }));
      yield chunk.map((r): Cell[] => {
        totals.direct += r.direct;
        totals.online += r.online;
        totals.postal += r.postal;
        return [vnDay(r.day), r.receivingUnitCode, names.get(r.receivingUnitCode) ?? r.receivingUnitCode, r.direct, r.online, r.postal, r.direct + r.online + r.postal];
      });
    }
  }
  return {
    fileName: `tiep-nhan-theo-ngay-${scope.period.from}-${scope.period.to}`,
    title: 'TÌNH HÌNH TIẾP NHẬN HỒ SƠ THEO NGÀY',
    subtitle: [scope.unit.name, periodLine(scope), ...filterLines(query), ...structureLine(view)],
    sheetName: 'Tiếp nhận theo ngày',
    columns: [{ header: 'Ngày', width: 12 }, { header: 'Mã đơn vị', width: 12 }, { header: 'Đơn vị tiếp nhận', width: 44 },
      num('Trực tiếp'), num('Trực tuyến'), num('Bưu chính công ích'), num('Tổng số')],
    rows: rows(),
    footer: () => ({
      total: ['Tổng cộng', '', '', totals.direct, totals.online, totals.postal, totals.direct + totals.online + totals.postal],
      notes: ['Chỉ liệt kê các ngày và đơn vị có tiếp nhận hồ sơ. Ngày tính theo giờ Việt Nam (UTC+7).'],
    }),
    printedAt: ctx.now(),
  };
}

// ── Kết quả đánh giá sự hài lòng ─────────────────────────────────────────────────────────────────────
function receivingGroup(units: ReadonlyMap<string, Unit>, root: string) {
  return (code: string) => {
    const unit = childOf(units, root, code);
    return unit ? { key: unit.code, name: unit.name } : { key: '_other', name: OTHER_RECEIVING_NAME };
  };
}

async function satisfactionReport(ctx: ServiceContext, actor: Actor, query: StatsQuery & StructureQuery): Promise<TabularReport> {
  const scope = await resolveStatsScope(ctx, actor, query);
  const view = await loadStructure(ctx, query, scope);
  const units = view?.units ?? new Map((await listAllUnits(ctx.db)).map((u) => [u.code, u]));
  const groupOf = receivingGroup(units, scope.unit.code);
  const groups = new Map<string, { name: string; t: RatingTally }>();
  const empty = (code: string): RatingTally => ({ receivingUnitCode: code, ratings: 0, verySatisfied: 0, satisfied: 0, dissatisfied: 0, points: { time: 0, contacts: 0, agencies: 0, attitude: 0 }, totalPoints: 0 });
  const add = (a: RatingTally, b: RatingTally): RatingTally => ({
    receivingUnitCode: a.receivingUnitCode, ratings: a.ratings + b.ratings, verySatisfied: a.verySatisfied + b.verySatisfied, satisfied: a.satisfied + b.satisfied,
    dissatisfied: a.dissatisfied + b.dissatisfied, totalPoints: a.totalPoints + b.totalPoints,
    points: { time: a.points.time + b.points.time, contacts: a.points.contacts + b.points.contacts, agencies: a.points.agencies + b.points.agencies, attitude: a.points.attitude + b.points.attitude },
  });
  let total = empty('total');
  const tallies = await ratingTallies(ctx.db, ctx.provinceCode, filterOf(scope), { byCommune: view !== undefined });
  for (const t of view ? await ratingsInStructure(view, tallies) : tallies) {
    const g = groupOf(t.receivingUnitCode);
    const entry = groups.get(g.key) ?? { name: g.name, t: empty(g.key) };
    entry.t = add(entry.t, t);
    groups.set(g.key, entry);
    total = add(total, t);
  }
  const avg = (points: number, n: number) => (n === 0 ? null : Math.round((points / n) * 100) / 100);
  const cells = (name: string, t: RatingTally): Cell[] => [
    name, t.ratings, t.verySatisfied, t.satisfied, t.dissatisfied, percent(t.verySatisfied + t.satisfied, t.ratings),
    avg(t.points.time, t.ratings), avg(t.points.contacts, t.ratings), avg(t.points.agencies, t.ratings), avg(t.points.attitude, t.ratings), avg(t.totalPoints, t.ratings),
  ];
  const rows = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, g], i): Cell[] => [i + 1, ...cells(g.name, g.t)]);
  return {
    fileName: `danh-gia-hai-long-${scope.period.from}-${scope.period.to}`,
    title: 'KẾT QUẢ ĐÁNH GIÁ SỰ HÀI LÒNG CỦA NGƯỜI DÂN, DOANH NGHIỆP',
    subtitle: [scope.unit.name, periodLine(scope), ...filterLines(query), ...structureLine(view)],
    sheetName: 'Đánh giá hài lòng',
    columns: [{ header: 'STT', width: 6 }, { header: 'Đơn vị tiếp nhận', width: 40 }, num('Số phiếu đánh giá', 11), num('Rất hài lòng', 11), num('Hài lòng', 11),
      num('Không hài lòng', 11), num('Tỷ lệ hài lòng (%)', 11), num('Thời gian giải quyết (điểm TB, 0–2)', 14), num('Số lần đi lại (điểm TB, 0–2)', 14),
      num('Số cơ quan phải liên hệ (điểm TB, 0–2)', 14), num('Thái độ cán bộ (điểm TB, 0–2)', 14), num('Tổng điểm TB (0–8)', 12)],
    rows: once(rows),
    footer: () => ({
      total: ['', ...cells('Tổng cộng', total)],
      notes: [
        'Phiếu đánh giá được tính theo ngày đánh giá trong kỳ; "hài lòng" gồm Rất hài lòng và Hài lòng (Thông tư 01/2018/TT-VPCP, Điều 12–13).',
        'Điểm từng tiêu chí: 2 / 1 / 0 theo câu trả lời của người dân (Điều 13).',
      ],
    }),
    printedAt: ctx.now(),
  };
}

const RATING_FIELDS = ['ratings', 'verySatisfied', 'satisfied', 'dissatisfied', 'time', 'contacts', 'agencies', 'attitude', 'totalPoints'] as const;

/** Ratings per applicant commune of the rated dossier, carried exactly onto the structure's units. */
async function ratingsInStructure(view: StructureView, tallies: readonly RatingTally[]): Promise<RatingTally[]> {
  const rows = tallies.map((t) => ({ key: t.receivingUnitCode, commune: t.commune ?? null, ratings: t.ratings, verySatisfied: t.verySatisfied, satisfied: t.satisfied, dissatisfied: t.dissatisfied, ...t.points, totalPoints: t.totalPoints }));
  return (await regroupRows(view, 'receiving', rows, RATING_FIELDS)).map((r) => ({
    receivingUnitCode: r.key, ratings: r.ratings, verySatisfied: r.verySatisfied, satisfied: r.satisfied, dissatisfied: r.dissatisfied,
    points: { time: r.time, contacts: r.contacts, agencies: r.agencies, attitude: r.attitude }, totalPoints: r.totalPoints,
  }));
}

// ── Kết quả giải quyết hồ sơ theo cán bộ ─────────────────────────────────────────────────────────────
async function officerReport(ctx: ServiceContext, actor: Actor, query: StatsQuery & StructureQuery): Promise<TabularReport> {
  const scope = await resolveStatsScope(ctx, actor, query);
  const view = await loadStructure(ctx, query, scope);
  const units = new Map([...(view?.units.values() ?? await listAllUnits(ctx.db))].map((u) => [u.code, u.name]));
  // An officer's unit in the structure asked: the one unit standing for it (staff move to the default successor).
  const unitOf = view ? await primaryTargetOf(view, 'receiving') : (code: string) => code;
  const tallies = await officerTallies(ctx.db, ctx.provinceCode, filterOf(scope));
  const total = { early: 0, onTime: 0, late: 0, processingMs: 0, ratings: 0, satisfied: 0 };
  const rows = tallies.map((t, i): Cell[] => {
    const finished = t.early + t.onTime + t.late;
    total.early += t.early; total.onTime += t.onTime; total.late += t.late; total.processingMs += t.processingMs;
    total.ratings += t.ratings; total.satisfied += t.satisfiedRatings;
    return [i + 1, t.username, t.fullName ?? '', units.get(unitOf(t.unitCode)) ?? t.unitCode, t.handled, finished, t.early, t.onTime, t.late,
      percent(t.early + t.onTime, finished), hoursOf(t.processingMs, finished), t.ratings, percent(t.satisfiedRatings, t.ratings)];
  });
  const finished = total.early + total.onTime + total.late;
  return {
    fileName: `ket-qua-theo-can-bo-${scope.period.from}-${scope.period.to}`,
    title: 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ THEO CÁN BỘ',
    subtitle: [scope.unit.name, periodLine(scope), ...filterLines(query), ...structureLine(view)],
    sheetName: 'Theo cán bộ',
    columns: [{ header: 'STT', width: 6 }, { header: 'Tài khoản', width: 16 }, { header: 'Họ và tên', width: 24 }, { header: 'Đơn vị', width: 30 },
      num('Hồ sơ đã tham gia xử lý', 12), num('Hồ sơ đã giải quyết', 12), num('Trước hạn', 10), num('Đúng hạn', 10), num('Quá hạn', 10),
      num('Tỷ lệ đúng hạn (%)', 11), num('Thời gian giải quyết TB (giờ)', 13), num('Số phiếu đánh giá', 11), num('Tỷ lệ hài lòng (%)', 11)],
    rows: once(rows),
    footer: () => ({
      total: ['', 'Tổng cộng', '', '', null, finished, total.early, total.onTime, total.late, percent(total.early + total.onTime, finished),
        hoursOf(total.processingMs, finished), total.ratings, percent(total.satisfied, total.ratings)],
      notes: [
        'Hồ sơ đã giải quyết được tính cho cán bộ thực hiện thao tác kết thúc thời hạn giải quyết (ghi kết quả, từ chối, dừng…); tổng cộng bằng số liệu của bảng điều hành.',
        '"Hồ sơ đã tham gia xử lý": số hồ sơ cán bộ có thao tác trong kỳ; một hồ sơ nhiều cán bộ cùng xử lý được tính cho mỗi người nên cột này không cộng dồn.',
        'Phiếu đánh giá trong kỳ được tính cho cán bộ đã giải quyết hồ sơ được đánh giá. Thời gian giải quyết TB tính theo giờ thực tế từ tiếp nhận đến khi giải quyết.',
      ],
    }),
    printedAt: ctx.now(),
  };
}
