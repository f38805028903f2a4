import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkStaffRows, mapStaffHeader, parseRoles, STAFF_COLUMNS, STAFF_TEMPLATE_HEADER } from './staff-import.ts';
import { ROLES } from './roles.ts';

const header = STAFF_COLUMNS.map((c) => STAFF_TEMPLATE_HEADER[c]);
const columns = () => {
  const mapped = mapStaffHeader(header);
  if (!mapped.ok) throw new Error(mapped.message);
  return mapped.columns;
};

describe('mapStaffHeader', () => {
  it('reads the template, English and Vietnamese titles, in any order', () => {
    expect(columns()).toEqual({ username: 0, fullName: 1, unitCode: 2, roles: 3, email: 4, phone: 5 });
    expect(mapStaffHeader(['Vai trò', 'HỌ VÀ TÊN', 'username', 'Mã đơn vị'])).toEqual({ ok: true, columns: { roles: 0, fullName: 1, username: 2, unitCode: 3 } });
  });

  it('refuses unknown, repeated and missing columns', () => {
    expect(mapStaffHeader([...header, 'Màu sắc'])).toMatchObject({ ok: false, code: 'STAFF_IMPORT_UNKNOWN_COLUMN' });
    expect(mapStaffHeader(['username', 'Tên đăng nhập', 'full name', 'unit', 'roles'])).toMatchObject({ ok: false, code: 'STAFF_IMPORT_DUPLICATE_COLUMN' });
    const missing = mapStaffHeader(['username', 'full name', 'roles']);
    expect(missing).toMatchObject({ ok: false, code: 'STAFF_IMPORT_MISSING_COLUMN' });
    if (!missing.ok) expect(missing.message).toContain('Mã đơn vị');
  });
});

describe('parseRoles', () => {
  it('accepts the contract names and the Vietnamese ones, each once', () => {
    expect(parseRoles('Tiếp nhận, xử lý; reception')).toEqual({ roles: ['reception', 'processing'], unknown: [] });
    expect(parseRoles('lãnh đạo|Giám đốc')).toEqual({ roles: ['leader', 'manager'], unknown: [] });
    expect(parseRoles('boss, admin')).toEqual({ roles: ['admin'], unknown: ['boss'] });
  });
});

describe('checkStaffRows', () => {
  it('accepts good rows with normalised contacts and names each problem of the others', () => {
    const { accepted, errors } = checkStaffRows(columns(), [
      { row: 2, cells: ['nguyen.van.a', '  Nguyễn  Văn A ', 'DTN25741', 'tiếp nhận', 'A@Example.VN', '+84 912 345 678'] },
      { row: 3, cells: ['x', '', '', 'boss', 'not-mail', '12'] },
      { row: 4, cells: ['NGUYEN.VAN.A', 'Nguyễn Văn B', 'CN724', 'leader', '', ''] },
    ]);
    expect(accepted).toEqual([{ row: 2, username: 'nguyen.van.a', fullName: 'Nguyễn Văn A', unitCode: 'DTN25741', roles: ['reception'], email: 'a@example.vn', phone: '0912345678' }]);
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'username', 'INVALID_USERNAME'], [3, 'fullName', 'REQUIRED'], [3, 'unitCode', 'UNIT_REQUIRED'], [3, 'roles', 'INVALID_ROLES'],
      [3, 'email', 'INVALID_EMAIL'], [3, 'phone', 'INVALID_PHONE'], [4, 'username', 'DUPLICATE_USERNAME_IN_FILE'],
    ]);
    expect(errors.at(-1)!.message).toContain('dòng 2');
    expect(errors[2]!.message).toContain('phải thuộc một đơn vị');
  });

  const goodRow = fc.record({
    username: fc.stringMatching(/^[a-z][a-z0-9._-]{2,20}$/),
    fullName: fc.constantFrom('Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng'),
    unitCode: fc.constantFrom('CN724', 'DTN25741', 'UBX25861'),
    roles: fc.subarray([...ROLES], { minLength: 1 }),
  });

  it('accepts any set of well-formed rows with distinct usernames, and flags every later repeat of a username', () => {
    fc.assert(fc.property(fc.array(goodRow, { maxLength: 30 }), (records) => {
      const rows = records.map((r, i) => ({ row: i + 2, cells: [r.username, r.fullName, r.unitCode, r.roles.join(', '), '', ''] }));
      const { accepted, errors } = checkStaffRows(columns(), rows);
      const firsts = new Map<string, number>();
      records.forEach((r, i) => { if (!firsts.has(r.username.toLowerCase())) firsts.set(r.username.toLowerCase(), i); });
      expect(accepted.map((a) => a.row)).toEqual([...firsts.values()].map((i) => i + 2));
      expect(errors.every((e) => e.code === 'DUPLICATE_USERNAME_IN_FILE')).toBe(true);
      expect(accepted.length + errors.length).toBe(records.length);
      for (const a of accepted) expect(a.roles).toEqual([...new Set(records[a.row - 2]!.roles)]);
    }));
  });
});
