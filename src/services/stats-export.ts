// Excel exports with Vietnamese headers, written by exceljs's streaming writer straight to the HTTP
// response: rows are committed as they are produced, so a province-wide export never sits in memory.
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { lateDossiers, type LateQuery } from './stats-late.ts';
import { statsDashboard, type DashboardRow } from './stats-summary.ts';
import type { StatsQuery } from './stats-scope.ts';
import type { Actor, ServiceContext } from './context.ts';

const LATE_COLUMNS = [
  { header: 'Mã hồ sơ', key: 'code', width: 28 },
  { header: 'Thủ tục', key: 'procedureName', width: 50 },
  { header: 'Nơi tiếp nhận', key: 'receivingUnitName', width: 30 },
  { header: 'Cơ quan giải quyết', key: 'competentUnitName', width: 30 },
  { header: 'Trạng thái', key: 'statusLabel', width: 18 },
  { header: 'Bước hiện tại', key: 'step', width: 22 },
  { header: 'Cán bộ đang xử lý', key: 'officer', width: 24 },
  { header: 'Ngày tiếp nhận', key: 'receivedAt', width: 26 },
  { header: 'Hạn trả kết quả', key: 'dueAt', width: 26 },
  { header: 'Thời gian quá hạn / còn lại', key: 'overdueText', width: 24 },
];

/** Danh sách hồ sơ quá hạn và sắp đến hạn. Scope errors are thrown before the first byte is written. */
export async function writeLateWorkbook(ctx: ServiceContext, actor: Actor, query: LateQuery, open: () => Writable): Promise<number> {
  const batches = lateDossiers(ctx, actor, query);
  const first = await batches.next(); // resolves the scope (403/404/400) before any output
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: open(), useStyles: true });
  const sheet = workbook.addWorksheet('Hồ sơ quá hạn');
  sheet.columns = LATE_COLUMNS;
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let count = 0;
  const write = (items: Array<Record<string, unknown>>) => {
    for (const item of items) {
      sheet.addRow({ ...item, officer: item.officerName ? `${String(item.officerName)} (${String(item.officer)})` : item.officer }).commit();
      count++;
    }
  };
  if (!first.done) write(first.value as never);
  for await (const items of batches) write(items as never);
  sheet.commit();
  await workbook.commit();
  return count;
}

const PERIOD_HEADERS: Array<[string, (r: DashboardRow) => number]> = [
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

/** Báo cáo tình hình giải quyết thủ tục hành chính trong kỳ: one row per unit below the chosen one, and the total. */
export async function writePeriodReport(ctx: ServiceContext, actor: Actor, query: StatsQuery, open: () => Writable): Promise<void> {
  const d = await statsDashboard(ctx, actor, query);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: open(), useStyles: true });
  const sheet = workbook.addWorksheet('Báo cáo kỳ');
  sheet.columns = [{ width: 8 }, { width: 44 }, ...PERIOD_HEADERS.map(() => ({ width: 16 }))];
  sheet.addRow([`BÁO CÁO TÌNH HÌNH GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH — ${d.unitName}`]).commit();
  sheet.addRow([`Kỳ báo cáo: từ ngày ${d.period.from} đến ngày ${d.period.to}`]).commit();
  const header = sheet.addRow(['STT', 'Đơn vị', ...PERIOD_HEADERS.map(([h]) => h)]);
  header.font = { bold: true };
  header.commit();
  d.byReceivingUnit.forEach((row, i) => sheet.addRow([i + 1, row.name, ...PERIOD_HEADERS.map(([, v]) => v(row))]).commit());
  const total: DashboardRow = {
    key: 'total', name: 'Tổng cộng', received: d.received.total, finishedEarly: d.finished.early, finishedOnTime: d.finished.onTime,
    finishedLate: d.finished.late, returned: d.returned, rejected: d.rejected, withdrawn: d.withdrawn, supplementRequests: d.supplementRequests,
    averageProcessingHours: d.averageProcessingHours, inProgressOnTime: d.inProgress.onTime, inProgressOverdue: d.inProgress.overdue, carriedOver: d.carriedOver,
  };
  const totalRow = sheet.addRow(['', total.name, ...PERIOD_HEADERS.map(([, v]) => v(total))]);
  totalRow.font = { bold: true };
  totalRow.commit();
  sheet.addRow([]).commit();
  sheet.addRow(['', 'Tiếp nhận theo kênh: trực tiếp', d.received.direct]).commit();
  sheet.addRow(['', 'Tiếp nhận theo kênh: trực tuyến', d.received.online]).commit();
  sheet.addRow(['', 'Tiếp nhận theo kênh: bưu chính công ích', d.received.postal]).commit();
  sheet.commit();
  await workbook.commit();
}
