// The catalog importer on each engine: the full national file (with its report of what could not be
// normalised), idempotent re-import and versions, row errors in JSON / CSV / XLSX with nothing
// half-imported, refused files, immutable versions, the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { testClock, testContext } from '../support/context.ts';
import { csvFile, procedureRecord, readNationalFile, xlsxFile } from '../support/catalog.ts';
import { importProcedureFile, type ImportReport } from '../../src/services/import-procedures.ts';
import { getProcedure, getProcedureVersions } from '../../src/services/procedures.ts';
import { formatReport } from '../../src/cli/import-procedures.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import type { ProcedureRecord } from '../../src/domain/catalog/procedure-record.ts';
import { durationProblem, type Duration } from '../../src/domain/calendar/index.ts';

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const KNOWN_UNPARSED = ['DURATION_NO_UNIT', 'DURATION_EMPTY', 'DURATION_MONTHS', 'DURATION_FEE_IN_TIME_COLUMN', 'DURATION_RANGE', 'DURATION_UNRECOGNISED'];

describe.each(ENGINES)('catalog import on %s', (engine) => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  const clock = testClock('2025-03-01T09:00:00+07:00');
  let national: Uint8Array;

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    ctx = testContext(handle, clock);
    national = await readNationalFile();
  });
  afterAll(async () => {
    await handle?.close();
  });

  const countRows = async (table: 'procedures' | 'procedure_versions', codePrefix: string) => {
    const column = table === 'procedures' ? 'code' : 'procedure_code';
    const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${sql.ref(column)} LIKE ${`${codePrefix}%`}`.execute(handle.db);
    return Number(result.rows[0]!.n);
  };

  it('imports the full national file and reports what it could not normalise', async () => {
    const started = Date.now();
    const report = await importProcedureFile(ctx, national, { fileName: 'national-procedures.json', via: 'test' });
    console.log(`[${engine}] ${formatReport(report, false)}`);
    expect(report).toMatchObject({ format: 'json', rows: 1601, created: 1601, updated: 0, unchanged: 0, rejected: [], written: true });
    expect(await countRows('procedure_versions', '')).toBe(1601);
    // Durations it could not normalise are imported, flagged on the version and listed by pattern.
    expect(report.unparsedDurations.length).toBeGreaterThan(0);
    expect(report.unparsedDurations.every((p) => KNOWN_UNPARSED.includes(p.reason) && p.count > 0 && p.examples.length > 0)).toBe(true);
    const noUnit = report.unparsedDurations.find((p) => p.reason === 'DURATION_NO_UNIT' && p.pattern === 'N');
    expect(noUnit!.count).toBeGreaterThan(400);
    const birth = await getProcedure(ctx, '1.001193');
    expect(birth.content.timeLimit).toEqual({ unit: 'unparsed', text: '1', reason: 'no_unit' });
    expect(birth.problems.map((p) => p.code)).toContain('DURATION_NO_UNIT');
    expect(birth.content.documents.length + birth.content.cases.flatMap((c) => c.documents).length).toBeGreaterThan(5);
    const customs = await getProcedure(ctx, '1.000005', { withRaw: true });
    expect(customs.raw).toMatchObject({ cachThucThucHien: expect.stringContaining('120,000 VNĐ') });
    console.log(`[${engine}] import of the national file: ${Date.now() - started} ms`);
    // Every limit that was normalised is one the calendar accepts for due dates.
    const limits = await sql<{ limit: Duration | { unit: 'unparsed' } }>`SELECT content->'timeLimit' AS limit FROM procedure_versions`.execute(handle.db);
    const usable = limits.rows.map((r) => r.limit).filter((l): l is Duration => l.unit !== 'unparsed');
    expect(usable.length).toBeGreaterThan(1200);
    expect(usable.filter((l) => durationProblem(l) !== undefined)).toEqual([]);
  });

  it('re-importing the same file creates no version', async () => {
    const report = await importProcedureFile(ctx, national, { fileName: 'national-procedures.json' });
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 1601, written: true });
    expect(await countRows('procedure_versions', '')).toBe(1601);
  });

  it('a changed procedure gets a new version; the previous one is kept, closed, and still read at its dates', async () => {
    const data = JSON.parse(new TextDecoder().decode(national)) as { procedures: ProcedureRecord[] };
    const birth = data.procedures.find((p) => p.code === '1.001193')!;
    birth.channels = [{ channel: 'Trực tiếp', processingTime: 'Trong ngày', fee: 'Miễn phí', description: '' }];
    clock.set('2025-04-01T08:00:00+07:00');
    const report = await importProcedureFile(ctx, json([birth]), { fileName: 'khai-sinh.json' });
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 0 });

    const versions = await getProcedureVersions(ctx, '1.001193');
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]!.validTo!.getTime()).toBe(Date.parse('2025-04-01T08:00:00+07:00'));
    expect(versions[1]).toMatchObject({ validTo: null, problemCount: 0 });
    expect((await getProcedure(ctx, '1.001193')).content.timeLimit).toEqual({ unit: 'sameDay' });
    const before = await getProcedure(ctx, '1.001193', { at: Date.parse('2025-03-15T00:00:00+07:00') });
    expect(before).toMatchObject({ version: 1, currentVersion: 2 });
    expect(before.content.timeLimit.unit).toBe('unparsed');

    // The same content again: nothing new.
    clock.set('2025-04-02T08:00:00+07:00');
    expect(await importProcedureFile(ctx, json([birth]))).toMatchObject({ updated: 0, unchanged: 1 });
  });

  it('refuses a new version that would take effect before the current one', async () => {
    const record = procedureRecord({ code: '1.001193', name: 'Thủ tục đăng ký khai sinh (lùi ngày)' });
    const report = await importProcedureFile(ctx, json([record]), { effectiveAt: new Date('2025-01-01T00:00:00+07:00') });
    expect(report.written).toBe(false);
    expect(report.rejected).toEqual([expect.objectContaining({ row: 1, code: 'EFFECTIVE_BEFORE_CURRENT', procedureCode: '1.001193' })]);
  });

  it('keeps versions immutable in the database: only closing an open version is allowed', async () => {
    await expect(sql`UPDATE procedure_versions SET name = 'sửa lén' WHERE procedure_code = '1.001193' AND version = 1`.execute(handle.db)).rejects.toThrow(/immutable/);
    await expect(sql`UPDATE procedure_versions SET valid_to = now() WHERE procedure_code = '1.001193' AND version = 1`.execute(handle.db)).rejects.toThrow(/immutable/);
    await expect(sql`DELETE FROM procedure_versions WHERE procedure_code = '1.001193'`.execute(handle.db)).rejects.toThrow(/immutable/);
  });

  it('rejects a JSON file with bad rows as a whole, reporting each row, and writes nothing', async () => {
    const rows = [
      procedureRecord({ code: 'T.000001', name: 'Thủ tục tốt' }),
      procedureRecord({ code: '', name: 'Thiếu mã' }),
      procedureRecord({ code: 'T.000002', name: '' }),
      procedureRecord({ code: 'T.000001', name: 'Trùng mã' }),
      procedureRecord({ code: 'T.000003', levels: ['Cấp quận'] }),
      'không phải đối tượng' as never,
    ];
    const report = await importProcedureFile(ctx, json(rows), { fileName: 'bad.json' });
    expect(report.written).toBe(false);
    expect(report.rejected.map((r) => [r.row, r.code])).toEqual([
      [2, 'MISSING_CODE'],
      [3, 'MISSING_NAME'],
      [4, 'DUPLICATE_CODE'],
      [5, 'UNKNOWN_LEVEL'],
      [6, 'INVALID_RECORD'],
    ]);
    expect(report.rejected[2]!.message).toContain('mục #1');
    expect(await countRows('procedures', 'T.')).toBe(0);
  });

  it('with partial, imports the good rows and reports the others', async () => {
    const report = await importProcedureFile(ctx, json([procedureRecord({ code: 'T.000001' }), procedureRecord({ code: 'T.000002', field: '' })]), { partial: true });
    expect(report).toMatchObject({ created: 1, written: true, rejected: [expect.objectContaining({ row: 2, code: 'MISSING_FIELD' })] });
    expect(await countRows('procedures', 'T.')).toBe(1);
  });

  it('imports a CSV file: Vietnamese headings, per-channel columns, documents with cases, quoted newlines', async () => {
    const file = csvFile([
      ['Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Cấp thực hiện', 'time_direct', 'time_online', 'Phí, lệ phí', 'Thành phần hồ sơ', 'Mức độ trực tuyến', 'Nộp tại địa bàn'],
      ['T.100001', 'Chứng thực bản sao từ bản chính', 'Chứng thực', 'Cấp xã', 'Trong ngày', '2 giờ', '2.000 đồng/trang', 'Bản chính giấy tờ | 1\nBản sao cần chứng thực | 0 | 0 | 1', 'Toàn trình', 'không'],
      ['T.100002', 'Đăng ký kết hôn\n(có yếu tố nước ngoài)', 'Hộ tịch', 'Cấp tỉnh; Cấp xã', '10 ngày làm việc', '', 'Theo Nghị quyết HĐND tỉnh', '# Trường hợp ủy quyền\nVăn bản ủy quyền | 1', '', 'có'],
    ]);
    const report = await importProcedureFile(ctx, file, { fileName: 'thu-tuc.csv' });
    expect(report).toMatchObject({ format: 'csv', rows: 2, created: 2, rejected: [], written: true });
    const certify = await getProcedure(ctx, 'T.100001');
    expect(certify.content).toMatchObject({
      level: 'commune',
      onlineLevel: 'full',
      documents: [{ name: 'Bản chính giấy tờ', originals: 1 }, { name: 'Bản sao cần chứng thực', originals: 0, certifiedCopies: 0, photocopies: 1 }],
    });
    expect(certify.content.channels.map((c) => [c.channel, c.duration, c.fee])).toEqual([
      ['direct', { unit: 'sameDay' }, { kind: 'amount', amount: 2000, currency: 'VND' }],
      ['online', { unit: 'hours', value: 2 }, { kind: 'amount', amount: 2000, currency: 'VND' }],
    ]);
    const marriage = await getProcedure(ctx, 'T.100002');
    expect(marriage.content).toMatchObject({ name: 'Đăng ký kết hôn (có yếu tố nước ngoài)', mustFileInOwnArea: true, cases: [{ name: 'Trường hợp ủy quyền' }] });
    expect(marriage.problems.map((p) => p.code)).toEqual(['FEE_UNPARSED']);
  });

  it('reports CSV row errors with their line numbers (a quoted newline counts) and writes nothing', async () => {
    const file = csvFile([
      ['code', 'name', 'field', 'level', 'processing_time'],
      ['T.200001', 'Một\nhai dòng', 'Hộ tịch', 'Cấp xã', '3 ngày làm việc'],
      ['T.200002', 'Cấp lạ', 'Hộ tịch', 'Cấp thôn', '3 ngày làm việc'],
      ['T.200001', 'Trùng', 'Hộ tịch', 'Cấp xã', ''],
    ]);
    const report = await importProcedureFile(ctx, file, { fileName: 'x.csv' });
    expect(report.rejected.map((r) => [r.row, r.code])).toEqual([[4, 'UNKNOWN_LEVEL'], [5, 'DUPLICATE_CODE']]);
    expect(report.rejected[1]!.message).toContain('dòng 2');
    expect(await countRows('procedures', 'T.2')).toBe(0);
  });

  it('refuses a CSV that is not UTF-8, with unknown columns or a broken quote', async () => {
    const windows1258 = Uint8Array.from([...new TextEncoder().encode('code,name,field,level\nT.1,Th'), 0xe1, ...new TextEncoder().encode(',x,y\n')]);
    await expect(importProcedureFile(ctx, windows1258, { fileName: 'cu.csv' })).rejects.toMatchObject({ code: 'IMPORT_BAD_ENCODING', details: { line: 2 } });
    await expect(importProcedureFile(ctx, csvFile([['code', 'name', 'màu sắc']]), { fileName: 'x.csv' })).rejects.toMatchObject({ code: 'IMPORT_UNKNOWN_COLUMN' });
    await expect(importProcedureFile(ctx, new TextEncoder().encode('code,name\nT.1,"mở\n'), { fileName: 'x.csv' })).rejects.toMatchObject({ code: 'IMPORT_INVALID_CSV', details: { line: 2 } });
    await expect(importProcedureFile(ctx, new Uint8Array(), { fileName: 'x.csv' })).rejects.toMatchObject({ code: 'IMPORT_FILE_EMPTY' });
  });

  it('refuses malformed JSON with its line, and JSON that is not a list of procedures', async () => {
    await expect(importProcedureFile(ctx, new TextEncoder().encode('[\n{"code": "T.1",\n"name": }\n]'), { fileName: 'x.json' }))
      .rejects.toMatchObject({ code: 'IMPORT_INVALID_JSON', details: { line: 3 } });
    await expect(importProcedureFile(ctx, json({ meta: {} }), { fileName: 'x.json' })).rejects.toMatchObject({ code: 'IMPORT_INVALID_JSON' });
  });

  it('imports an XLSX workbook and reports a bad row by its sheet row', async () => {
    const header = ['code', 'name', 'field', 'level', 'processing_time', 'fee', 'online_payment_required'];
    const good = await xlsxFile([header, ['T.300001', 'Cấp phiếu lý lịch tư pháp', 'Lý lịch tư pháp', 'Cấp tỉnh', '10 ngày làm việc', 200000, 'x']]);
    const report = await importProcedureFile(ctx, good, { fileName: 'danh-muc.xlsx' });
    expect(report).toMatchObject({ format: 'xlsx', created: 1, rejected: [] });
    const p = await getProcedure(ctx, 'T.300001');
    expect(p.content).toMatchObject({ onlinePaymentRequired: true, timeLimit: { unit: 'days', value: 10 } });
    expect(p.content.channels[0]!.fee).toEqual({ kind: 'unparsed', text: '200000' });

    const bad = await xlsxFile([header, ['T.300002', 'Tốt', 'Lý lịch tư pháp', 'Cấp tỉnh', '', '', ''], ['T.300003', '', 'Lý lịch tư pháp', 'Cấp tỉnh', '', '', '']]);
    const badReport = await importProcedureFile(ctx, bad, { fileName: 'loi.xlsx' });
    expect(badReport.rejected).toEqual([expect.objectContaining({ row: 3, code: 'MISSING_NAME', procedureCode: 'T.300003' })]);
    expect(await countRows('procedures', 'T.30000')).toBe(1);
    await expect(importProcedureFile(ctx, Uint8Array.from([0x50, 0x4b, 1, 2, 3]), { fileName: 'hong.xlsx' })).rejects.toMatchObject({ code: 'IMPORT_INVALID_XLSX' });
  });

  it('refuses a local code already used by another procedure', async () => {
    await importProcedureFile(ctx, json([procedureRecord({ code: 'T.400001', localCode: 'T.400001.000.00.00.H56' })]));
    const report = await importProcedureFile(ctx, json([procedureRecord({ code: 'T.400002', localCode: 'T.400001.000.00.00.H56' })]));
    expect(report.rejected).toEqual([expect.objectContaining({ code: 'LOCAL_CODE_TAKEN' })]);
  });

  it('logs every import that wrote something in the audit log', async () => {
    const rows = await handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'catalog.import').orderBy('id').execute();
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows[0]).toMatchObject({ entity_type: 'procedure_catalog', entity_id: 'national-procedures.json' });
    expect(rows[0]!.details).toMatchObject({ via: 'test', format: 'json', rows: 1601, created: 1601 });
  });

  it('a dry run classifies without writing; gzip files are read uncompressed', async () => {
    const report: ImportReport = await importProcedureFile(ctx, gzipSync(json([procedureRecord({ code: 'T.500001' })])), { fileName: 'x.json.gz', dryRun: true });
    expect(report).toMatchObject({ format: 'json', created: 1, written: false });
    expect(await countRows('procedures', 'T.5')).toBe(0);
  });
});
