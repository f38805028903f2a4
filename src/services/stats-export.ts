// Excel exports with Vietnamese headers, written by exceljs's streaming writer straight to the HTTP
// response: rows are committed as they are produced, so a province-wide export never sits in memory.
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { lateDossiers, type LateQuery } from './stats-late.ts';
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
