// The narrow search table (0032) stays in step with procedure_versions on each engine: filled by the
// migration from the versions already there, then kept by the triggers through an import, a re-import
// that makes new versions and closes the old ones, and publication decisions (which do not touch it:
// location-free status is read at the asked instant). Search answers follow it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { testClock, testContext } from '../support/context.ts';
import { procedureRecord } from '../support/catalog.ts';
import { importProcedureRecords } from '../../src/services/import-procedures.ts';
import { searchProcedures } from '../../src/services/procedures.ts';
import { publishDecision } from '../../src/services/publications.ts';
import { migrate, readMigrationFiles } from '../../src/store/migrate.ts';
import { closeOpenVersions, insertVersions, versionAt } from '../../src/store/procedures.ts';
import type { DatabaseHandle, Db } from '../../src/store/database.ts';
import type { ProcedureRecord } from '../../src/domain/catalog/procedure-record.ts';
import type { ServiceContext } from '../../src/services/context.ts';

const COLUMNS = sql`province_code, procedure_code, version, valid_from, valid_to, must_file_in_own_area, field_code, online_level, levels,
  field_folded, name_folded, agencies_folded, search_text`;

/** Rows of one side missing from the other (both ways), tokens and name length (0034) included; 0 when in step. */
async function outOfStep(db: Db): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      (SELECT ${COLUMNS}, length(name_folded), motcua_search_tokens(search_text) FROM procedure_versions
       EXCEPT ALL SELECT ${COLUMNS}, name_length, search_tokens FROM procedure_search)
      UNION ALL
      (SELECT ${COLUMNS}, name_length, search_tokens FROM procedure_search
       EXCEPT ALL SELECT ${COLUMNS}, length(name_folded), motcua_search_tokens(search_text) FROM procedure_versions)) AS d`.execute(db);
  return Number(result.rows[0]!.n);
}

const rows = async (db: Db) => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM procedure_search`.execute(db)).rows[0]!.n);

const FIRST: ProcedureRecord[] = [
  procedureRecord({ code: '1.000001', name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', field: 'Xây dựng' }),
  procedureRecord({ code: '1.000002', name: 'Đăng ký khai sinh' }),
  procedureRecord({ code: '1.000003', name: 'Đăng ký kết hôn' }),
];
const LATER: ProcedureRecord[] = [
  procedureRecord({ code: '1.000004', name: 'Đăng ký thường trú', field: 'Đăng ký, quản lý cư trú' }),
  procedureRecord({ code: '1.000005', name: 'Chứng thực bản sao từ bản chính' }),
];

describe.each(ENGINES)('the catalog search table on %s', (engine) => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  const clock = testClock('2025-01-10T09:00:00+07:00');
  const codes = async (q: string, at?: string) =>
    (await searchProcedures(ctx, { q, limit: 50, ...(at ? { at: Date.parse(at) } : {}) })).items.map((i) => i.code);

  beforeAll(async () => {
    handle = await openTestDatabase(engine, { empty: true });
    ctx = testContext(handle, clock);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('is filled by its migration from the versions already there', async () => {
    const files = await readMigrationFiles();
    await migrate(handle.db, files.filter((f) => f.version < '0032'));
    await importProcedureRecords(ctx, FIRST.map((record, i) => ({ row: i + 1, record })), { format: 'json', via: 'test', effectiveAt: new Date('2025-01-01T00:00:00+07:00') });
    await migrate(handle.db, files);
    expect(await rows(handle.db)).toBe(3);
    expect(await outOfStep(handle.db)).toBe(0);
    expect(await codes('khai sinh')).toEqual(['1.000002']);
  });

  it('follows an import, and a re-import that makes new versions and closes the old ones', async () => {
    await importProcedureRecords(ctx, LATER.map((record, i) => ({ row: i + 1, record })), { format: 'json', via: 'test', effectiveAt: new Date('2025-01-05T00:00:00+07:00') });
    expect(await rows(handle.db)).toBe(5);
    expect(await outOfStep(handle.db)).toBe(0);
    expect(await codes('thuong tru')).toEqual(['1.000004']);

    clock.set('2025-02-01T09:00:00+07:00');
    const renamed = [...FIRST.slice(0, 2), procedureRecord({ code: '1.000003', name: 'Đăng ký lại kết hôn', field: 'Hộ tịch' }), ...LATER];
    await importProcedureRecords(ctx, renamed.map((record, i) => ({ row: i + 1, record })), { format: 'json', via: 'test', effectiveAt: new Date('2025-02-01T00:00:00+07:00') });
    expect(await rows(handle.db)).toBe(6);
    expect(await outOfStep(handle.db)).toBe(0);
    const closed = await sql<{ valid_to: Date | null }>`SELECT valid_to FROM procedure_search WHERE procedure_code = '1.000003' AND version = 1`.execute(handle.db);
    expect(closed.rows[0]!.valid_to).not.toBeNull();
    expect(await codes('dang ky lai ket hon')).toEqual(['1.000003']);
    expect(await codes('dang ky lai ket hon', '2025-01-20T00:00:00+07:00')).toEqual([]); // the old version was valid then
    expect(await codes('ket hon', '2025-01-20T00:00:00+07:00')).toEqual(['1.000003']);
  });

  it('follows a version written outside the importer, in the writer’s transaction (as the workflow editor does)', async () => {
    clock.set('2025-02-10T09:00:00+07:00');
    const now = clock.now();
    const current = (await versionAt(handle.db, ctx.provinceCode, '1.000005', now))!;
    const write = async (db: Db) => {
      await closeOpenVersions(db, ctx.provinceCode, ['1.000005'], now);
      await insertVersions(db, [{
        provinceCode: ctx.provinceCode, procedureCode: '1.000005', version: current.version + 1, validFrom: now, contentHash: `${current.contentHash}-2`,
        content: { ...current.content, name: 'Chứng thực chữ ký người dịch' }, problems: current.problems, raw: current.raw,
        processingDays: current.processingDays, processingHours: current.processingHours, agencies: 'Phòng Tư pháp', createdAt: now, createdBy: 'test',
      }]);
    };
    // A rolled-back writer leaves nothing behind in the search table either.
    await expect(handle.db.transaction().execute(async (trx) => {
      await write(trx);
      throw new Error('rollback');
    })).rejects.toThrow('rollback');
    expect(await rows(handle.db)).toBe(6);
    expect(await outOfStep(handle.db)).toBe(0);

    await handle.db.transaction().execute((trx) => write(trx));
    expect(await rows(handle.db)).toBe(7);
    expect(await outOfStep(handle.db)).toBe(0);
    expect(await codes('chu ky nguoi dich')).toEqual(['1.000005']);
    expect(await codes('ban sao tu ban chinh')).toEqual([]);
    expect((await searchProcedures(ctx, { agency: 'Phòng Tư pháp' })).items.map((i) => i.code)).toEqual(['1.000005']);
  });

  it('is not touched by publication decisions, and the location-free filter reads them at the asked instant', async () => {
    const before = await sql`SELECT * FROM procedure_search ORDER BY procedure_code, version`.execute(handle.db);
    await publishDecision(ctx, {
      code: 'QD-SEARCH-1', title: 'Danh mục phi địa giới thử', kind: 'location_free_list',
      effectiveAt: Date.parse('2025-03-01T00:00:00+07:00'), entries: [{ procedureCode: '1.000002', op: 'add' }, { procedureCode: '1.000004', op: 'add' }],
    });
    expect((await sql`SELECT * FROM procedure_search ORDER BY procedure_code, version`.execute(handle.db)).rows).toEqual(before.rows);
    expect(await outOfStep(handle.db)).toBe(0);
    const locationFree = async (at: string) =>
      (await searchProcedures(ctx, { q: 'dang ky', locationFree: true, at: Date.parse(at), limit: 50 })).items.map((i) => i.code);
    expect(await locationFree('2025-02-15T00:00:00+07:00')).toEqual([]);
    expect(await locationFree('2025-03-02T00:00:00+07:00')).toEqual(['1.000002', '1.000004']);
  });

  it('leaves deleting a version refused (the table has no delete to follow)', async () => {
    await expect(sql`DELETE FROM procedure_versions WHERE procedure_code = '1.000001'`.execute(handle.db)).rejects.toThrow(/immutable/);
    expect(await rows(handle.db)).toBe(7);
  });
});
