// Questions and feedback through the API, on each engine: routing to the responsible unit, the legal
// deadlines across Tết, the officers' steps with scope, idempotency and one-winner conflicts, the public
// Q&A (accent-insensitive), ratings once, complaints linked to a dossier only with the right phone, bad
// input refused with nothing stored, and floods from one address stopped by the database-held limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

const AN_LINH = '25861';
const CRIMINAL_RECORD = '3.000333'; // Cấp Phiếu Lý lịch tư pháp — province level, Công an tỉnh (CAT74)
const MAX_PER_ADDRESS = 5;

describe.each(ENGINES)('feedback on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock('2024-12-05T09:00:00+07:00');
  const tokens = new Map<string, string>();
  let communeProcedure: string;
  let keyCounter = 0;
  let addressCounter = 0;

  const token = async (username: string) => {
    if (!tokens.has(username)) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      expect(res.statusCode, res.body).toBe(200);
      tokens.set(username, res.json().token);
    }
    return { authorization: `Bearer ${tokens.get(username)}` };
  };
  // Sessions last 12 hours of the test clock: sign in again after moving it.
  const setClock = (instant: string) => {
    clock.set(instant);
    tokens.clear();
  };
  const nextAddress = () => `10.0.0.${++addressCounter}`;
  const submit = (body: Record<string, unknown>, remoteAddress = nextAddress()) =>
    app.inject({ method: 'POST', url: '/api/v1/public/feedback', remoteAddress,
      payload: { kind: 'question', fullName: 'Trần Thị Bình', phone: '0987654321', email: 'binh@example.com', text: 'Tôi cần chuẩn bị những giấy tờ gì?', ...body } });
  const act = async (username: string, code: string, body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: `/api/v1/feedback/${code}/actions`, headers: await token(username), payload: { idempotencyKey: `fb-act-${++keyCounter}`, ...body } });
  const view = async (username: string, code: string) => app.inject({ url: `/api/v1/feedback/${code}`, headers: await token(username) });
  const count = async (table: 'feedback' | 'feedback_events' | 'notifications') =>
    Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(handle.db)).rows[0]!.n);

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const ctx = testContext(handle, clock, { feedbackMaxPerAddress: MAX_PER_ADDRESS, feedbackWindowMinutes: 60 });
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    const list = (await app.inject({ url: '/api/v1/procedures?level=commune&locationFree=true&at=2024-12-05&q=khai%20sinh&limit=50' })).json();
    const candidate = list.items.find((p: { processingDays: number | null }) => p.processingDays !== null && p.processingDays >= 3);
    communeProcedure = candidate.code;
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('routes a question on a province-level procedure to its department, answers, publishes it and takes one rating', async () => {
    setClock('2024-12-05T09:00:00+07:00');
    const res = await submit({ procedureCode: CRIMINAL_RECORD, text: 'Xin hỏi làm phiếu lý lịch tư pháp cho người đang ở nước ngoài cần những giấy tờ gì? Gọi tôi 0987 654 321.' });
    expect(res.statusCode, res.body).toBe(201);
    const { code, status, dueAt } = res.json();
    expect(code).toMatch(/^PA-241205-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(status).toBe('received');
    expect(dueAt).toBe('2024-12-26T09:00:00+07:00'); // 15 working days
    const queued = await sql<{ channel: string; template: string; recipient: string }>`SELECT channel, template, recipient FROM notifications WHERE subject_code = ${code} ORDER BY id`.execute(handle.db);
    expect(queued.rows).toEqual([
      { channel: 'sms', template: 'feedback.received', recipient: '0987654321' },
      { channel: 'email', template: 'feedback.received', recipient: 'binh@example.com' },
    ]);

    const detail = (await view('ld.CAT74', code)).json();
    expect(detail).toMatchObject({ unitCode: 'CAT74', routingBasis: 'procedure', status: 'received', urgency: 'open', allowedActions: ['accept', 'refuse', 'request_info', 'reassign'] });
    expect((await view('ld.STP74', code)).statusCode).toBe(403);
    expect((await act('cv.STP74', code, { type: 'accept' })).statusCode).toBe(403);

    clock.advance(3_600_000);
    expect((await act('cv.CAT74', code, { type: 'answer', text: 'Quá sớm để trả lời' })).statusCode).toBe(409);
    const accepted = await act('cv.CAT74', code, { type: 'accept', idempotencyKey: 'fb-accept-1' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const retried = await act('cv.CAT74', code, { type: 'accept', idempotencyKey: 'fb-accept-1' });
    expect(retried.json()).toEqual(accepted.json());
    const answer = 'Công dân nộp Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp và bản chụp giấy tờ tùy thân; có thể nộp trực tuyến.';
    expect((await act('cv.CAT74', code, { type: 'answer', text: answer })).json().status).toBe('answered');
    expect((await act('cv.CAT74', code, { type: 'publish' })).statusCode).toBe(403); // leaders publish
    const published = await act('ld.CAT74', code, { type: 'publish' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().status).toBe('published');

    // Public Q&A: by procedure and by words without accents; the phone is hidden.
    const qa = (await app.inject({ url: `/api/v1/public/questions?procedureCode=${CRIMINAL_RECORD}` })).json();
    expect(qa.total).toBe(1);
    expect(qa.items[0].question).toContain('[đã ẩn]');
    expect(qa.items[0].question).not.toContain('654');
    expect(qa.items[0].answer).toBe(answer);
    expect(JSON.stringify(qa)).not.toContain(code);
    expect((await app.inject({ url: '/api/v1/public/questions?q=ly%20lich%20tu%20phap%20nuoc%20ngoai' })).json().total).toBe(1);
    expect((await app.inject({ url: '/api/v1/public/questions?q=khai%20sinh' })).json().total).toBe(0);

    // The sender follows it with the code and phone only; rates once.
    expect((await app.inject({ url: `/api/v1/public/feedback/${code}?phone=0911111111` })).statusCode).toBe(404);
    const followed = (await app.inject({ url: `/api/v1/public/feedback/${code.toLowerCase()}?phone=%2B84987654321` })).json();
    expect(followed).toMatchObject({ status: 'published', answer, canRate: true, unitName: 'Công an tỉnh Bình Dương' });
    const rate = (satisfied: boolean) => app.inject({ method: 'POST', url: `/api/v1/public/feedback/${code}/rating`, payload: { phone: '0987654321', satisfied } });
    expect((await rate(true)).statusCode).toBe(200);
    expect((await rate(true)).statusCode).toBe(200); // a retry
    const second = await rate(false);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('ALREADY_RATED');
    const templates = await sql<{ template: string }>`SELECT DISTINCT template FROM notifications WHERE subject_code = ${code} AND channel = 'email' ORDER BY template`.execute(handle.db);
    expect(templates.rows.map((r) => r.template)).toEqual(['feedback.answered', 'feedback.published', 'feedback.received']);

    // History is append-only.
    await expect(sql`UPDATE feedback_events SET text = 'x' WHERE feedback_code = ${code}`.execute(handle.db)).rejects.toThrow(/append-only/);
  });

  it('keeps the legal deadlines on the working calendar across Tết 2025, and pauses the answer clock while waiting for the citizen', async () => {
    setClock('2025-01-23T10:00:00+07:00'); // Thursday before the Tết break (27–31/01)
    const res = await submit({ procedureCode: communeProcedure, kind: 'feedback', text: 'Thủ tục khai sinh yêu cầu giấy tờ không có trong danh mục.' });
    expect(res.statusCode, res.body).toBe(201);
    const { code, dueAt } = res.json();
    expect(dueAt).toBe('2025-02-20T10:00:00+07:00');
    const detail = (await view('tn.TT74', code)).json();
    expect(detail.unitCode).toBe('TT74'); // commune level, commune unknown → the Center
    expect(detail.deadlines).toEqual([
      { kind: 'refuse', dueAt: '2025-02-03T10:00:00+07:00', doneAt: null, state: 'open' },
      { kind: 'request_info', dueAt: '2025-02-06T10:00:00+07:00', doneAt: null, state: 'open' },
      { kind: 'resolve', dueAt: '2025-02-20T10:00:00+07:00', doneAt: null, state: 'open' },
    ]);
    setClock('2025-02-03T10:30:00+07:00');
    expect((await view('tn.TT74', code)).json().urgency).toBe('overdue');
    const overdue = (await app.inject({ url: '/api/v1/feedback?filter=overdue', headers: await token('gd.TT74') })).json();
    expect(overdue.items.map((i: { code: string }) => i.code)).toContain(code);

    // Asked for more on 03/02 10:30; the citizen answers on 05/02 10:30 → the answer deadline moves 2 working days.
    expect((await act('tn.TT74', code, { type: 'request_info', text: 'Xin cho biết tên giấy tờ cán bộ đã yêu cầu.' })).statusCode).toBe(200);
    const waiting = (await app.inject({ url: `/api/v1/public/feedback/${code}?phone=0987654321` })).json();
    expect(waiting).toMatchObject({ status: 'info_requested', infoRequest: 'Xin cho biết tên giấy tờ cán bộ đã yêu cầu.' });
    setClock('2025-02-05T10:30:00+07:00');
    const info = await app.inject({ method: 'POST', url: `/api/v1/public/feedback/${code}/information`, payload: { phone: '0987654321', text: 'Cán bộ yêu cầu giấy xác nhận cư trú.' } });
    expect(info.statusCode, info.body).toBe(200);
    const after = (await view('tn.TT74', code)).json();
    expect(after.status).toBe('accepted');
    expect(after.deadlines.find((d: { kind: string }) => d.kind === 'resolve').dueAt).toBe('2025-02-24T10:00:00+07:00');
    expect(after.deadlines.find((d: { kind: string }) => d.kind === 'request_info').state).toBe('met');
    expect(after.deadlines.find((d: { kind: string }) => d.kind === 'refuse').state).toBe('closed');
  });

  it('links a complaint to a dossier only when the phone matches, and reveals nothing otherwise', async () => {
    setClock('2024-12-09T09:00:00+07:00');
    const filed = await app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: await token('tn.CN724'), payload: {
      procedureCode: communeProcedure, idempotencyKey: 'fb-intake-1',
      applicant: { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '074090001234', phone: '0912345678', address: { communeCode: AN_LINH } } } });
    expect(filed.statusCode, filed.body).toBe(201);
    const dossierCode = filed.json().code as string;
    expect((await app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossierCode}/actions`, headers: await token('tn.CN724'), payload: { type: 'transfer', idempotencyKey: 'fb-transfer-1' } })).statusCode).toBe(200);

    const stranger = await submit({ kind: 'complaint', dossierCode, phone: '0987654321', text: 'Hồ sơ này bị chậm, cán bộ yêu cầu thêm giấy tờ.' });
    const owner = await submit({ kind: 'complaint', dossierCode: dossierCode.toLowerCase(), phone: '0912345678', fullName: 'Nguyễn Văn An', text: 'Hồ sơ của tôi bị yêu cầu giấy tờ ngoài danh mục.' });
    expect(stranger.statusCode).toBe(201);
    expect(owner.statusCode).toBe(201);
    expect(Object.keys(stranger.json()).sort()).toEqual(Object.keys(owner.json()).sort());
    const strangerView = (await app.inject({ url: `/api/v1/public/feedback/${stranger.json().code}?phone=0987654321` })).json();
    expect(JSON.stringify(strangerView)).not.toMatch(/UBX|An Linh|Nguyễn Văn An|khai sinh/i);

    const strangerDetail = (await view('admin', stranger.json().code)).json();
    expect(strangerDetail).toMatchObject({ unitCode: 'TT74', routingBasis: 'center', dossierCode: null, claimedDossierCode: dossierCode });
    const ownerDetail = (await view(`ld.UBX${AN_LINH}`, owner.json().code)).json();
    expect(ownerDetail).toMatchObject({ unitCode: `UBX${AN_LINH}`, routingBasis: 'dossier', dossierCode });

    const complaints = (await app.inject({ url: `/api/v1/dossiers/${dossierCode}/complaints`, headers: await token('tn.CN724') })).json();
    expect(complaints.items.map((c: { code: string }) => c.code)).toEqual([owner.json().code]);
    expect((await app.inject({ url: `/api/v1/dossiers/${dossierCode}/complaints`, headers: await token('tn.CN718') })).statusCode).toBe(403);

    const indicators = (await app.inject({ url: `/api/v1/feedback/indicators?from=2024-12-01&to=2024-12-31&unitCode=UBX${AN_LINH}`, headers: await token(`ld.UBX${AN_LINH}`) })).json();
    expect(indicators.dossiersWithComplaint).toBe(1);
    expect(indicators.classification).toMatchObject({ total: 1, count: 0, unclassified: 1 });
  });

  it('reassigns from the Center to an agency, which then owns it; history keeps both units', async () => {
    setClock('2024-12-10T09:00:00+07:00');
    const { code } = (await submit({ kind: 'suggestion', field: 'Hộ tịch', text: 'Đề nghị cho phép nộp bản sao điện tử.' })).json();
    expect((await act('tn.TT74', code, { type: 'reassign', toUnitCode: 'STP74' })).statusCode).toBe(400); // a reason is required
    expect((await act('tn.TT74', code, { type: 'reassign', toUnitCode: 'NOPE', reason: 'Thuộc Sở Tư pháp' })).statusCode).toBe(400);
    const moved = await act('tn.TT74', code, { type: 'reassign', toUnitCode: 'STP74', reason: 'Thuộc thẩm quyền Sở Tư pháp' });
    expect(moved.json()).toMatchObject({ status: 'received', unitCode: 'STP74' });
    expect((await view('tn.TT74', code)).statusCode).toBe(403);
    const detailRes = await view('cv.STP74', code);
    expect(detailRes.statusCode, detailRes.body).toBe(200);
    const detail = detailRes.json();
    expect(detail.history.map((h: { type: string; toUnitCode: string }) => [h.type, h.toUnitCode])).toEqual([['submitted', 'TT74'], ['reassign', 'STP74']]);
    // Two officers refusing at once: one wins.
    const both = await Promise.all([
      act('cv.STP74', code, { type: 'refuse', reason: 'Nội dung không thuộc phạm vi' }),
      act('ld.STP74', code, { type: 'refuse', reason: 'Nội dung không thuộc phạm vi xử lý' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const refusedView = (await app.inject({ url: `/api/v1/public/feedback/${code}?phone=0987654321` })).json();
    expect(refusedView.status).toBe('refused');
    expect(refusedView.refusalReason).toMatch(/Nội dung không thuộc phạm vi/);
  });

  it('refuses bad input with Vietnamese messages and stores nothing; keeps HTML as text', async () => {
    const before = await count('feedback');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ text: '' }, 'INVALID_FEEDBACK'],
      [{ text: 'x'.repeat(50_000) }, 'INVALID_FEEDBACK'],
      [{ kind: 'rumour' }, 'VALIDATION_ERROR'],
      [{ kind: 'complaint' }, 'INVALID_FEEDBACK'],
      [{ phone: '12345' }, 'INVALID_FEEDBACK'],
      [{ procedureCode: '9.999999' }, 'UNKNOWN_PROCEDURE'],
      [{ website: 'http://spam.example' }, 'SPAM_SUSPECTED'],
    ];
    for (const [body, code] of cases) {
      const res = await submit(body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      if (code !== 'VALIDATION_ERROR') expect(res.json().error.code).toBe(code);
      expect(res.json().error.message).toMatch(/[ạảãáàâăêôơưđ]/i);
    }
    // The same checks at a counter: an officer cannot store an empty or 50,000-character message either.
    for (const text of ['', 'x'.repeat(50_000)]) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/feedback', headers: await token('tn.TT74'),
        payload: { kind: 'question', fullName: 'Lê Văn Cường', phone: '0905123456', text, idempotencyKey: `fb-counter-bad-${text.length}` } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('INVALID_FEEDBACK');
    }
    expect(await count('feedback')).toBe(before);
    const html = '<script>alert("x")</script><b>Xin hỏi</b> thủ tục này?';
    const res = await submit({ text: html });
    expect(res.statusCode).toBe(201);
    expect((await app.inject({ url: `/api/v1/public/feedback/${res.json().code}?phone=0987654321` })).json().text).toBe(html);
  });

  it('stops a flood from one address at the limit, under concurrency, without touching other addresses', async () => {
    const flooder = '203.0.113.9';
    const before = await count('feedback');
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => submit({ text: `Câu hỏi số ${i} về thủ tục hành chính.` }, flooder)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(MAX_PER_ADDRESS);
    expect(codes.filter((c) => c === 429)).toHaveLength(12 - MAX_PER_ADDRESS);
    const limited = results.find((r) => r.statusCode === 429)!;
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(limited.headers['retry-after']).toBe('3600');
    expect(await count('feedback')).toBe(before + MAX_PER_ADDRESS);
    expect((await submit({}, '203.0.113.10')).statusCode).toBe(201);
    clock.advance(61 * 60_000);
    expect((await submit({}, flooder)).statusCode).toBe(201);
    // An officer entering messages at a counter is not limited by the Center's address.
    for (let i = 0; i < MAX_PER_ADDRESS + 1; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/feedback', remoteAddress: flooder, headers: await token('tn.TT74'),
        payload: { kind: 'question', fullName: 'Lê Văn Cường', phone: '0905123456', text: 'Hỏi tại quầy về thủ tục.', idempotencyKey: `fb-counter-${i}` } });
      expect(res.statusCode, res.body).toBe(201);
    }
  });

  it('lists open items most urgent first and computes indicators 5.1–5.3 for the unit', async () => {
    const listRes = await app.inject({ url: '/api/v1/feedback?filter=all&limit=200', headers: await token('ld.CAT74') });
    expect(listRes.statusCode, listRes.body).toBe(200);
    const list = listRes.json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((i: { unitCode: string }) => i.unitCode === 'CAT74')).toBe(true);
    const ind = (await app.inject({ url: '/api/v1/feedback/indicators?from=2024-12-01&to=2024-12-31&unitCode=CAT74', headers: await token('ld.CAT74') })).json();
    expect(ind.classification).toMatchObject({ count: 1, total: 1, percent: 100 });
    expect(ind.timeliness).toMatchObject({ count: 1, total: 1, percent: 100 });
    expect(ind.satisfaction).toMatchObject({ count: 1, total: 1, percent: 100 });
    expect((await app.inject({ url: '/api/v1/feedback/indicators?from=2024-12-01&to=2024-12-31&unitCode=CAT74', headers: await token('ld.STP74') })).statusCode).toBe(403);
  });
});
