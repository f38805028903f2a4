// Importing officers from a spreadsheet (CSV or XLSX): every row is checked — by itself (domain
// staff-import.ts), then against the database: a username already held by a different account, an
// unknown or closed unit, a unit outside the importing administrator's subtree. ALL OR NOTHING: one bad
// row refuses the whole file and nothing is written. A row identical to an existing account (same
// username, name, unit, roles, contacts) counts as already imported, so importing the same file again
// creates nothing. Each created account is audited and gets a one-time password-set link (the reset
// link mechanism); it has no usable password until the officer sets one.
import ExcelJS from 'exceljs';
import { invalid } from '../domain/errors.ts';
import { parseCsv } from '../domain/catalog/csv.ts';
import { decodeText } from '../domain/catalog/decode-text.ts';
import { checkStaffRows, mapStaffHeader, STAFF_COLUMNS, STAFF_TEMPLATE_HEADER, type StaffRow, type StaffRowError } from '../domain/staff/staff-import.ts';
import type { Role } from '../domain/staff/roles.ts';
import { findUnit, subtreeCodesOf } from '../store/units.ts';
import { accountsByUsername, insertImportedAccounts, type ExistingAccount } from '../store/staff-import.ts';
import { appendAudit } from '../store/audit.ts';
import type { Db } from '../store/database.ts';
import { requireAdminRole } from './admin-checks.ts';
import { detectFormat } from './procedure-file.ts';
import { createResetLink } from './staff-accounts.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';

export const MAX_STAFF_IMPORT_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 5000;
/** Stored instead of a password hash: verifyPassword refuses it, so only the one-time link opens the account. */
const NO_PASSWORD_YET = '!unset:staff-import';

export interface StaffImportReport {
  format: 'csv' | 'xlsx';
  fileName: string | null;
  rows: number;
  dryRun: boolean;
  written: boolean;
  created: Array<{ row: number; username: string; fullName: string; unitCode: string; roles: Role[]; resetPath: string | null; expiresAt: string | null }>;
  unchanged: Array<{ row: number; username: string }>;
  rejected: StaffRowError[];
}

type Cells = Array<{ row: number; cells: string[] }>;

async function readRows(bytes: Uint8Array, format: 'csv' | 'xlsx'): Promise<Cells> {
  if (format === 'csv') {
    const decoded = decodeText(bytes);
    if (!decoded.ok) throw invalid('STAFF_IMPORT_BAD_ENCODING', `Tệp CSV không phải văn bản UTF-8 (dòng ${decoded.line}); hãy lưu lại dưới dạng "CSV UTF-8".`);
    const parsed = parseCsv(decoded.text);
    if (!parsed.ok) throw invalid('STAFF_IMPORT_INVALID_CSV', `Tệp CSV không hợp lệ ở dòng ${parsed.line}: ${parsed.message}`, { line: parsed.line });
    return parsed.records.map((r) => ({ row: r.line, cells: r.fields }));
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as never);
  } catch (error) {
    throw invalid('STAFF_IMPORT_INVALID_XLSX', `Không đọc được tệp Excel (.xlsx): ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw invalid('STAFF_IMPORT_EMPTY', 'Tệp Excel không có trang tính nào có dữ liệu.');
  const rows: Cells = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let col = 1; col <= row.cellCount; col++) cells.push(cellText(row.getCell(col).value));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text; // hyperlinks (e-mail cells)
    if ('result' in value) return value.result === undefined || value.result === null ? '' : cellText(value.result as ExcelJS.CellValue);
  }
  return '';
}

const sameAccount = (a: ExistingAccount, r: StaffRow) =>
  a.fullName === r.fullName && a.unitCode === r.unitCode && a.email === r.email && a.phone === r.phone
  && a.roles.length === r.roles.length && r.roles.every((role) => a.roles.includes(role));

/** The database checks of the rows the file alone found good. */
async function checkAgainstDatabase(db: Db, actor: Actor, rows: readonly StaffRow[], now: Date) {
  const scope = new Set(await subtreeCodesOf(db, actor.unitCode));
  const existing = await accountsByUsername(db, rows.map((r) => r.username));
  const units = new Map<string, Awaited<ReturnType<typeof findUnit>>>();
  const errors: StaffRowError[] = [];
  const toCreate: StaffRow[] = [];
  const unchanged: StaffRow[] = [];
  for (const r of rows) {
    if (!units.has(r.unitCode)) units.set(r.unitCode, await findUnit(db, r.unitCode));
    const unit = units.get(r.unitCode);
    const error = (column: StaffRowError['column'], code: string, message: string) => errors.push({ row: r.row, username: r.username, column, code, message });
    const account = existing.get(r.username.toLowerCase());
    if (account && !sameAccount(account, r)) {
      error('username', 'USERNAME_TAKEN', `Tên đăng nhập "${r.username}" đã thuộc một tài khoản khác (${account.fullName}, ${account.unitCode}).`);
    }
    if (!unit) error('unitCode', 'UNKNOWN_UNIT', `Không có đơn vị mã "${r.unitCode}".`);
    else if (unit.validTo !== null && unit.validTo <= now.getTime()) error('unitCode', 'UNIT_CLOSED', `Đơn vị "${r.unitCode}" đã ngừng hoạt động.`);
    else if (!scope.has(r.unitCode)) error('unitCode', 'OUT_OF_SCOPE', `Đơn vị "${r.unitCode}" nằm ngoài phạm vi quản lý của bạn (${actor.unitCode}).`);
    if (errors.some((e) => e.row === r.row)) continue;
    if (account) unchanged.push(r);
    else toCreate.push(r);
  }
  return { errors, toCreate, unchanged };
}

export async function importStaffFile(
  ctx: ServiceContext, actor: Actor, bytes: Uint8Array, options: { fileName?: string | undefined; dryRun?: boolean | undefined }, origin: RequestOrigin,
): Promise<StaffImportReport> {
  requireAdminRole(actor, 'Chỉ quản trị viên được nhập danh sách cán bộ.');
  if (bytes.length === 0) throw invalid('STAFF_IMPORT_EMPTY', 'Tệp nhập trống.');
  const detected = detectFormat(bytes, options.fileName);
  if (detected === 'json') throw invalid('STAFF_IMPORT_FORMAT', 'Chỉ nhận tệp CSV hoặc Excel (.xlsx) theo mẫu.');
  const format = detected;
  const cells = (await readRows(bytes, format)).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const head = cells[0];
  if (!head) throw invalid('STAFF_IMPORT_EMPTY', 'Tệp không có dòng tiêu đề.');
  const header = mapStaffHeader(head.cells);
  if (!header.ok) throw invalid(header.code, header.message, { row: head.row });
  const body = cells.slice(1);
  if (body.length === 0) throw invalid('STAFF_IMPORT_EMPTY', 'Tệp không có dòng cán bộ nào dưới dòng tiêu đề.');
  if (body.length > MAX_ROWS) throw invalid('STAFF_IMPORT_TOO_LARGE', `Mỗi lần nhập tối đa ${MAX_ROWS} cán bộ; tệp có ${body.length} dòng.`);
  const checked = checkStaffRows(header.columns, body);
  const now = ctx.now();
  const dryRun = options.dryRun === true;

  const run = async (db: Db): Promise<StaffImportReport> => {
    const db2 = await checkAgainstDatabase(db, actor, checked.accepted, now);
    const rejected = [...checked.errors, ...db2.errors].sort((a, b) => a.row - b.row);
    const report: StaffImportReport = {
      format, fileName: options.fileName ?? null, rows: body.length, dryRun, written: false, rejected,
      created: db2.toCreate.map((r) => ({ row: r.row, username: r.username, fullName: r.fullName, unitCode: r.unitCode, roles: r.roles, resetPath: null, expiresAt: null })),
      unchanged: db2.unchanged.map((r) => ({ row: r.row, username: r.username })),
    };
    if (rejected.length > 0) {
      throw invalid('STAFF_IMPORT_REJECTED', `${new Set(rejected.map((e) => e.row)).size} dòng có lỗi; không tài khoản nào được tạo. Sửa các dòng được nêu rồi nhập lại cả tệp.`,
        { report: { ...report, created: [] } });
    }
    if (dryRun || db2.toCreate.length === 0) return report;
    const ids = await insertImportedAccounts(db, db2.toCreate.map((r) => ({
      provinceCode: ctx.provinceCode, username: r.username, fullName: r.fullName, unitCode: r.unitCode, roles: r.roles, email: r.email, phone: r.phone,
      passwordHash: NO_PASSWORD_YET, at: now,
    })));
    const created: StaffImportReport['created'] = [];
    for (const r of db2.toCreate) {
      const after = { username: r.username, fullName: r.fullName, unitCode: r.unitCode, roles: r.roles, active: true, email: r.email, phone: r.phone };
      await appendAudit(db, { provinceCode: ctx.provinceCode, at: now, actor, action: 'staff.create', entityType: 'staff_user', entityId: r.username,
        details: { after, via: 'import', fileName: options.fileName ?? null, row: r.row }, requestId: origin.requestId, address: origin.address });
      const link = await createResetLink(ctx, db, actor, { id: ids.get(r.username)!, username: r.username }, origin, now);
      created.push({ row: r.row, username: r.username, fullName: r.fullName, unitCode: r.unitCode, roles: r.roles, resetPath: link.path, expiresAt: link.expiresAt.toISOString() });
    }
    await appendAudit(db, { provinceCode: ctx.provinceCode, at: now, actor, action: 'staff.import', entityType: 'staff_import', entityId: options.fileName ?? null,
      details: { format, rows: body.length, created: created.length, unchanged: db2.unchanged.length }, requestId: origin.requestId, address: origin.address });
    return { ...report, written: true, created };
  };
  return dryRun ? run(ctx.db) : ctx.db.transaction().execute(run);
}

/** The downloadable template: the header and two example rows, as CSV (UTF-8 with BOM, for Excel) or XLSX. */
export async function staffImportTemplate(format: 'csv' | 'xlsx'): Promise<Uint8Array> {
  const header = STAFF_COLUMNS.map((c) => STAFF_TEMPLATE_HEADER[c]);
  const examples = [
    ['nguyen.van.an', 'Nguyễn Văn An', 'DTN25741', 'reception', 'an.nv@example.gov.vn', '0912345678'],
    ['tran.thi.binh', 'Trần Thị Bình', 'CN724', 'processing, leader', '', ''],
  ];
  if (format === 'csv') {
    const quote = (v: string) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    return new TextEncoder().encode(`\uFEFF${[header, ...examples].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`);
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cán bộ');
  sheet.addRow(header).font = { bold: true };
  for (const row of examples) sheet.addRow(row);
  sheet.columns.forEach((column) => { column.width = 26; });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
