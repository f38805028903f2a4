// Notifications end to end, on each engine: dossier events from the outbox become messages to the
// applicant, delivered to a REAL local SMTP server (read back and parsed: Vietnamese subject and body
// intact) and to an HTTP SMS gateway that later posts a delivery receipt; a failing SMTP server is
// retried with exponential backoff until the message is marked failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { COMMUNE, dossierApi, type DossierApi } from '../support/dossier-api.ts';
import { startSmtpCatcher, type SmtpCatcher } from '../support/smtp-catcher.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import { loadSettings } from '../../src/config/settings.ts';
import { createJobs, DELIVERY_JOB, OUTBOX_JOB, type BackgroundJobs } from '../../src/jobs/index.ts';
import { smtpChannel } from '../../src/services/notifications/email-smtp.ts';
import { EMAIL_DISABLED_REASON } from '../../src/services/notifications/channels.ts';
import { IN_APP_CHANNEL, disabledChannel } from '../../src/services/notifications/channel.ts';
import { enqueueNotification } from '../../src/store/notifications.ts';
import { claimDueNotifications } from '../../src/store/notification-delivery.ts';
import { applyCalendarImpact } from '../../src/services/calendar-impact.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';
import type { ServiceContext } from '../../src/services/context.ts';

const SECRET = 'receipt-secret-for-tests';
const EMAIL = 'an.nguyen@example.vn';

interface GatewayMessage { to: string; text: string; reference: string }

async function startSmsGateway(): Promise<{ url: string; messages: GatewayMessage[]; close: () => Promise<void> }> {
  const messages: GatewayMessage[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      messages.push(JSON.parse(body));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `gw-${messages.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/sms`, messages, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe.each(ENGINES)('notifications on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let ctx: ServiceContext;
  let jobs: BackgroundJobs;
  let api: DossierApi;
  let smtp: SmtpCatcher;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  const clock = testClock('2024-12-09T09:00:00+07:00');

  const rows = (code: string) =>
    handle.db.selectFrom('notifications').select(['id', 'channel', 'recipient', 'template', 'status', 'attempts', 'provider_ref', 'last_error', 'next_attempt_at'])
      .where('subject_code', '=', code).orderBy('id').execute();
  const pump = async () => {
    await jobs.runOnce(OUTBOX_JOB);
    return jobs.runOnce(DELIVERY_JOB);
  };

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    gateway = await startSmsGateway();
    handle = await openTestDatabase(engine);
    const settings = loadSettings({
      MOTCUA_SMTP_HOST: '127.0.0.1', MOTCUA_SMTP_PORT: String(smtp.port), MOTCUA_SMTP_FROM: 'Trung tâm PVHCC Bình Dương <no-reply@motcua.test>',
      MOTCUA_SMS_PROVIDER: 'http', MOTCUA_SMS_HTTP_URL: gateway.url, MOTCUA_SMS_CALLBACK_SECRET: SECRET, MOTCUA_NOTIFICATION_MAX_ATTEMPTS: '3',
    });
    ctx = testContext(handle, clock, { notifications: settings.notifications, sessionHours: 24 * 30 });
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    api = dossierApi(app);
    await api.procedure(3, 5);
    jobs = createJobs(ctx, { holder: 'notify-a' });
  }, 180_000);
  afterAll(async () => {
    await jobs?.stop();
    await app?.close();
    await handle?.close();
    await smtp?.close();
    await gateway?.close();
  });

  it('tells the applicant by e-mail and SMS at receipt, supplement request, apology and early result', async () => {
    clock.set('2024-12-09T09:00:00+07:00');
    const dossier = await api.intake('tn.CN724', {
      applicant: { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '074090001234', phone: '0912345678', email: EMAIL, address: { communeCode: '25861' } },
    });
    const code = dossier.code;
    const before = smtp.mails.length;
    expect(await pump()).toMatchObject({ sent: 2, failed: 0 });

    const [received] = await smtp.waitFor(before + 1);
    const mail = smtp.mails[before]!;
    expect(received).toBeDefined();
    expect(mail.subject).toBe(`Hồ sơ ${code} đã được tiếp nhận`);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(EMAIL);
    expect(mail.from?.text).toContain('Trung tâm PVHCC Bình Dương');
    expect(mail.text).toContain('Kính gửi ông/bà Nguyễn Văn An,');
    expect(mail.text).toContain(`Mã hồ sơ: ${code}`);
    expect(mail.text).toContain('Ngày hẹn trả kết quả: ');
    expect(mail.text).toContain('tại Điểm tiếp nhận Xã An Linh');
    expect(mail.text).toContain(`http://localhost:3000/tra-cuu?ma=${encodeURIComponent(code)}`);
    expect(mail.text).not.toContain('074090001234');
    expect(mail.headers.get('content-type')).toMatchObject({ params: { charset: 'utf-8' } });

    expect(gateway.messages.at(-1)).toMatchObject({ to: '0912345678' });
    expect(gateway.messages.at(-1)!.text).toMatch(new RegExp(`^Ho so ${code.replace(/\./g, '\\.')} da duoc tiep nhan\\. Hen tra ket qua \\d\\d:\\d\\d ngay`));
    expect(await rows(code)).toMatchObject([
      { channel: 'email', template: 'dossier.received', status: 'sent', attempts: 1 },
      { channel: 'sms', template: 'dossier.received', status: 'sent', attempts: 1, provider_ref: `gw-${gateway.messages.length}` },
    ]);

    // The gateway reports delivery; a wrong secret or an unknown reference changes nothing.
    const receipt = (secret: string, providerRef: string) =>
      app.inject({ method: 'POST', url: '/api/v1/notifications/sms-receipts', headers: { 'x-motcua-secret': secret }, payload: { providerRef, status: 'delivered' } });
    expect((await receipt('wrong', `gw-${gateway.messages.length}`)).statusCode).toBe(401);
    expect((await receipt(SECRET, 'gw-unknown')).statusCode).toBe(404);
    const ok = await receipt(SECRET, `gw-${gateway.messages.length}`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await rows(code))[1]).toMatchObject({ status: 'delivered' });

    const steps: Array<[string, Record<string, unknown>]> = [
      ['tn.CN724', { type: 'transfer' }],
      [`ld.${COMMUNE}`, { type: 'assign', assignee: `cv.${COMMUNE}` }],
      [`cv.${COMMUNE}`, { type: 'request_supplement', reason: 'Thiếu bản sao giấy chứng nhận kết hôn của cha mẹ.', missingDocuments: ['Giấy chứng nhận kết hôn (bản sao)'] }],
      ['tn.CN724', { type: 'receive_supplement' }],
      [`ld.${COMMUNE}`, { type: 'extend', reason: 'Cần xác minh nơi cư trú của người được khai sinh.', extension: { kind: 'added', days: 2 } }],
      [`ld.${COMMUNE}`, { type: 'approve' }],
      [`cv.${COMMUNE}`, { type: 'record_result', resultNumber: '45/GKS', signer: 'Chủ tịch UBND xã An Linh', signedAt: '2024-12-09T12:00:00+07:00' }],
    ];
    for (const [user, body] of steps) {
      clock.advance(30 * 60_000);
      const res = await api.act(user, code, body);
      expect(res.statusCode, `${String(body.type)}: ${res.body}`).toBe(200);
    }
    const extendedDue = (await handle.db.selectFrom('dossiers').select('due_at').where('code', '=', code).executeTakeFirstOrThrow()).due_at!;
    expect(await pump()).toMatchObject({ sent: 6, failed: 0 });
    const latest = await smtp.waitFor(before + 4);
    const subjects = latest.slice(before + 1).map((m) => m.subject);
    expect(subjects).toEqual([
      `Hồ sơ ${code} cần bổ sung, hoàn thiện`,
      `Hồ sơ ${code}: xin lỗi và hẹn lại ngày trả kết quả`,
      `Hồ sơ ${code} đã có kết quả trước hạn`,
    ]);
    const [supplement, apology, early] = latest.slice(before + 1);
    expect(supplement!.text).toContain('Lý do: Thiếu bản sao giấy chứng nhận kết hôn của cha mẹ.');
    expect(supplement!.text).toContain('  - Giấy chứng nhận kết hôn (bản sao)');
    expect(apology!.text).toContain('Lý do: Cần xác minh nơi cư trú của người được khai sinh.');
    const vnTime = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString();
    const due = vnTime(extendedDue);
    expect(apology!.text).toContain(`Ngày hẹn trả kết quả mới: ${due.slice(11, 16)} ngày ${due.slice(8, 10)}/${due.slice(5, 7)}/${due.slice(0, 4)}.`);
    expect(early!.text).toContain('Ông/bà có thể nhận kết quả ngay từ bây giờ tại Điểm tiếp nhận Xã An Linh');

    // Handling the events again (a crashed consumer's retry) queues nothing new.
    const count = (await rows(code)).length;
    await handle.db.updateTable('outbox').set({ delivered_at: null }).where('key', '=', code).execute();
    await pump();
    expect((await rows(code)).length).toBe(count);
    expect(count).toBe(8);

    // The dossier page lists them, addresses masked.
    const list = await app.inject({ url: `/api/v1/dossiers/${code}/notifications`, headers: await api.token(`cv.${COMMUNE}`) });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as Array<{ channel: string; recipient: string; label: string; status: string }>;
    expect(items).toHaveLength(8);
    expect(items[0]).toMatchObject({ channel: 'email', recipient: 'an***@example.vn', label: 'Tiếp nhận hồ sơ', status: 'sent' });
    expect(items[1]).toMatchObject({ channel: 'sms', recipient: '091****678', status: 'delivered' });
    expect(JSON.stringify(items)).not.toContain('0912345678');
    const outsider = await app.inject({ url: `/api/v1/dossiers/${code}/notifications`, headers: await api.token('cv.UBX25792') });
    expect(outsider.statusCode).toBe(403);
  });

  it('tells the applicant when a calendar edit moves the due date', async () => {
    clock.set('2024-12-16T09:00:00+07:00');
    const before = smtp.mails.length;
    const { code, dueAt } = await api.intake('tn.CN724', {
      applicant: { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '074090001234', phone: '0912345678', email: EMAIL, address: { communeCode: '25861' } },
    });
    const moved = new Date(Date.parse(dueAt) + 24 * 3_600_000).toISOString().replace('.000Z', 'Z');
    await handle.db.transaction().execute((trx) => applyCalendarImpact(ctx, trx, [{ code, dueBefore: dueAt, dueAfter: moved }]));
    await pump();
    const mails = await smtp.waitFor(before + 2);
    const changed = mails.slice(before).find((m) => m.subject === `Hồ sơ ${code}: ngày hẹn trả kết quả thay đổi`);
    expect(changed, mails.slice(before).map((m) => m.subject).join(' | ')).toBeDefined();
    expect(changed!.text).toContain('Ngày hẹn trả kết quả mới: ');
    expect((await rows(code)).map((r) => r.template)).toEqual(['dossier.received', 'dossier.received', 'dossier.due_changed', 'dossier.due_changed']);
  });

  it('retries a failing SMTP server with exponential backoff, then marks the e-mail failed', async () => {
    const failing = await startSmtpCatcher({ failWith: 451 });
    const channel = smtpChannel({ host: '127.0.0.1', port: failing.port, secure: false, from: 'motcua <no-reply@motcua.test>', user: undefined, password: undefined });
    const flaky = createJobs(ctx, { holder: 'notify-b', channels: { email: channel, sms: disabledChannel('không dùng'), inapp: IN_APP_CHANNEL } });
    try {
      clock.set('2024-12-20T08:00:00+07:00');
      await enqueueNotification(handle.db, ctx.provinceCode, { channel: 'email', recipient: EMAIL, template: 'dossier.result_ready', payload: { code: 'RETRY-1', procedureName: 'Thử', readyAt: '2024-12-20T08:00:00+07:00' },
        subjectKind: 'dossier', subjectCode: 'RETRY-1', dedupeKey: 'test:retry-1' });
      const run = () => flaky.runOnce(DELIVERY_JOB);
      expect(await run()).toMatchObject({ retried: 1 });
      let [row] = await rows('RETRY-1');
      expect(row).toMatchObject({ status: 'queued', attempts: 1 });
      expect(row!.last_error).toContain('451');
      expect(row!.next_attempt_at.getTime() - clock.now().getTime()).toBe(60_000); // base delay

      expect(await run()).toMatchObject({ retried: 0, sent: 0, failed: 0 }); // not due yet
      clock.advance(60_000);
      await run();
      [row] = await rows('RETRY-1');
      expect(row).toMatchObject({ status: 'queued', attempts: 2 });
      expect(row!.next_attempt_at.getTime() - clock.now().getTime()).toBe(120_000); // doubled
      clock.advance(119_000);
      await run();
      expect((await rows('RETRY-1'))[0]!.attempts).toBe(2);
      clock.advance(1_000);
      expect(await run()).toMatchObject({ failed: 1 });
      [row] = await rows('RETRY-1');
      expect(row).toMatchObject({ status: 'failed', attempts: 3 });
      expect(row!.last_error).toContain('đã thử 3 lần');
      expect(failing.attempts).toBe(3);
      expect(failing.mails).toHaveLength(0);
    } finally {
      await flaky.stop();
      channel.close();
      await failing.close();
    }
  });

  it('fails at once on a permanent refusal, or when e-mail is not configured', async () => {
    const refusing = await startSmtpCatcher({ failWith: 550 });
    const channel = smtpChannel({ host: '127.0.0.1', port: refusing.port, secure: false, from: 'motcua <no-reply@motcua.test>', user: undefined, password: undefined });
    const noSms = disabledChannel('không dùng');
    const refused = createJobs(ctx, { holder: 'notify-c', channels: { email: channel, sms: noSms, inapp: IN_APP_CHANNEL } });
    const unconfigured = createJobs({ ...ctx, settings: loadSettings({}) }, { holder: 'notify-d' });
    try {
      await enqueueNotification(handle.db, ctx.provinceCode, { channel: 'email', recipient: 'nobody@example.vn', template: 'dossier.received', payload: { code: 'PERM-1' },
        subjectKind: 'dossier', subjectCode: 'PERM-1', dedupeKey: 'test:perm-1' });
      expect(await refused.runOnce(DELIVERY_JOB)).toMatchObject({ failed: 1 });
      expect((await rows('PERM-1'))[0]).toMatchObject({ status: 'failed', attempts: 1 });
      expect((await rows('PERM-1'))[0]!.last_error).toContain('550');

      await enqueueNotification(handle.db, ctx.provinceCode, { channel: 'email', recipient: EMAIL, template: 'dossier.received', payload: { code: 'OFF-1' },
        subjectKind: 'dossier', subjectCode: 'OFF-1', dedupeKey: 'test:off-1' });
      expect(await unconfigured.runOnce(DELIVERY_JOB)).toMatchObject({ failed: 1 });
      expect((await rows('OFF-1'))[0]).toMatchObject({ status: 'failed', last_error: EMAIL_DISABLED_REASON });
    } finally {
      await refused.stop();
      await unconfigured.stop();
      channel.close();
      await refusing.close();
    }
  });

  it('takes over a message whose sender died once its lease expires', async () => {
    clock.set('2024-12-21T08:00:00+07:00');
    const before = smtp.mails.length;
    await enqueueNotification(handle.db, ctx.provinceCode, { channel: 'email', recipient: EMAIL, template: 'dossier.result_ready', payload: { code: 'LEASE-1', procedureName: 'Thử' },
      subjectKind: 'dossier', subjectCode: 'LEASE-1', dedupeKey: 'test:lease-1' });
    // Another instance claims it and dies before sending.
    expect(await claimDueNotifications(handle.db, ctx.provinceCode, clock.now(), ctx.settings.jobs.leaseSeconds * 1000, 10)).toHaveLength(1);
    expect(await jobs.runOnce(DELIVERY_JOB)).toMatchObject({ sent: 0 });
    clock.advance(ctx.settings.jobs.leaseSeconds * 1000);
    expect(await jobs.runOnce(DELIVERY_JOB)).toMatchObject({ sent: 1 });
    await smtp.waitFor(before + 1);
    expect(smtp.mails.at(-1)!.subject).toBe('Hồ sơ LEASE-1 đã có kết quả');
    expect((await rows('LEASE-1'))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
