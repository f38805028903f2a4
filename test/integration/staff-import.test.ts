// Staff import on each engine: the template round-trips, a file with any bad row is refused with every
// problem named by row and nothing is written, a Branch administrator cannot import outside its
// subtree, a good XLSX creates the accounts (audited, each with a one-time password-set link that
// works), and importing the same file again creates nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { csvFile } from '../support/catalog.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

const HEAD = ['Tên đăng nhập', 'Họ và tên', 'Mã đơn vị', 'Vai trò', 'E-mail', 'Số điện thoại'];

async function workbook(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Cán bộ');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.each(ENGINES)('staff import on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock('2025-03-04T09:00:00+07:00');
  const tokens = new Map<string, string>();
  let ownPoint: string;
  let otherBranch: string;
  const token = async (username: string, password = DEMO_PASSWORD) => {
    if (!tokens.has(username)) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      expect(res.statusCode, res.body).toBe(200);
      tokens.set(username, res.json().token);
    }
    return { authorization: `Bearer ${tokens.get(username)}` };
  };
  const upload = async (file: Uint8Array | Buffer, fileName: string, username = 'admin', query = '') =>
    app.inject({ method: 'POST', url: `/api/v1/admin/users/imports?fileName=${encodeURIComponent(fileName)}${query}`,
      headers: { ...(await token(username)), 'content-type': 'application/octet-stream' }, payload: Buffer.from(file) });
  const staffCount = async () => Number((await handle.db.selectFrom('staff_users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    await seedDemo(testContext(handle, clock), DEMO_PASSWORD);
    app = await buildServer(testContext(handle, clock));
    const points = (await app.inject({ url: '/api/v1/units?parentCode=CN724&type=reception_point' })).json().items;
    ownPoint = points[0].code;
    otherBranch = (await app.inject({ url: '/api/v1/units?type=branch' })).json().items.find((u: { code: string }) => u.code !== 'CN724').code;
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('offers the template in both formats; the CSV template checks clean as a dry run and writes nothing', async () => {
    const xlsx = await app.inject({ url: '/api/v1/admin/users/import-template?format=xlsx', headers: await token('admin') });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('mau-nhap-can-bo.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as never);
    expect((book.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(['Tên đăng nhập (username)', 'Họ và tên (full name)', 'Mã đơn vị (unit code)',
      'Vai trò (roles)', 'Thư điện tử (e-mail)', 'Số điện thoại (phone)']);
    const csv = await app.inject({ url: '/api/v1/admin/users/import-template?format=csv', headers: await token('admin') });
    const before = await staffCount();
    const dry = await upload(csv.rawPayload, 'mau.csv', 'admin', '&dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ format: 'csv', rows: 2, dryRun: true, written: false, rejected: [] });
    expect(dry.json().created.map((c: { username: string; resetPath: string | null }) => [c.username, c.resetPath])).toEqual([['nguyen.van.an', null], ['tran.thi.binh', null]]);
    expect(await staffCount()).toBe(before);
    expect((await app.inject({ url: '/api/v1/admin/users/import-template', headers: await token('tn.CN724') })).statusCode).toBe(403);
  });

  it('refuses a file with bad rows, naming each problem by row, and writes nothing', async () => {
    const before = await staffCount();
    const res = await upload(csvFile([
      HEAD,
      ['le.van.tam', 'Lê Văn Tâm', ownPoint, 'tiếp nhận', 'tam@example.vn', '0912000111'],
      ['LE.VAN.TAM', 'Lê Văn Tâm khác', ownPoint, 'reception', '', ''],
      ['pham.hoa', 'Phạm Hoa', 'KHONG.CO', 'leader', '', ''],
      ['do.minh', 'Đỗ Minh', '', 'processing', '', ''],
      ['vo.an', 'Võ An', ownPoint, 'trưởng phòng', '', ''],
      ['admin', 'Người khác', ownPoint, 'admin', '', ''],
    ]), 'can-bo.csv');
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('STAFF_IMPORT_REJECTED');
    expect(error.message).toContain('không tài khoản nào được tạo');
    expect(error.details.report.rejected.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [3, 'DUPLICATE_USERNAME_IN_FILE'], [4, 'UNKNOWN_UNIT'], [5, 'UNIT_REQUIRED'], [6, 'INVALID_ROLES'], [7, 'USERNAME_TAKEN'],
    ]);
    expect(await staffCount()).toBe(before);
  });

  it('keeps a Branch administrator to its own subtree', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/v1/admin/users', headers: await token('admin'),
      payload: { username: 'qt.cn724', fullName: 'Quản trị Chi nhánh', unitCode: 'CN724', roles: ['admin'], password: 'mat-khau-quan-tri-1' } });
    expect(created.statusCode, created.body).toBe(201);
    await token('qt.cn724', 'mat-khau-quan-tri-1');
    const res = await upload(csvFile([HEAD, ['ngo.lan', 'Ngô Lan', ownPoint, 'reception', '', ''], ['ngo.binh', 'Ngô Bình', otherBranch, 'reception', '', '']]), 'cn.csv', 'qt.cn724');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.report.rejected).toEqual([expect.objectContaining({ row: 3, column: 'unitCode', code: 'OUT_OF_SCOPE' })]);
    expect((await app.inject({ method: 'POST', url: '/api/v1/admin/users/imports', headers: { ...(await token('tn.CN724')), 'content-type': 'text/csv' }, payload: 'a' })).statusCode).toBe(403);
  });

  it('creates the accounts of a good XLSX with one-time links, audits each, and a re-import creates nothing', async () => {
    const rows = [HEAD, ['le.van.tam', 'Lê Văn Tâm', ownPoint, 'tiếp nhận', 'Tam@Example.vn', '0912 000 111'], ['pham.thu', 'Phạm Thu', 'CN724', 'xử lý, lãnh đạo', '', '']];
    const file = await workbook(rows);
    const before = await staffCount();
    const res = await upload(file, 'can-bo.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ format: 'xlsx', rows: 2, written: true, unchanged: [], rejected: [] });
    expect(report.created.map((c: { username: string; roles: string[] }) => [c.username, c.roles])).toEqual([['le.van.tam', ['reception']], ['pham.thu', ['processing', 'leader']]]);
    expect(await staffCount()).toBe(before + 2);
    const stored = await handle.db.selectFrom('staff_users').select(['email', 'phone', 'unit_code']).where('username', '=', 'le.van.tam').executeTakeFirstOrThrow();
    expect(stored).toEqual({ email: 'tam@example.vn', phone: '0912000111', unit_code: ownPoint });

    // No password works until the officer sets one through the link; then the link is spent.
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'le.van.tam', password: '!unset:staff-import' } })).statusCode).toBe(401);
    const tokenOf = (path: string) => path.split('#')[1]!;
    const set = await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { token: tokenOf(report.created[0].resetPath), password: 'mat-khau-cua-tam-1' } });
    expect(set.statusCode, set.body).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'le.van.tam', password: 'mat-khau-cua-tam-1' } })).statusCode).toBe(200);

    const audit = await app.inject({ url: '/api/v1/admin/audit?action=staff.create&entityId=pham.thu', headers: await token('admin') });
    expect(audit.json().items).toEqual([expect.objectContaining({ actorUsername: 'admin', details: expect.objectContaining({ via: 'import', row: 3, after: expect.objectContaining({ unitCode: 'CN724' }) }) })]);
    const links = await handle.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'staff.password_reset_link').where('entity_id', 'in', ['le.van.tam', 'pham.thu']).execute();
    expect(links).toHaveLength(2);

    // The same file again: already imported, nothing created, no new links.
    const again = await upload(file, 'can-bo.xlsx');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ written: false, created: [], unchanged: [{ row: 2, username: 'le.van.tam' }, { row: 3, username: 'pham.thu' }] });
    expect(await staffCount()).toBe(before + 2);
    // The same username for someone else is refused.
    const moved = await upload(await workbook([HEAD, ['pham.thu', 'Phạm Thu', ownPoint, 'processing', '', '']]), 'khac.xlsx');
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.details.report.rejected[0]).toMatchObject({ row: 2, code: 'USERNAME_TAKEN' });
  });
});
