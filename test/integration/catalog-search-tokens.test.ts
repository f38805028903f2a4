// Catalog search through the word-prefix index (0027) on each engine: word starts (not inside words),
// prefixes, words longer than the 20 indexed characters, codes, ranking; and the same answers whether
// or not PostgreSQL's statistics mark some words as too common for the index (they only steer the plan).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { testClock, testContext } from '../support/context.ts';
import { procedureRecord } from '../support/catalog.ts';
import { importProcedureRecords } from '../../src/services/import-procedures.ts';
import { searchProcedures, type ProcedureSearchInput } from '../../src/services/procedures.ts';
import { assumeCommonSearchTokens, commonSearchTokens, forgetCommonSearchTokens } from '../../src/store/search-token-stats.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';
import type { ServiceContext } from '../../src/services/context.ts';

const LONG_WORD = 'Siêuđộcđáokhôngtưởngquáđỗidàiluôn'; // folded: 33 letters, over the 20 a token keeps

const RECORDS = [
  procedureRecord({ code: '1.000001', name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', field: 'Xây dựng' }),
  procedureRecord({ code: '1.000002', name: 'Đăng ký khai sinh' }),
  procedureRecord({ code: '1.000003', name: 'Thủ tục đăng ký khai sinh có yếu tố nước ngoài' }),
  procedureRecord({ code: '2.000004', name: `Chứng nhận ${LONG_WORD}`, field: 'Thử nghiệm' }),
  procedureRecord({ code: '2.000005', name: 'Cấp bản sao trích lục', field: 'Hộ tịch' }),
  // Many "Thủ tục … thuế": "thu", "tuc", "thue" become common words of this catalog.
  ...Array.from({ length: 30 }, (_, i) => procedureRecord({ code: `3.${String(i).padStart(6, '0')}`, name: `Thủ tục kê khai thuế mẫu ${i + 1}`, field: 'Thuế' })),
];

const QUERIES: ProcedureSearchInput[] = [
  { q: 'thủ tục' }, { q: 'thu tuc khai sinh' }, { q: 'khai sinh' }, { q: 'giay ph' }, { q: 'giấy phép xây dựng' },
  { q: 'sieudocdaokhongtuongquadoidai' }, { q: LONG_WORD }, { q: 'sieudocdaokhongtuongquadoidaiX' }, { q: 'docdao' },
  { q: '1.000002' }, { q: '000002' }, { q: 't' }, { q: 'an' }, { q: 'thue', limit: 5, offset: 5 }, { q: 'thủ tục', locationFree: false },
  { q: 'khai', level: 'commune' }, { q: 'thu khai mau 1' },
];

describe.each(ENGINES)('catalog search by word prefixes on %s', (engine) => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    ctx = testContext(handle, testClock('2025-03-01T09:00:00+07:00'));
    await importProcedureRecords(ctx, RECORDS.map((record, i) => ({ row: i + 1, record })), { format: 'json', via: 'test', effectiveAt: new Date('2025-01-01T00:00:00+07:00') });
  });
  afterAll(async () => {
    await handle?.close();
  });

  const answer = async (input: ProcedureSearchInput) => {
    const result = await searchProcedures(ctx, input);
    return { total: result.total, codes: result.items.map((i) => i.code), corrected: result.correctedQuery };
  };
  const codes = async (q: string) => (await answer({ q, limit: 100 })).codes;

  it('matches word starts and prefixes, not the inside of words', async () => {
    expect(await codes('giay ph')).toEqual(['1.000001']);
    expect(await codes('xay dung nha')).toEqual(['1.000001']);
    expect(await codes('ban sao')).toEqual(['2.000005']);
    expect(await codes('an')).not.toContain('2.000005'); // "bản" does not start with "an"
    expect(await codes('docdao')).toEqual([]);
  });

  it('finds words longer than the indexed 20 characters, whole or by a prefix, and nothing longer than them', async () => {
    expect(await codes(LONG_WORD)).toEqual(['2.000004']);
    expect(await codes('sieudocdaokhongtuongquadoidai')).toEqual(['2.000004']);
    expect(await codes('sieudocdaokhongtuongquadoidaiX')).toEqual([]);
  });

  it('finds codes whole or by their digits, and keeps the ranking', async () => {
    expect(await codes('1.000002')).toEqual(['1.000002']);
    expect(await codes('000002')).toEqual(['1.000002', '3.000002']); // a word of a code, shorter name first
    expect((await codes('khai sinh')).slice(0, 2)).toEqual(['1.000002', '1.000003']);
    expect((await codes('thu tuc khai sinh'))[0]).toBe('1.000003');
  });

  it('gives the same answers whether statistics mark words as common or not (they only choose the plan)', async () => {
    forgetCommonSearchTokens(handle.db);
    await sql`ANALYZE procedure_search`.execute(handle.db);
    const common = await commonSearchTokens(handle.db);
    expect([...common]).toEqual(expect.arrayContaining(['thu', 'tuc', 'thue']));
    expect(common.has('sinh')).toBe(false);
    const withStats = [];
    for (const q of QUERIES) withStats.push(await answer(q));
    expect(withStats[0]).toMatchObject({ total: 31 }); // "thủ tục": 30 "Thủ tục kê khai…" and one "Thủ tục đăng ký…"

    // No word common: every word through the index. Every word common: every word by the text test.
    assumeCommonSearchTokens(handle.db, []);
    const allIndexed = [];
    for (const q of QUERIES) allIndexed.push(await answer(q));
    const everyPrefix = RECORDS.flatMap((r) => `${r.code} ${r.name} ${r.field}`.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase()
      .split(/[^\p{L}\p{N}]+/u).flatMap((w) => Array.from({ length: Math.min(w.length, 20) }, (_, n) => w.slice(0, n + 1))));
    assumeCommonSearchTokens(handle.db, [...everyPrefix, 'sieudocdaokhongtuongq', 'x']);
    const noneIndexed = [];
    for (const q of QUERIES) noneIndexed.push(await answer(q));
    forgetCommonSearchTokens(handle.db);

    expect(allIndexed).toEqual(withStats);
    expect(noneIndexed).toEqual(withStats);
  });
});
