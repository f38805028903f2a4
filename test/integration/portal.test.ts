// The citizen portal through the API, on each engine: sign-in through the real local OpenID Connect
// provider, online filing (national status 1) with a demo fee payment and its signed callbacks, receipt
// by the officer (→ 2), an online supplement, return, the rating once, and the public lookup's limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { signInCitizen } from '../support/oidc-sign-in.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import { startDemoPortal, type DemoPortal } from '../../src/services/portal/demo-portal.ts';
import { callbackSignature } from '../../src/services/portal/payments.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';
import type { ServiceContext } from '../../src/services/context.ts';

const AN_LINH = '25861';
const LAN = { cccd: '074190001111', phone: '0912000111', name: 'Nguyễn Thị Lan' };
const BINH_CCCD = '074085002222';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe.each(ENGINES)('citizen portal on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let portal: DemoPortal;
  let ctx: ServiceContext;
  const clock = testClock('2024-12-05T09:00:00+07:00');
  let lan: string;
  let procedureCode: string;
  let fee: number;
  let code: string;
  let key = 0;
  const staffTokens = new Map<string, string>();

  const staff = async (username: string) => {
    if (!staffTokens.has(username)) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      staffTokens.set(username, res.json().token);
    }
    return { authorization: `Bearer ${staffTokens.get(username)}` };
  };
  const act = async (username: string, body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: await staff(username), payload: { idempotencyKey: `act-${++key}-key`, ...body } });
  const asCitizen = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const filing = (overrides: Record<string, unknown> = {}) => ({
    procedureCode,
    applicant: { fullName: LAN.name, idNumber: LAN.cccd, phone: LAN.phone, email: 'lan.nguyen@example.vn', address: { communeCode: AN_LINH } },
    receivingUnitCode: 'CN724', resultDelivery: 'unit', returnUnitCode: `DTN${AN_LINH}`,
    documents: [{ name: 'Tờ khai đăng ký' }], idempotencyKey: `file-${++key}-key`, ...overrides,
  });

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    ctx = testContext(handle, clock);
    await seedDemo(ctx, DEMO_PASSWORD);
    portal = await startDemoPortal({ ...ctx.settings, oidcRedirectUri: 'http://127.0.0.1:9/api/v1/citizen/auth/callback' }, 'http://127.0.0.1:9', { port: 0 });
    ctx.settings = portal.settings;
    app = await buildServer(ctx);
    // A commune-level, location-free procedure offered online with a fee in VND.
    const list = (await app.inject({ url: '/api/v1/procedures?level=commune&locationFree=true&at=2024-12-05&limit=200' })).json();
    for (const p of list.items as Array<{ code: string; processingDays: number | null }>) {
      if (p.processingDays === null) continue;
      const detail = (await app.inject({ url: `/api/v1/procedures/${encodeURIComponent(p.code)}` })).json();
      const amount = (detail.channels as Array<{ channel: string; fee: { kind: string; amount?: number; currency?: string } }>)
        .find((c) => c.channel === 'online' || c.channel === 'direct')?.fee;
      if (detail.onlineLevel !== 'none' && amount?.kind === 'amount' && amount.currency === 'VND') {
        procedureCode = p.code;
        fee = amount.amount!;
        break;
      }
    }
    expect(procedureCode).toBeDefined();
    lan = await signInCitizen(app, LAN.cccd, DEMO_PASSWORD);
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await portal?.close();
    await handle?.close();
  });

  it('signs the citizen in through the OpenID Connect provider, with a session of its own that expires', async () => {
    const me = await asCitizen(lan, 'GET', '/citizen/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().citizen).toMatchObject({ fullName: LAN.name, idNumber: LAN.cccd, phone: LAN.phone, communeCode: AN_LINH });
    expect((await app.inject({ url: '/api/v1/citizen/dossiers' })).json().error.code).toBe('CITIZEN_UNAUTHENTICATED');
    // A staff session never opens a citizen route, and a citizen cookie never a staff one.
    const staffToken = (await staff('tn.CN724')).authorization.slice('Bearer '.length);
    expect((await app.inject({ url: '/api/v1/citizen/me', headers: { cookie: `motcua_session=${staffToken}` } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie: lan.replace('motcua_citizen', 'motcua_session') } })).statusCode).toBe(401);
    // A forged or replayed callback is refused.
    const forged = await app.inject({ url: '/api/v1/citizen/auth/callback?code=abc&state=not-a-state' });
    expect(forged.statusCode).toBe(302);
    expect(forged.headers.location).toBe('/nop-ho-so/dang-nhap?loi=LOGIN_STATE_INVALID');
    // Expiry: a session past its lifetime is told apart from no session.
    const short = await signInCitizen(app, BINH_CCCD, DEMO_PASSWORD);
    clock.advance(3 * 3_600_000);
    const expired = await asCitizen(short, 'GET', '/citizen/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('CITIZEN_SESSION_EXPIRED');
    clock.set('2024-12-05T09:00:00+07:00');
    expect((await asCitizen(lan, 'GET', '/citizen/me')).statusCode).toBe(200);
  });

  it('files online: national status 1 in the chosen unit, no clock until an officer receives it', async () => {
    const wrong = await asCitizen(lan, 'POST', '/citizen/dossiers', filing({ resultDelivery: 'post' }));
    expect(wrong.statusCode).toBe(400);
    expect(['POSTAL_ADDRESS_REQUIRED', 'RESULT_DELIVERY_NOT_ALLOWED']).toContain(wrong.json().error.code);
    const someoneElse = await asCitizen(lan, 'POST', '/citizen/dossiers', filing({ applicant: { ...filing().applicant, idNumber: BINH_CCCD } }));
    expect(someoneElse.json().error.code).toBe('APPLICANT_NOT_ACCOUNT_HOLDER');

    // Catalogue document names can be legal paragraphs thousands of characters long; they are filed as published.
    const longName = `Giấy tờ chứng minh ${'nơi cư trú hợp pháp theo quy định của pháp luật về cư trú, '.repeat(60)}`.trim();
    expect(longName.length).toBeGreaterThan(3000);
    const body = filing({ documents: [{ name: 'Tờ khai đăng ký' }, { name: longName }] });
    const filed = await asCitizen(lan, 'POST', '/citizen/dossiers', body);
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ status: 'submitted_online', receivingUnitCode: 'CN724', competentUnitCode: `UBX${AN_LINH}`, feeAmount: fee });
    code = filed.json().code;
    expect(code).toMatch(/-241205-0001$/);
    // The same request again (a retried tap) answers the same dossier.
    expect((await asCitizen(lan, 'POST', '/citizen/dossiers', body)).json().code).toBe(code);

    const lookup = (await app.inject({ url: `/api/v1/public/dossiers/${code}?phone=${LAN.phone}` })).json();
    expect(lookup).toMatchObject({ status: 'submitted_online', portalStatusCode: 1, receivedAt: null, dueAt: null, applicantInitials: 'N.T.L.' });
    const mine = (await asCitizen(lan, 'GET', `/citizen/dossiers/${code}`)).json();
    expect(mine.expected).toEqual({ kind: 'pay', amount: fee });

    const early = await act('tn.CN724', { type: 'transfer' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('NOT_YET_RECEIVED');
    expect((await act(`tn.DTN${AN_LINH}`, { type: 'receive_online' })).json().error.code).toBe('OUT_OF_SCOPE');
    // Scans: the attachments module checks them by content; the citizen is recorded as the uploader.
    const upload = (cookie: string, bytes: Buffer, name: string) => app.inject({ method: 'POST', headers: { cookie, 'content-type': 'application/pdf' }, payload: bytes,
      url: `/api/v1/citizen/dossiers/${code}/attachments?fileName=${encodeURIComponent(name)}&documentName=${encodeURIComponent('Tờ khai đăng ký')}&idempotencyKey=up-${++key}-key` });
    const notPdf = await upload(lan, Buffer.from('chỉ là văn bản, không phải PDF'), 'to-khai.pdf');
    expect(notPdf.statusCode).toBe(400);
    expect(notPdf.json().error.code).toBe('UNSUPPORTED_FILE_TYPE');
    // Oversized: refused before the body is stored, nothing recorded.
    const limit = ctx.settings.uploadMaxMegabytes;
    ctx.settings.uploadMaxMegabytes = 1;
    try {
      const big = await upload(lan, Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]), 'to-khai-lon.pdf');
      expect(big.statusCode).toBe(400);
      expect(big.json().error.code).toBe('FILE_TOO_LARGE');
    } finally {
      ctx.settings.uploadMaxMegabytes = limit;
    }
    expect((await asCitizen(lan, 'GET', `/citizen/dossiers/${code}`)).json().attachments).toHaveLength(0);
    const scan = await upload(lan, PDF, 'to-khai.pdf');
    expect(scan.statusCode, scan.body).toBe(201);
    expect(scan.json().uploadedBy).toMatchObject({ kind: 'citizen', name: LAN.name });
    const binh = await signInCitizen(app, BINH_CCCD, DEMO_PASSWORD);
    expect((await upload(binh, PDF, 'x.pdf')).json().error.code).toBe('NOT_YOUR_DOSSIER');
    expect((await asCitizen(lan, 'GET', `/citizen/dossiers/${code}`)).json().attachments).toHaveLength(1);
    const officerFiles = (await app.inject({ url: `/api/v1/dossiers/${code}/attachments`, headers: await staff('tn.CN724') })).json();
    expect(JSON.stringify(officerFiles)).toContain('to-khai.pdf');

    const officerView = (await app.inject({ url: `/api/v1/dossiers/${code}`, headers: await staff('tn.CN724') })).json();
    expect(officerView).toMatchObject({ status: 'submitted_online', portalStatusCode: 1, clock: null, allowedActions: ['receive_online', 'refuse_online'] });
  });

  it('takes the fee through the gateway: failure, then success; bad, unknown and replayed callbacks change nothing', async () => {
    const first = await asCitizen(lan, 'POST', `/citizen/dossiers/${code}/payments`);
    expect(first.statusCode, first.body).toBe(201);
    const failed = await app.inject({ method: 'POST', url: `/api/v1/demo-gateway/payments/${first.json().id}/complete`, payload: { outcome: 'failure' } });
    expect(failed.json().status).toBe('failed');
    const second = (await asCitizen(lan, 'POST', `/citizen/dossiers/${code}/payments`)).json();
    expect(second.id).not.toBe(first.json().id);

    const secret = ctx.settings.paymentSecret!;
    const callback = { transactionId: 'BANK-0001', paymentId: second.id, dossierCode: code, amount: fee, outcome: 'success' as const };
    const post = (body: object, signature: string) =>
      app.inject({ method: 'POST', url: '/api/v1/payments/callback/demo', headers: { 'x-motcua-signature': signature }, payload: body });
    const bad = await post(callback, callbackSignature('not-the-secret', callback));
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('PAYMENT_SIGNATURE_INVALID');
    const unknown = { ...callback, dossierCode: '000.00.02.H74-241205-9999' };
    expect((await post(unknown, callbackSignature(secret, unknown))).json().error.code).toBe('DOSSIER_NOT_FOUND');
    const unknownPayment = { ...callback, paymentId: '00000000-0000-4000-8000-000000000000' };
    expect((await post(unknownPayment, callbackSignature(secret, unknownPayment))).json().error.code).toBe('PAYMENT_NOT_FOUND');
    const wrongAmount = { ...callback, transactionId: 'BANK-0000', amount: fee + 1 };
    expect((await post(wrongAmount, callbackSignature(secret, wrongAmount))).json().error.code).toBe('PAYMENT_AMOUNT_MISMATCH');
    const ok = await post(callback, callbackSignature(secret, callback));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('paid');
    const replay = await post(callback, callbackSignature(secret, callback));
    expect(replay.statusCode).toBe(409);
    expect(replay.json().error.code).toBe('PAYMENT_CALLBACK_REPLAYED');
    // Nothing recorded twice: one callback kept for the transaction, one paid payment.
    const kept = await sql<{ n: number }>`SELECT count(*)::int AS n FROM payment_callbacks WHERE transaction_id = 'BANK-0001'`.execute(ctx.db);
    expect(kept.rows[0]!.n).toBe(1);
    const mine = (await asCitizen(lan, 'GET', `/citizen/dossiers/${code}`)).json();
    expect(mine.fee.payments.map((p: { status: string }) => p.status)).toEqual(['failed', 'paid']);
    expect(mine.timeline.filter((s: { type: string }) => s.type === 'fee_paid')).toHaveLength(1);
    expect(mine.expected).toEqual({ kind: 'wait_receipt' });
    expect((await asCitizen(lan, 'POST', `/citizen/dossiers/${code}/payments`)).json().error.code).toBe('ALREADY_PAID');
  });

  it('is received by the officer (→ 2, clock starts), supplemented online, returned, then rated once', async () => {
    clock.set('2024-12-05T10:00:00+07:00');
    const received = await act('tn.CN724', { type: 'receive_online' });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json().status).toBe('received');
    expect(Date.parse(received.json().dueAt)).toBeGreaterThan(Date.parse('2024-12-05T10:00:00+07:00'));
    const lookup = (await app.inject({ url: `/api/v1/public/dossiers/${code}?phone=${LAN.phone}` })).json();
    expect(lookup).toMatchObject({ status: 'received', portalStatusCode: 2, receivedAt: '2024-12-05T10:00:00+07:00' });

    expect((await act('tn.CN724', { type: 'transfer' })).statusCode).toBe(200);
    expect((await act(`ld.UBX${AN_LINH}`, { type: 'assign', assignee: `cv.UBX${AN_LINH}` })).statusCode).toBe(200);
    expect((await act(`cv.UBX${AN_LINH}`, { type: 'request_supplement', reason: 'Thiếu bản sao giấy tờ tùy thân.', missingDocuments: ['Bản sao CCCD'] })).statusCode).toBe(200);
    const waiting = (await asCitizen(lan, 'GET', `/citizen/dossiers/${code}`)).json();
    expect(waiting.expected).toMatchObject({ kind: 'supplement', reason: 'Thiếu bản sao giấy tờ tùy thân.', missingDocuments: ['Bản sao CCCD'] });
    const early = await rate(lan, {});
    expect(early.json().error.code).toBe('RATING_NOT_YET_ALLOWED');

    const late = await app.inject({ method: 'POST', headers: { cookie: lan, 'content-type': 'application/pdf' }, payload: PDF,
      url: `/api/v1/citizen/dossiers/${code}/attachments?fileName=cccd.pdf&documentName=${encodeURIComponent('Bản sao CCCD')}&idempotencyKey=up-${++key}-key` });
    expect(late.statusCode, late.body).toBe(201);
    const sent = await asCitizen(lan, 'POST', `/citizen/dossiers/${code}/supplement`, { documents: [{ name: 'Bản sao CCCD' }], idempotencyKey: `sup-${++key}-key` });
    expect(sent.statusCode, sent.body).toBe(200);
    const officer = (await app.inject({ url: `/api/v1/dossiers/${code}`, headers: await staff(`cv.UBX${AN_LINH}`) })).json();
    expect(officer.timeline.at(-1)).toMatchObject({ type: 'citizen_supplement', label: 'Người nộp gửi hồ sơ bổ sung trực tuyến' });
    expect(officer.allowedActions).toContain('receive_supplement');
    expect((await asCitizen(lan, 'GET', `/citizen/dossiers/${code}`)).json().expected).toEqual({ kind: 'wait' });

    for (const [user, body] of [
      [`cv.UBX${AN_LINH}`, { type: 'receive_supplement' }],
      [`ld.UBX${AN_LINH}`, { type: 'approve' }],
      [`cv.UBX${AN_LINH}`, { type: 'record_result', resultNumber: '12/QĐ', signer: 'Chủ tịch UBND xã', signedAt: '2024-12-05T10:00:00+07:00' }],
      [`tn.DTN${AN_LINH}`, { type: 'return_result', method: 'counter', recipientName: LAN.name }],
    ] as const) {
      const res = await act(user, body);
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await asCitizen(lan, 'GET', `/citizen/dossiers/${code}`)).json().expected).toEqual({ kind: 'rate' });
    const afterReturn = await app.inject({ method: 'POST', headers: { cookie: lan, 'content-type': 'application/pdf' }, payload: PDF,
      url: `/api/v1/citizen/dossiers/${code}/attachments?fileName=late.pdf&idempotencyKey=up-${++key}-key` });
    expect(afterReturn.json().error.code).toBe('UPLOAD_NOT_EXPECTED');

    const binh = await signInCitizen(app, BINH_CCCD, DEMO_PASSWORD);
    expect((await rate(binh, {})).json().error.code).toBe('NOT_YOUR_DOSSIER');
    expect((await rate(undefined, { phone: '0999999999' })).statusCode).toBe(404);
    const rated = await rate(lan, {});
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json()).toMatchObject({ overall: 'satisfied', points: 2 + 1 + 1 + 2 });
    const again = await rate(undefined, { phone: LAN.phone, kiosk: true });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_RATED');
    expect((await asCitizen(lan, 'GET', `/citizen/dossiers/${code}`)).json()).toMatchObject({ expected: { kind: 'done' }, rating: { overall: 'satisfied', points: 6 } });
    // The statistics summary counts the rating (Rất hài lòng / Hài lòng = satisfied).
    const stats = await app.inject({ url: '/api/v1/stats/summary?from=2024-12-05&to=2024-12-05&unitCode=CN724', headers: await staff('gd.CN724') });
    expect(stats.statusCode, stats.body).toBe(200);
    expect(stats.json().satisfaction).toEqual({ ratings: 1, satisfiedPercent: 100 });
    expect(stats.json().received.online).toBe(1);
  });

  const rate = (cookie: string | undefined, extra: Record<string, unknown>) => app.inject({
    method: 'POST', url: `/api/v1/public/dossiers/${code}/rating`, headers: cookie ? { cookie } : {},
    payload: { overall: 'satisfied', criteria: { time: 'early', contacts: 'once', agencies: 'one_stop_only', attitude: 'good' }, comment: 'Nhanh gọn', ...extra },
  });

  it('refuses guessing: past the limit of failed lookups an address is turned away, even with the right phone', async () => {
    const from = (url: string) => app.inject({ url, remoteAddress: '10.9.8.7' });
    for (let i = 0; i < ctx.settings.lookupMaxFailuresPerAddress; i++) {
      expect((await from(`/api/v1/public/dossiers/${code}?phone=09000000${String(i).padStart(2, '0')}`)).statusCode).toBe(404);
    }
    const limited = await from(`/api/v1/public/dossiers/${code}?phone=${LAN.phone}`);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('LOOKUP_RATE_LIMITED');
    expect((await app.inject({ url: `/api/v1/public/dossiers/${code}?phone=${LAN.phone}`, remoteAddress: '10.9.8.6' })).statusCode).toBe(200);
    clock.advance(ctx.settings.lookupWindowMinutes * 60_000 + 1000);
    expect((await from(`/api/v1/public/dossiers/${code}?phone=${LAN.phone}`)).statusCode).toBe(200);
  });
});
