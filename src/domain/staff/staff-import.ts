// A staff list (danh sách cán bộ) read from a spreadsheet: the header is matched to the columns
// username, full name, unit code, roles, e-mail, phone (English or Vietnamese titles, with or without
// accents), and every row is checked on its own — what the file alone can tell: the username's shape,
// a name, a unit (no account without a unit), known roles, an e-mail and a phone that look right, and
// usernames repeated in the file. The database checks (taken, unknown unit, out of scope) come after.
import { foldVietnamese } from '../catalog/text.ts';
import { normalisePhone } from '../dossier/identity-numbers.ts';
import { ROLES, type Role } from './roles.ts';

export type StaffColumn = 'username' | 'fullName' | 'unitCode' | 'roles' | 'email' | 'phone';

/** Column titles of the downloadable template, in order. */
export const STAFF_TEMPLATE_HEADER: Record<StaffColumn, string> = {
  username: 'Tên đăng nhập (username)',
  fullName: 'Họ và tên (full name)',
  unitCode: 'Mã đơn vị (unit code)',
  roles: 'Vai trò (roles)',
  email: 'Thư điện tử (e-mail)',
  phone: 'Số điện thoại (phone)',
};
export const STAFF_COLUMNS: readonly StaffColumn[] = ['username', 'fullName', 'unitCode', 'roles', 'email', 'phone'];
const REQUIRED_COLUMNS: readonly StaffColumn[] = ['username', 'fullName', 'unitCode', 'roles'];

/** Folded header titles (accents and case ignored, text in brackets dropped). */
const HEADER_ALIASES: Record<string, StaffColumn> = {
  username: 'username', 'user name': 'username', 'ten dang nhap': 'username', 'tai khoan': 'username', login: 'username',
  'full name': 'fullName', fullname: 'fullName', name: 'fullName', 'ho va ten': 'fullName', 'ho ten': 'fullName',
  'unit code': 'unitCode', unitcode: 'unitCode', unit: 'unitCode', 'ma don vi': 'unitCode', 'don vi': 'unitCode',
  roles: 'roles', role: 'roles', 'vai tro': 'roles',
  email: 'email', 'e mail': 'email', 'thu dien tu': 'email',
  phone: 'phone', 'so dien thoai': 'phone', 'dien thoai': 'phone', sdt: 'phone',
};

/** Role names an administrator may write, folded: the contract's and the Vietnamese ones. */
const ROLE_ALIASES: Record<string, Role> = {
  admin: 'admin', 'quan tri': 'admin', 'quan tri vien': 'admin', 'quan tri he thong': 'admin',
  reception: 'reception', 'tiep nhan': 'reception', 'can bo tiep nhan': 'reception',
  processing: 'processing', 'xu ly': 'processing', 'chuyen vien': 'processing', 'chuyen vien xu ly': 'processing',
  leader: 'leader', 'lanh dao': 'leader',
  manager: 'manager', 'giam doc': 'manager',
};

const USERNAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;
const EMAIL_RE = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

const fold = (text: string) => foldVietnamese(text).replace(/\([^)]*\)/g, ' ').replace(/[^a-z0-9]+/g, ' ').trim();

export type HeaderMap = { ok: true; columns: Partial<Record<StaffColumn, number>> } | { ok: false; code: string; message: string };

export function mapStaffHeader(cells: readonly string[]): HeaderMap {
  const columns: Partial<Record<StaffColumn, number>> = {};
  for (const [index, cell] of cells.entries()) {
    if (cell.trim() === '') continue;
    const column = HEADER_ALIASES[fold(cell)] ?? HEADER_ALIASES[fold(cell.replace(/^[^(]*\(([^)]*)\).*$/, '$1'))];
    if (!column) {
      return { ok: false, code: 'STAFF_IMPORT_UNKNOWN_COLUMN', message: `Cột "${cell.trim()}" không thuộc mẫu; các cột: ${STAFF_COLUMNS.map((c) => STAFF_TEMPLATE_HEADER[c]).join(', ')}.` };
    }
    if (columns[column] !== undefined) return { ok: false, code: 'STAFF_IMPORT_DUPLICATE_COLUMN', message: `Cột "${STAFF_TEMPLATE_HEADER[column]}" xuất hiện hai lần.` };
    columns[column] = index;
  }
  const missing = REQUIRED_COLUMNS.filter((c) => columns[c] === undefined);
  if (missing.length > 0) {
    return { ok: false, code: 'STAFF_IMPORT_MISSING_COLUMN', message: `Thiếu cột bắt buộc: ${missing.map((c) => STAFF_TEMPLATE_HEADER[c]).join(', ')}.` };
  }
  return { ok: true, columns };
}

export interface StaffRow {
  /** The line (CSV) or row number (XLSX) in the file. */
  row: number;
  username: string;
  fullName: string;
  unitCode: string;
  roles: Role[];
  email: string | null;
  phone: string | null;
}

export interface StaffRowError {
  row: number;
  username: string | null;
  column: StaffColumn | null;
  code: string;
  message: string;
}

/** Roles written as "tiếp nhận, xử lý" or "reception;leader": known names only, each once. */
export function parseRoles(text: string): { roles: Role[]; unknown: string[] } {
  const parts = text.split(/[,;|/+\n]/).map((p) => p.trim()).filter(Boolean);
  const roles: Role[] = [];
  const unknown: string[] = [];
  for (const part of parts) {
    const role = ROLE_ALIASES[fold(part)];
    if (!role) unknown.push(part);
    else if (!roles.includes(role)) roles.push(role);
  }
  return { roles, unknown };
}

/** Checks every row; answers the good ones and an error for each problem found in the others. */
export function checkStaffRows(columns: Partial<Record<StaffColumn, number>>, rows: ReadonlyArray<{ row: number; cells: readonly string[] }>): { accepted: StaffRow[]; errors: StaffRowError[] } {
  const cell = (cells: readonly string[], column: StaffColumn) => {
    const index = columns[column];
    return index === undefined ? '' : (cells[index] ?? '').replace(/\s+/g, ' ').trim();
  };
  const accepted: StaffRow[] = [];
  const errors: StaffRowError[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of rows) {
    const username = cell(cells, 'username');
    const problems: StaffRowError[] = [];
    const add = (column: StaffColumn | null, code: string, message: string) => problems.push({ row, username: username || null, column, code, message });
    if (!USERNAME_RE.test(username)) {
      add('username', 'INVALID_USERNAME', username === ''
        ? 'Thiếu tên đăng nhập.'
        : `Tên đăng nhập "${username}" phải gồm 3–64 ký tự chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.`);
    } else {
      const first = firstRowOf.get(username.toLowerCase());
      if (first !== undefined) add('username', 'DUPLICATE_USERNAME_IN_FILE', `Tên đăng nhập "${username}" trùng với dòng ${first} của tệp.`);
      else firstRowOf.set(username.toLowerCase(), row);
    }
    const fullName = cell(cells, 'fullName');
    if (fullName === '') add('fullName', 'REQUIRED', 'Thiếu họ và tên.');
    else if (fullName.length > 200) add('fullName', 'TOO_LONG', 'Họ và tên dài quá 200 ký tự.');
    const unitCode = cell(cells, 'unitCode');
    if (unitCode === '') add('unitCode', 'UNIT_REQUIRED', 'Tài khoản phải thuộc một đơn vị: thiếu mã đơn vị.');
    const rolesText = cell(cells, 'roles');
    const { roles, unknown } = parseRoles(rolesText);
    if (unknown.length > 0) add('roles', 'INVALID_ROLES', `Vai trò không hợp lệ: ${unknown.map((u) => `"${u}"`).join(', ')}; dùng ${ROLES.join(', ')} (hoặc tiếp nhận, xử lý, lãnh đạo, giám đốc, quản trị).`);
    else if (roles.length === 0) add('roles', 'INVALID_ROLES', 'Cần ít nhất một vai trò.');
    const emailText = cell(cells, 'email');
    const email = emailText === '' ? null : emailText.toLowerCase();
    if (email !== null && (!EMAIL_RE.test(email) || email.length > 254)) add('email', 'INVALID_EMAIL', `Thư điện tử "${emailText}" không đúng dạng.`);
    const phoneText = cell(cells, 'phone');
    const phone = phoneText === '' ? null : normalisePhone(phoneText);
    if (phoneText !== '' && phone === null) add('phone', 'INVALID_PHONE', `Số điện thoại "${phoneText}" không đúng dạng số Việt Nam.`);
    if (problems.length > 0) errors.push(...problems);
    else accepted.push({ row, username, fullName, unitCode, roles, email, phone });
  }
  return { accepted, errors };
}
