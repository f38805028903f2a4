// The catalog over HTTP on each engine, after the demo seed: Vietnamese search (accents, đ, typos),
// filters, the location-free lists by date, one procedure, hostile input, publication decisions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { publishDecision } from '../../src/services/publications.ts';
import { buildServer } from '../../src/http/server.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';
import type { ServiceContext } from '../../src/services/context.ts';

interface Item {
  code: string;
  name: string;
  field: string;
  level: string;
  levels: string[];
  locationFree: boolean;
  processingDays: number | null;
  processingHours: number | null;
  onlineLevel: string;
}

describe.each(ENGINES)('catalog search on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let ctx: ServiceContext;
  let seedMs = 0;
  const clock = testClock('2025-08-01T09:00:00+07:00');

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    ctx = testContext(handle, clock);
    const started = Date.now();
    await seedDemo(ctx, DEMO_PASSWORD);
    seedMs = Date.now() - started;
    app = await buildServer(ctx);
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const search = async (query: Record<string, string | number | boolean>) => {
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
    const res = await app.inject({ url: `/api/v1/procedures?${qs}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Item[]; total: number; correctedQuery: string | null };
  };

  /** Every page of a search (200 a page, the most the API gives), checking the total on each. */
  const everything = async (query: Record<string, string | number | boolean>) => {
    const items: Item[] = [];
    for (let offset = 0; ; offset += 200) {
      const page = await search({ ...query, limit: 200, offset });
      items.push(...page.items);
      if (page.items.length < 200) {
        expect(items).toHaveLength(page.total);
        return items;
      }
    }
  };

  // How long it took is printed, not asserted: speed targets live in bench/ (a loaded machine must not fail the suite).
  it('the demo seed imports the 1,601 national procedures and three demo lists', async () => {
    console.log(`[${engine}] demo seed (network + accounts + catalog + decisions): ${seedMs} ms`);
    expect((await search({ limit: 1 })).total).toBe(1601);
    const publications = (await app.inject({ url: '/api/v1/procedure-publications' })).json();
    expect(publications.items.map((d: { code: string; effectiveAt: string; added: number; isDemo: boolean }) => [d.code, d.effectiveAt, d.added, d.isDemo])).toEqual([
      ['DEMO-PDG-2024-12-02', '2024-12-02T00:00:00+07:00', 275, true],
      ['DEMO-PDG-2025-01-01', '2025-01-01T00:00:00+07:00', 295, true],
      ['DEMO-PDG-2025-07-01', '2025-07-01T00:00:00+07:00', 930, true],
    ]);
    expect(publications.items[0].title).toMatch(/^\[DEMO\].*275.*minh họa/);
  });

  it('answers in the contract shape', async () => {
    const body = await search({ q: 'khai sinh', limit: 3 });
    expect(Object.keys(body).sort()).toEqual(['correctedQuery', 'items', 'total']);
    expect(body.items[0]).toEqual({
      code: '1.001193', name: 'Thủ tục đăng ký khai sinh', field: 'Hộ tịch', level: 'commune', locationFree: true,
      processingDays: null, processingHours: null, fieldCode: null, levels: ['commune'], onlineLevel: 'partial', version: 1,
    });
  });

  it('ranks "Đăng ký khai sinh" first for "khai sinh"', async () => {
    const body = await search({ q: 'khai sinh' });
    expect(body.items[0]!.code).toBe('1.001193');
    expect(body.total).toBeGreaterThanOrEqual(10);
    const folded = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    expect(body.items.slice(0, 8).every((i) => folded(i.name).includes('khai sinh'))).toBe(true);
  });

  it('finds "Cấp giấy phép xây dựng…" with and without accents', async () => {
    for (const q of ['cap giay phep xay dung', 'giấy phép xây dựng', 'CẤP GIẤY PHÉP XÂY DỰNG', 'Cap Giay Phep Xay Dung']) {
      const body = await search({ q, limit: 5 });
      expect(body.total, q).toBeGreaterThan(5);
      expect(body.items.some((i) => i.name.startsWith('Cấp giấy phép xây dựng') || i.name.startsWith('Cấp Giấy phép xây dựng')), q).toBe(true);
    }
    const top = (await search({ q: 'cap giay phep xay dung', limit: 3 })).items;
    expect(top.every((i) => i.name.toLowerCase().startsWith('cấp giấy phép xây dựng'))).toBe(true);
  });

  it('folds đ/Đ to d and needs every word at a word start', async () => {
    const residence = await search({ q: 'ĐĂNG KÝ THƯỜNG TRÚ' });
    expect(residence.items[0]).toMatchObject({ code: '1.004222', name: 'Đăng ký thường trú' });
    expect((await search({ q: 'dang ky thuong tru' })).items[0]!.code).toBe('1.004222');
    // "an" must start a word ("an ninh", "Công an"), so "Cấp bản sao…" (bản) is not a match.
    const an = await search({ q: 'an', limit: 200 });
    expect(an.total).toBeGreaterThan(0);
    expect(an.items.map((i) => i.code)).not.toContain('2.000635');
    expect((await search({ q: 'ban sao', limit: 50 })).items.map((i) => i.code)).toContain('2.000635');
  });

  it('tolerates typos and says what it searched for', async () => {
    const birth = await search({ q: 'khai snh' });
    expect(birth.correctedQuery).toBe('khai sinh');
    expect(birth.items[0]!.code).toBe('1.001193');
    const permit = await search({ q: 'giay phep xay dugn', limit: 5 });
    expect(permit.correctedQuery).toBe('giay phep xay dung');
    expect(permit.items.length).toBeGreaterThan(0);
    expect((await search({ q: 'khai sinh' })).correctedQuery).toBeNull();
  });

  it('finds a procedure by its code', async () => {
    expect((await search({ q: '1.004222' })).items.map((i) => i.code)).toEqual(['1.004222']);
    expect((await search({ q: '004222' })).items[0]!.code).toBe('1.004222');
  });

  it('filters by level, field (accent-insensitive), online level and agency', async () => {
    const commune = await search({ level: 'commune', limit: 200 });
    expect(commune.total).toBeGreaterThan(500);
    expect(commune.items.every((i) => i.levels.includes('commune'))).toBe(true);
    const civil = await search({ field: 'ho tich', limit: 200 });
    expect(civil.total).toBe(41);
    expect(civil.items.every((i) => i.field === 'Hộ tịch')).toBe(true);
    expect((await search({ field: 'Hộ tịch', q: 'kết hôn' })).items.every((i) => i.field === 'Hộ tịch')).toBe(true);
    const none = await search({ onlineLevel: 'none', limit: 200 });
    expect(none.items.every((i) => i.onlineLevel === 'none')).toBe(true);
    const customs = await search({ agency: 'hải quan', limit: 5 });
    expect(customs.total).toBeGreaterThan(50);
  });

  it('pages with a stable total', async () => {
    const first = await search({ q: 'đăng ký', limit: 10, offset: 0 });
    const second = await search({ q: 'đăng ký', limit: 10, offset: 10 });
    expect(second.total).toBe(first.total);
    expect(new Set([...first.items, ...second.items].map((i) => i.code)).size).toBe(20);
    const beyond = await search({ q: 'đăng ký', limit: 10, offset: 100_000 });
    expect(beyond).toMatchObject({ items: [], total: first.total });
    const noQuery = await search({ limit: 5, offset: 1600 });
    expect(noQuery).toMatchObject({ total: 1601 });
    expect(noQuery.items).toHaveLength(1);
  });

  it('derives the location-free list at any date from the dated decisions', async () => {
    const count = async (at: string) => (await search({ locationFree: true, at, limit: 1 })).total;
    expect(await count('2024-12-01')).toBe(0); // before the Center opened: no catalog yet
    expect(await count('2024-12-02')).toBe(275);
    expect(await count('2024-12-31T23:59:59+07:00')).toBe(275);
    expect(await count('2025-01-01')).toBe(570);
    expect(await count('2025-06-30')).toBe(570);
    expect(await count('2025-07-01')).toBe(1500);
    expect((await search({ locationFree: false, at: '2025-07-01', limit: 1 })).total).toBe(101);
    expect((await search({ locationFree: true, limit: 1 })).total).toBe(1500); // now (2025-08-01)
    const birth = await search({ q: 'khai sinh', at: '2024-12-02', limit: 1 });
    expect(birth.items[0]).toMatchObject({ code: '1.001193', locationFree: true });
  });

  it('splits a word search by the location-free filter at any date: the two sides add up, each item carries its side', async () => {
    for (const at of ['2024-12-02', '2025-01-01', '2025-07-01']) {
      for (const q of ['đăng ký', 'giấy phép', 'cap giay phep']) {
        const all = await everything({ q, at });
        const free = await everything({ q, at, locationFree: true });
        const own = await everything({ q, at, locationFree: false });
        expect(free.length + own.length).toBe(all.length);
        expect(free.length).toBeGreaterThan(0);
        expect(own.length).toBeGreaterThan(0);
        expect(free.every((i) => i.locationFree)).toBe(true);
        expect(own.every((i) => !i.locationFree)).toBe(true);
        // The filter keeps the ranking: each side is the full ranking with the other side taken out.
        expect(free.map((i) => i.code)).toEqual(all.filter((i) => i.locationFree).map((i) => i.code));
        expect(own.map((i) => i.code)).toEqual(all.filter((i) => !i.locationFree).map((i) => i.code));
      }
    }
  });

  it('a later decision removing a procedure takes effect at its date only', async () => {
    await publishDecision(ctx, {
      code: 'QD-TEST-1', title: 'Đưa ra khỏi danh mục phi địa giới', kind: 'location_free_list',
      effectiveAt: Date.parse('2025-09-01T00:00:00+07:00'), entries: [{ procedureCode: '1.001193', op: 'remove' }],
    });
    const at = async (date: string) => (await app.inject({ url: `/api/v1/procedures/1.001193?at=${date}` })).json();
    expect((await at('2025-08-31')).locationFree).toBe(true);
    expect(await at('2025-09-01')).toMatchObject({ locationFree: false, whereToFile: 'own_area' });
    expect((await search({ locationFree: true, at: '2025-09-01', limit: 1 })).total).toBe(1499);
    await expect(publishDecision(ctx, { code: 'QD-TEST-1', title: 'x', kind: 'location_free_list', effectiveAt: 0, entries: [{ procedureCode: '1.001193', op: 'add' }] }))
      .rejects.toMatchObject({ code: 'DECISION_EXISTS' });
    await expect(publishDecision(ctx, { code: 'QD-TEST-2', title: 'x', kind: 'location_free_list', effectiveAt: 0, entries: [{ procedureCode: '9.999999', op: 'add' }] }))
      .rejects.toMatchObject({ code: 'UNKNOWN_PROCEDURE' });
  });

  it('answers one procedure with documents, channels, durations, fees, cases and workflow', async () => {
    const res = await app.inject({ url: '/api/v1/procedures/1.001193?at=2025-01-15' });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      code: '1.001193', version: 1, currentVersion: 1, name: 'Thủ tục đăng ký khai sinh', field: 'Hộ tịch', level: 'commune',
      locationFree: true, whereToFile: 'any_unit', onlineLevel: 'partial', validFrom: '2024-12-02T00:00:00+07:00', validTo: null,
      timeLimit: { unit: 'unparsed', text: '1', reason: 'no_unit' },
      agencies: { competent: null, implementing: null, coordinating: null },
    });
    expect(p.channels.map((c: { channel: string; portalCode: number; fee: unknown }) => [c.channel, c.portalCode, c.fee])).toEqual([
      ['direct', 1, { kind: 'free' }], ['online', 2, { kind: 'free' }], ['postal', 3, { kind: 'free' }],
    ]);
    expect(p.documents.length).toBeGreaterThan(0);
    expect(p.documents[0]).toEqual({ name: expect.any(String), originals: expect.any(Number), copies: expect.any(Number), certifiedCopies: null, photocopies: null, template: null });
    expect(p.problems.map((x: { code: string }) => x.code)).toContain('DURATION_NO_UNIT');
    expect(p.workflow.steps.map((s: { key: string }) => s.key)).toEqual(['receive', 'process', 'approve', 'return']);
    expect(p.raw).toBeUndefined();

    const permit = (await app.inject({ url: '/api/v1/procedures/1.013225' })).json();
    expect(permit.timeLimit).toEqual({ unit: 'days', value: 15 });
    expect(permit.processingDays).toBe(15);
    expect(permit.workflow.totalMinutes).toBe(15 * 480);
    expect(permit.workflow.steps.reduce((s: number, x: { budgetMinutes: number }) => s + x.budgetMinutes, 0)).toBe(15 * 480);

    const withRaw = (await app.inject({ url: '/api/v1/procedures/1.000005?raw=true' })).json();
    expect(withRaw.raw.cachThucThucHien).toContain('VNĐ');
    const versions = (await app.inject({ url: '/api/v1/procedures/1.001193/versions' })).json();
    expect(versions.items).toEqual([expect.objectContaining({ version: 1, validFrom: '2024-12-02T00:00:00+07:00', validTo: null, createdBy: 'demo-seed' })]);
  });

  it('answers 404 with the error shape for an unknown code or a date before the procedure existed', async () => {
    const unknown = await app.inject({ url: '/api/v1/procedures/9.999999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'PROCEDURE_NOT_FOUND', message: expect.stringContaining('9.999999') });
    const early = await app.inject({ url: '/api/v1/procedures/1.001193?at=2024-01-01' });
    expect(early.statusCode).toBe(404);
    expect(early.json().error.message).toContain('chưa có hiệu lực');
    expect((await app.inject({ url: '/api/v1/procedures/%27%3B%20DROP%20TABLE%20procedures%3B--' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/v1/procedures/9.999999/versions' })).statusCode).toBe(404);
  });

  it('refuses malformed filters with 400, never 500', async () => {
    for (const url of ['/api/v1/procedures?level=hamlet', '/api/v1/procedures?at=01/07/2025', '/api/v1/procedures?limit=0',
      '/api/v1/procedures?limit=100000', '/api/v1/procedures?locationFree=maybe', '/api/v1/procedures?offset=-1', '/api/v1/procedures?colour=red']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toMatch(/^[A-Z_]+$/);
    }
  });

  it('never errors on hostile search input and answers in bounded time', async () => {
    const inputs = [
      'giấy phép '.repeat(200), // 2,000 characters
      'x'.repeat(2000),
      "%_\\'", "' OR 1=1 --", '"; DROP TABLE procedures; --', '\\', '%', '_', '😀🇻🇳', 'a\u0000b', '\u200B\uFEFF',
      'Đa\u0300ng ky\u0301', // decomposed accents (NFD)
      '   ', '', '[]{}()*+?.^$|', 'é'.repeat(5000), '中文 thủ tục', 'ﷺ',
    ];
    // A pathological query would hang until the test's timeout; its speed is measured in bench/catalog-search.bench.ts.
    for (const q of inputs) {
      const res = await app.inject({ url: `/api/v1/procedures?q=${encodeURIComponent(q)}&limit=20` });
      expect(res.statusCode, JSON.stringify(q.slice(0, 20))).toBe(200);
      expect(Array.isArray(res.json().items)).toBe(true);
    }
    for (const raw of ['%ED%A0%80', '%FF%FE', '%', '%%25', '%00']) {
      const res = await app.inject({ url: `/api/v1/procedures?q=${raw}` });
      expect(res.statusCode, raw).toBe(200);
    }
    expect((await search({ q: '' })).total).toBe(1601);
    expect((await search({ q: "%_\\'" })).total).toBe(0);
    expect((await search({ q: 'Đa\u0300ng ky\u0301 thươ\u0300ng tru\u0301' })).items[0]!.code).toBe('1.004222');
  });

  it('lists the fields of the catalog and documents the routes in OpenAPI', async () => {
    const fields = (await app.inject({ url: '/api/v1/procedure-fields' })).json();
    expect(fields.items.length).toBe(123);
    expect(fields.items.find((f: { field: string }) => f.field === 'Hộ tịch')).toMatchObject({ count: 41 });
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/procedures', '/api/v1/procedures/{code}', '/api/v1/procedure-publications']));
  });
});
