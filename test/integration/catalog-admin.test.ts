// Catalog administration through the API, on each engine: a file upload streams its progress and ends
// with the row-level report (nothing written when a row is rejected, unless partial), only province
// administrators may import or publish, and a procedure's history shows its versions with what changed
// and the publication decisions (with the location-free periods they produce).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { csvFile } from '../support/catalog.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

const HEAD = ['Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Cấp thực hiện', 'time_direct', 'Phí, lệ phí', 'Thành phần hồ sơ'];
const row = (code: string, name: string, time = '5 ngày làm việc', level = 'Cấp xã') => [code, name, 'Hộ tịch', level, time, 'Miễn phí', 'Tờ khai | 1'];

describe.each(ENGINES)('catalog administration on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock('2025-03-03T09:00:00+07:00');
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    if (!tokens.has(username)) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      tokens.set(username, res.json().token);
    }
    return { authorization: `Bearer ${tokens.get(username)}` };
  };
  const upload = async (file: Uint8Array, query: string, username = 'admin') => {
    const res = await app.inject({ method: 'POST', url: `/api/v1/admin/catalog/imports?${query}`, headers: { ...(await token(username)), 'content-type': 'text/csv' }, payload: Buffer.from(file) });
    const lines = res.statusCode === 200 ? res.body.trim().split('\n').map((l) => JSON.parse(l)) : [];
    return { res, lines, last: lines[lines.length - 1] };
  };

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    await seedDemo(testContext(handle, clock), DEMO_PASSWORD);
    app = await buildServer(testContext(handle, clock));
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('streams progress, then the report with each rejected row; nothing is written', async () => {
    const file = csvFile([HEAD, row('T.900001', 'Thủ tục thử một'), row('T.900002', 'Thủ tục thử hai', '5 ngày làm việc', 'Cấp thôn'), row('T.900001', 'Trùng mã')]);
    const { res, lines, last } = await upload(file, 'fileName=thu.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const phases = lines.filter((l) => l.type === 'progress').map((l) => l.phase);
    expect(phases).toContain('read');
    expect(phases).toContain('check');
    expect(last.type).toBe('report');
    expect(last.report).toMatchObject({ format: 'csv', rows: 3, written: false });
    expect(last.report.rejected.map((r: { row: number; code: string }) => [r.row, r.code])).toEqual([[3, 'UNKNOWN_LEVEL'], [4, 'DUPLICATE_CODE']]);
    expect((await app.inject({ url: '/api/v1/procedures/T.900001' })).statusCode).toBe(404);
  });

  it('imports the good rows with partial, reporting the write and index phases', async () => {
    const file = csvFile([HEAD, row('T.900001', 'Thủ tục thử một'), row('T.900002', 'Thủ tục thử hai', '5 ngày làm việc', 'Cấp thôn')]);
    const { lines, last } = await upload(file, 'fileName=thu.csv&partial=true');
    expect(lines.filter((l) => l.type === 'progress').map((l) => l.phase)).toEqual(expect.arrayContaining(['write', 'index']));
    expect(last.report).toMatchObject({ created: 1, written: true });
    expect(last.report.rejected).toHaveLength(1);
    expect((await app.inject({ url: '/api/v1/procedures/T.900001' })).statusCode).toBe(200);
  });

  it('answers a malformed file with an error line, and refuses non-administrators before reading', async () => {
    const { last } = await upload(new TextEncoder().encode('code,name,màu sắc\n'), 'fileName=x.csv');
    expect(last).toMatchObject({ type: 'error', error: { code: 'IMPORT_UNKNOWN_COLUMN' } });
    const officer = await upload(csvFile([HEAD, row('T.900003', 'X')]), 'fileName=x.csv', 'tn.CN724');
    expect(officer.res.statusCode).toBe(403);
    const anonymous = await app.inject({ method: 'POST', url: '/api/v1/admin/catalog/imports', headers: { 'content-type': 'text/csv' }, payload: 'a' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('shows a new version with what changed, and the decisions that publish it', async () => {
    clock.advance(24 * 3_600_000);
    tokens.clear(); // yesterday's sessions have expired
    const changed = csvFile([HEAD, row('T.900001', 'Thủ tục thử một', '3 ngày làm việc')]);
    expect((await upload(changed, 'fileName=v2.csv')).last.report).toMatchObject({ updated: 1, written: true });

    const publish = (body: Record<string, unknown>, username = 'admin') =>
      token(username).then((headers) => app.inject({ method: 'POST', url: '/api/v1/admin/procedure-publications', headers, payload: body }));
    const decision = { code: '12/QĐ-UBND', title: 'Bổ sung thủ tục tiếp nhận phi địa giới', effectiveAt: '2025-04-01', entries: [{ procedureCode: 'T.900001', op: 'add' }] };
    expect((await publish(decision, 'tn.CN724')).statusCode).toBe(403);
    const created = await publish(decision);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ code: '12/QĐ-UBND', effectiveAt: '2025-04-01T00:00:00+07:00', added: 1, removed: 0 });
    expect((await publish(decision)).statusCode).toBe(409);
    expect((await publish({ ...decision, code: '13/QĐ-UBND', entries: [{ procedureCode: 'NO.SUCH', op: 'add' }] })).json().error.code).toBe('UNKNOWN_PROCEDURE');
    expect((await publish({ ...decision, code: '14/QĐ-UBND', effectiveAt: '2025-13-45' })).statusCode).toBe(400);
    await publish({ code: '20/QĐ-UBND', title: 'Đưa ra khỏi danh mục', effectiveAt: '2025-06-01', entries: [{ procedureCode: 'T.900001', op: 'remove' }] });

    const history = (await app.inject({ url: '/api/v1/procedures/T.900001/history' })).json();
    expect(history.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(history.versions[0].changes).toEqual([]);
    expect(history.versions[1].changes).toContainEqual({ field: 'timeLimit', label: 'Thời hạn giải quyết', before: '5 ngày làm việc', after: '3 ngày làm việc' });
    expect(history.publications.map((p: { code: string; op: string }) => [p.code, p.op])).toEqual([['12/QĐ-UBND', 'add'], ['20/QĐ-UBND', 'remove']]);
    expect(history.locationFreeSpans).toEqual([{ from: '2025-04-01T00:00:00+07:00', to: '2025-06-01T00:00:00+07:00' }]);
    const inMay = (await app.inject({ url: '/api/v1/procedures/T.900001?at=2025-05-01' })).json();
    expect(inMay.locationFree).toBe(true);
    expect((await app.inject({ url: '/api/v1/procedures/NO.SUCH/history' })).statusCode).toBe(404);
  });
});
