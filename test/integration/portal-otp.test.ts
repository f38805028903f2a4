// Citizen sign-in with a one-time code, on each engine: switched off unless the province enables it; a
// code asked for a mobile number goes out through the outbox to the SMS provider interface, one asked
// for an e-mail address reaches a REAL local SMTP server; only a hash is stored and the sent message
// forgets the code; the right code opens a citizen session that sees exactly the dossiers whose applicant
// gave that phone or e-mail; wrong, expired, superseded and over-tried codes, and too many requests per
// identifier or per address, are refused with their codes and nothing is signed in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { dossierApi, type DossierApi } from '../support/dossier-api.ts';
import { startSmtpCatcher, type SmtpCatcher } from '../support/smtp-catcher.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import { createJobs, DELIVERY_JOB, type BackgroundJobs } from '../../src/jobs/index.ts';
import { smtpChannel } from '../../src/services/notifications/email-smtp.ts';
import { IN_APP_CHANNEL, type ChannelSender, type OutgoingMessage } from '../../src/services/notifications/channel.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';
import type { ServiceContext } from '../../src/services/context.ts';

const AN = { phone: '0912345678', email: 'An.Nguyen@Example.VN' };
const OTHER_PHONE = '0987654321';

describe.each(ENGINES)('one-time code sign-in on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let ctx: ServiceContext;
  let api: DossierApi;
  let smtp: SmtpCatcher;
  let jobs: BackgroundJobs;
  const sms: OutgoingMessage[] = [];
  const clock = testClock('2024-12-05T09:00:00+07:00');
  let mine: string;
  let someoneElses: string;

  const smsChannel: ChannelSender = { description: 'test', send: async (m) => (sms.push(m), { ok: true, delivered: false, providerRef: `t-${m.id}` }) };
  const post = (url: string, payload: object, remoteAddress = '10.0.0.1', cookie?: string) =>
    app.inject({ method: 'POST', url: `/api/v1/citizen/auth/otp/${url}`, payload, remoteAddress, headers: cookie ? { cookie } : {} });
  const lastSmsTo = (phone: string) => [...sms].reverse().find((m) => m.recipient === phone)!.message.sms.match(/\b(\d{6})\b/)![1]!;
  const lastMailTo = (address: string) => {
    const mail = [...smtp.mails].reverse().find((m) => JSON.stringify(m.to).includes(address))!;
    return { subject: mail.subject ?? '', text: mail.text ?? '', code: mail.text!.match(/\b(\d{6})\b/)![1]! };
  };
  const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie']).split(';')[0]!;
  const asCitizen = (cookie: string, url: string, method: 'GET' | 'POST' = 'GET', payload?: object) =>
    app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    ctx = testContext(handle, clock, { citizenOtp: true });
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    smtp = await startSmtpCatcher();
    jobs = createJobs(ctx, { holder: `otp-${engine}`, channels: {
      email: smtpChannel({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'motcua <no-reply@example.vn>', user: undefined, password: undefined }),
      sms: smsChannel, inapp: IN_APP_CHANNEL } });
    api = dossierApi(app);
    await api.procedure(3, 30);
    const applicant = { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '074090001234', phone: AN.phone, email: AN.email, address: { communeCode: '25861' } };
    mine = (await api.intake('tn.CN724', { applicant })).code;
    someoneElses = (await api.intake('tn.CN724', { applicant: { ...applicant, fullName: 'Trần Văn Bình', idNumber: '074085002222', phone: OTHER_PHONE, email: 'binh@example.vn' } })).code;
  }, 240_000);
  afterAll(async () => {
    await jobs?.stop();
    await app?.close();
    await smtp?.close();
    await handle?.close();
  });

  it('is refused with its own code while the province has not enabled it', async () => {
    ctx.settings.citizenOtp = undefined;
    try {
      expect((await app.inject({ url: '/api/v1/citizen/auth/methods' })).json()).toMatchObject({ oneTimeCode: false });
      for (const [url, body] of [['request', { destination: AN.phone }], ['verify', { destination: AN.phone, code: '123456' }]] as const) {
        const res = await post(url, body);
        expect(res.statusCode).toBe(403);
        expect(res.json().error).toMatchObject({ code: 'OTP_DISABLED', message: expect.stringContaining('chưa bật đăng nhập bằng mã một lần') });
      }
    } finally {
      ctx.settings.citizenOtp = true;
    }
    expect((await app.inject({ url: '/api/v1/citizen/auth/methods' })).json()).toMatchObject({ oneTimeCode: true });
    expect((await post('request', { destination: '0274 3822 222' })).json().error.code).toBe('OTP_DESTINATION_INVALID');
    expect((await post('request', { destination: 'an@' })).json().error.code).toBe('OTP_DESTINATION_INVALID');
    expect(await sql`SELECT 1 FROM citizen_otp_codes`.execute(handle.db).then((r) => r.rows.length)).toBe(0);
  });

  it('sends a code by SMS through the outbox, keeps only its hash, and signs in to exactly the dossiers of that phone', async () => {
    const asked = await post('request', { destination: '+84 912 345 678' });
    expect(asked.statusCode, asked.body).toBe(202);
    expect(asked.json()).toMatchObject({ channel: 'sms', sentTo: '091****678', expiresAt: '2024-12-05T09:05:00+07:00' });
    expect((await jobs.runOnce(DELIVERY_JOB)).sent).toBeGreaterThanOrEqual(1);
    const code = lastSmsTo(AN.phone);
    const stored = (await sql<{ code_hash: string }>`SELECT code_hash FROM citizen_otp_codes WHERE identifier = ${AN.phone}`.execute(handle.db)).rows;
    expect(stored).toHaveLength(1);
    expect(stored[0]!.code_hash).toMatch(/^scrypt\$/);
    expect(stored[0]!.code_hash).not.toContain(code);
    // Once sent, the outbox row no longer holds the code.
    const queued = (await sql<{ payload: Record<string, unknown>; status: string }>`SELECT payload, status FROM notifications WHERE template = 'citizen.one_time_code' AND recipient = ${AN.phone}`.execute(handle.db)).rows;
    expect(queued).toEqual([{ status: 'sent', payload: expect.not.objectContaining({ code: expect.anything() }) }]);

    const wrong = await post('verify', { destination: AN.phone, code: code === '000000' ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toMatchObject({ code: 'OTP_INVALID', details: { attemptsLeft: 4 } });
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const right = await post('verify', { destination: '0912.345.678', code: `${code.slice(0, 3)} ${code.slice(3)}`, returnTo: '//evil.example/x' });
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json().returnTo).toBe('/nop-ho-so');
    const cookie = cookieOf(right);
    expect(cookie).toMatch(/^motcua_citizen=/);
    // The code is used up.
    expect((await post('verify', { destination: AN.phone, code })).json().error.code).toBe('OTP_NOT_REQUESTED');

    expect((await asCitizen(cookie, '/citizen/me')).json().citizen).toMatchObject({ phone: AN.phone, idNumber: null, signInMethod: 'one_time_code', fullName: '091****678' });
    const list = (await asCitizen(cookie, '/citizen/dossiers')).json();
    expect(list.items.map((d: { code: string }) => d.code)).toEqual([mine]);
    expect((await asCitizen(cookie, `/citizen/dossiers/${mine}`)).json().applicant).toMatchObject({ phone: AN.phone });
    expect((await asCitizen(cookie, `/citizen/dossiers/${someoneElses}`)).json().error.code).toBe('NOT_YOUR_DOSSIER');
    expect((await asCitizen(cookie, `/citizen/dossiers/${someoneElses}/supplement`, 'POST', { documents: [{ name: 'x' }], idempotencyKey: 'otp-sup-1' })).json().error.code)
      .toBe('NOT_YOUR_DOSSIER');
    const rating = await asCitizen(cookie, `/public/dossiers/${someoneElses}/rating`, 'POST',
      { overall: 'satisfied', criteria: { time: 'early', contacts: 'once', agencies: 'one_stop_only', attitude: 'good' } });
    expect(rating.json().error.code).toBe('NOT_YOUR_DOSSIER');
    // Following, not filing: nobody verified whose name a new dossier would stand in.
    const filing = await asCitizen(cookie, '/citizen/dossiers', 'POST', { procedureCode: api.procedureCode, receivingUnitCode: 'CN724', resultDelivery: 'unit',
      applicant: { fullName: 'Nguyễn Văn An', idNumber: '074090001234', phone: AN.phone, address: { communeCode: '25861' } }, documents: [], idempotencyKey: 'otp-file-1' });
    expect(filing.statusCode).toBe(403);
    expect(filing.json().error.code).toBe('ELECTRONIC_IDENTITY_REQUIRED');

    const audit = (await sql<{ action: string; details: Record<string, unknown>; actor_username: string | null }>`
      SELECT action, details, actor_username FROM audit_log WHERE action LIKE 'citizen.%' ORDER BY id`.execute(handle.db)).rows;
    expect(audit.map((a) => a.action)).toEqual(['citizen.otp_requested', 'citizen.otp_failed', 'citizen.login', 'citizen.otp_failed']);
    expect(audit[2]).toMatchObject({ details: { method: 'one_time_code', channel: 'sms', sentTo: '091****678' }, actor_username: expect.stringMatching(/^citizen:/) });
    expect(JSON.stringify(audit)).not.toContain(code);
  });

  it('e-mails a code to the local SMTP server; a newer code replaces the older one; one active code at a time', async () => {
    const first = await post('request', { destination: AN.email });
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json()).toMatchObject({ channel: 'email', sentTo: 'an***@example.vn' });
    const tooSoon = await post('request', { destination: 'an.nguyen@example.vn' });
    expect(tooSoon.statusCode).toBe(429);
    expect(tooSoon.json().error.code).toBe('OTP_RESEND_TOO_SOON');
    expect(tooSoon.headers['retry-after']).toBe('60');
    await jobs.runOnce(DELIVERY_JOB);
    const mail = lastMailTo('an.nguyen@example.vn');
    expect(mail.subject).toBe(`Mã đăng nhập Dịch vụ công trực tuyến: ${mail.code}`);
    expect(mail.text).toContain('có hiệu lực trong 5 phút');

    clock.advance(61_000);
    expect((await post('request', { destination: AN.email })).statusCode).toBe(202);
    await jobs.runOnce(DELIVERY_JOB);
    const second = lastMailTo('an.nguyen@example.vn');
    expect(second.code).toMatch(/^\d{6}$/);
    const active = await sql`SELECT 1 FROM citizen_otp_codes WHERE identifier = 'an.nguyen@example.vn' AND closed_at IS NULL`.execute(handle.db);
    expect(active.rows).toHaveLength(1);
    if (mail.code !== second.code) expect((await post('verify', { destination: AN.email, code: mail.code })).json().error.code).toBe('OTP_INVALID');

    const signedIn = await post('verify', { destination: AN.email, code: second.code });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    const cookie = cookieOf(signedIn);
    expect((await asCitizen(cookie, '/citizen/me')).json().citizen).toMatchObject({ email: 'an.nguyen@example.vn', phone: null, signInMethod: 'one_time_code' });
    // The applicant typed the address with capitals; the match ignores case.
    expect((await asCitizen(cookie, '/citizen/dossiers')).json().items.map((d: { code: string }) => d.code)).toEqual([mine]);
    expect((await asCitizen(cookie, `/citizen/dossiers/${someoneElses}`)).statusCode).toBe(403);
  });

  it('refuses an expired code, locks a code after five wrong attempts, and limits requests per identifier', async () => {
    const phone = '0977000111';
    clock.advance(15 * 60_000);
    expect((await post('request', { destination: phone })).statusCode).toBe(202);
    await jobs.runOnce(DELIVERY_JOB);
    const expiring = lastSmsTo(phone);
    clock.advance(5 * 60_000);
    const expired = await post('verify', { destination: phone, code: expiring });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error).toMatchObject({ code: 'OTP_EXPIRED', message: expect.stringContaining('hết hạn') });

    expect((await post('request', { destination: phone })).statusCode).toBe(202);
    await jobs.runOnce(DELIVERY_JOB);
    const code = lastSmsTo(phone);
    const wrongCode = code === '999999' ? '888888' : '999999';
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) answers.push((await post('verify', { destination: phone, code: wrongCode })).json().error.code);
    expect(answers).toEqual(['OTP_INVALID', 'OTP_INVALID', 'OTP_INVALID', 'OTP_INVALID', 'OTP_TOO_MANY_ATTEMPTS']);
    // Even the right code no longer opens anything.
    const late = await post('verify', { destination: phone, code });
    expect(late.statusCode).toBe(401);
    expect(late.headers['set-cookie']).toBeUndefined();

    clock.advance(61_000);
    expect((await post('request', { destination: phone })).statusCode).toBe(202);
    clock.advance(61_000);
    const limited = await post('request', { destination: phone });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('OTP_RATE_LIMITED');
  });

  it('does not send a code that expired before delivery, and forgets it', async () => {
    const phone = '0977000222';
    expect((await post('request', { destination: phone }, '10.0.0.2')).statusCode).toBe(202);
    clock.advance(5 * 60_000 + 1000);
    const before = sms.length;
    await jobs.runOnce(DELIVERY_JOB);
    expect(sms.length).toBe(before);
    const row = (await sql<{ status: string; payload: Record<string, unknown>; last_error: string }>`
      SELECT status, payload, last_error FROM notifications WHERE recipient = ${phone}`.execute(handle.db)).rows[0]!;
    expect(row.status).toBe('failed');
    expect(row.last_error).toContain('hết hạn');
    expect(row.payload.code).toBeUndefined();
  });

  it('limits the codes one client address may ask for, whatever the numbers', async () => {
    clock.advance(60 * 60_000);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post('request', { destination: `09660001${String(i).padStart(2, '0')}` }, '10.9.9.9')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect((await post('request', { destination: '0966000199' }, '10.9.9.8')).statusCode).toBe(202);
  });
});
