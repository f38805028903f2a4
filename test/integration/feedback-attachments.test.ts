// Files sent with a question or feedback, on each engine: the sender adds them with the tracking code and
// phone (a wrong phone learns nothing), an officer adds them to what they entered at a counter; the dossier
// scans' checks apply (type from the content, size limit); at most 5, even under concurrency; only the
// handling unit downloads them; they never reach the public Q&A; refusals store nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { jpegFile, pdfFile, pngFile, temporaryFilesDir } from '../support/files.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

const PHONE = '0987654321';

describe.each(ENGINES)('feedback attachments on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let files: Awaited<ReturnType<typeof temporaryFilesDir>>;
  const clock = testClock('2024-12-05T09:00:00+07:00');
  const tokens = new Map<string, string>();
  let key = 0;
  let address = 0;

  const token = async (username: string) => {
    if (!tokens.has(username)) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      expect(res.statusCode, res.body).toBe(200);
      tokens.set(username, res.json().token);
    }
    return { authorization: `Bearer ${tokens.get(username)}` };
  };
  const submit = async (text: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/public/feedback', remoteAddress: `10.1.0.${++address}`,
      payload: { kind: 'question', fullName: 'Trần Thị Bình', phone: PHONE, text } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().code as string;
  };
  const senderUpload = (code: string, bytes: Buffer, query: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: `/api/v1/public/feedback/${code}/attachments?${new URLSearchParams({ phone: PHONE, fileName: 'giay-hen.pdf', idempotencyKey: `fb-file-${++key}`, ...query })}`,
      headers: { 'content-type': 'application/octet-stream' }, payload: bytes });
  const staffUpload = async (username: string, code: string, bytes: Buffer, fileName = 'to-khai.pdf') =>
    app.inject({ method: 'POST', url: `/api/v1/feedback/${code}/attachments?${new URLSearchParams({ fileName, idempotencyKey: `fb-staff-file-${++key}` })}`,
      headers: { ...(await token(username)), 'content-type': 'application/pdf' }, payload: bytes });
  const act = async (username: string, code: string, body: Record<string, unknown>) => {
    const res = await app.inject({ method: 'POST', url: `/api/v1/feedback/${code}/actions`, headers: await token(username), payload: { idempotencyKey: `fb-file-act-${++key}`, ...body } });
    expect(res.statusCode, res.body).toBe(200);
  };
  const rows = async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM feedback_attachments`.execute(handle.db)).rows[0]!.n);

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    files = await temporaryFilesDir();
    const ctx = testContext(handle, clock, { filesDir: files.dir, uploadMaxMegabytes: 1, feedbackMaxPerAddress: 100 });
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
    await files?.remove();
  });

  it('takes the sender\'s file with code and phone, shows it to the handling unit only, and keeps it out of the public Q&A', async () => {
    const code = await submit('Cán bộ yêu cầu giấy hẹn này, có đúng không?');
    const pdf = await pdfFile('Giấy hẹn trả kết quả');
    const res = await senderUpload(code.toLowerCase(), pdf, { fileName: 'C:\\Users\\binh\\Giấy hẹn.pdf' });
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({ fileName: 'Giấy hẹn.pdf', mediaType: 'application/pdf', size: pdf.length, uploadedBy: 'sender', uploaderUsername: null });

    // The tracking page lists the names of the sender's own files.
    const tracked = (await app.inject({ url: `/api/v1/public/feedback/${code}?phone=${PHONE}` })).json();
    expect(tracked.attachments).toEqual([{ fileName: 'Giấy hẹn.pdf', size: pdf.length }]);

    // The Center (handling unit) sees and downloads it; another unit and anonymous callers do not.
    const detail = (await app.inject({ url: `/api/v1/feedback/${code}`, headers: await token('tn.TT74') })).json();
    expect(detail.attachments).toEqual([expect.objectContaining({ id: file.id, fileName: 'Giấy hẹn.pdf', downloadUrl: `/api/v1/feedback/${code}/attachments/${file.id}` })]);
    const download = await app.inject({ url: detail.attachments[0].downloadUrl, headers: await token('tn.TT74') });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''Gi%E1%BA%A5y%20h%E1%BA%B9n.pdf");
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await app.inject({ url: detail.attachments[0].downloadUrl, headers: await token('ld.STP74') })).statusCode).toBe(403);
    expect((await app.inject({ url: detail.attachments[0].downloadUrl })).statusCode).toBe(401);
    expect((await app.inject({ url: `/api/v1/feedback/${code}/attachments/not-a-uuid`, headers: await token('tn.TT74') })).statusCode).toBe(404);

    // Answered and published: the Q&A carries the texts only; the file is closed to further uploads.
    await act('gd.TT74', code, { type: 'accept' });
    await act('gd.TT74', code, { type: 'answer', text: 'Giấy hẹn là giấy tờ Trung tâm cấp khi tiếp nhận; không cần nộp lại.' });
    await act('gd.TT74', code, { type: 'publish' });
    const qa = await app.inject({ url: '/api/v1/public/questions?q=giay%20hen' });
    expect(qa.json().total).toBe(1);
    expect(qa.body).not.toContain(file.id);
    expect(qa.body).not.toContain('Giấy hẹn.pdf');
    expect(qa.body).not.toContain('attachment');
    const late = await senderUpload(code, await pngFile());
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('FEEDBACK_CLOSED');
  });

  it('refuses a wrong phone without revealing anything, and bad files, storing nothing', async () => {
    const code = await submit('Xin hỏi về lệ phí.');
    const before = await rows();
    const blobs = await files.blobCount();
    const pdf = await pdfFile('x');
    const wrongPhone = await senderUpload(code, pdf, { phone: '0911111111' });
    const unknownCode = await senderUpload('PA-241205-ZZZZZZ', pdf);
    expect(wrongPhone.statusCode).toBe(404);
    expect(unknownCode.statusCode).toBe(404);
    expect(wrongPhone.json().error).toEqual(unknownCode.json().error);

    const text = await senderUpload(code, Buffer.from('<script>alert(1)</script> not a pdf'), { fileName: 'fake.pdf' });
    expect(text.statusCode).toBe(400);
    expect(text.json().error.code).toBe('UNSUPPORTED_FILE_TYPE');
    const empty = await senderUpload(code, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const big = Buffer.concat([jpegFile(), Buffer.alloc(1024 * 1024)]);
    const tooBig = await senderUpload(code, big, { fileName: 'anh.jpg' });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.code).toBe('FILE_TOO_LARGE');
    expect(tooBig.json().error.message).toMatch(/dung lượng/);
    expect(await rows()).toBe(before);
    expect(await files.blobCount()).toBe(blobs);
  });

  it('keeps at most 5 files per message even when uploads race, and answers a retry with the first result', async () => {
    const code = await submit('Tôi gửi kèm ảnh các giấy tờ cán bộ yêu cầu.');
    const png = await pngFile('retry');
    const first = await senderUpload(code, png, { fileName: 'anh.png', idempotencyKey: 'fb-file-retry-1' });
    const again = await senderUpload(code, png, { fileName: 'anh.png', idempotencyKey: 'fb-file-retry-1' });
    expect(again.json()).toEqual(first.json());
    const results = await Promise.all(Array.from({ length: 7 }, async (_, i) => senderUpload(code, await pngFile(`ảnh ${i}`), { fileName: `anh-${i}.png` })));
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(4);
    expect(statuses.filter((s) => s === 409)).toHaveLength(3);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('TOO_MANY_ATTACHMENTS');
    expect(Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM feedback_attachments WHERE feedback_code = ${code}`.execute(handle.db)).rows[0]!.n)).toBe(5);
    await expect(sql`DELETE FROM feedback_attachments WHERE feedback_code = ${code}`.execute(handle.db)).rejects.toThrow(/append-only/);
  });

  it('lets the counter officer attach a paper to what they entered; after reassignment only the new unit opens it', async () => {
    const entered = await app.inject({ method: 'POST', url: '/api/v1/feedback', headers: await token('tn.TT74'),
      payload: { kind: 'feedback', fullName: 'Lê Văn Cường', phone: '0905123456', text: 'Ông Cường phản ánh bị yêu cầu giấy xác nhận cư trú.', idempotencyKey: 'fb-counter-file-1' } });
    expect(entered.statusCode, entered.body).toBe(201);
    const code = entered.json().code as string;
    expect((await staffUpload('cv.CAT74', code, await pdfFile('y'))).statusCode).toBe(403); // not theirs, not their unit
    const pdf = await pdfFile('Giấy xác nhận cư trú');
    const res = await staffUpload('tn.TT74', code, pdf, 'Giấy xác nhận cư trú.pdf');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ uploadedBy: 'staff', uploaderUsername: 'tn.TT74' });
    const audit = await sql<{ action: string; actor_username: string }>`SELECT action, actor_username FROM audit_log WHERE entity_id = ${code} AND action = 'feedback.attachment.upload'`.execute(handle.db);
    expect(audit.rows).toEqual([{ action: 'feedback.attachment.upload', actor_username: 'tn.TT74' }]);

    await act('tn.TT74', code, { type: 'reassign', toUnitCode: 'STP74', reason: 'Thuộc lĩnh vực hộ tịch, cư trú của Sở Tư pháp' });
    const detail = (await app.inject({ url: `/api/v1/feedback/${code}`, headers: await token('cv.STP74') })).json();
    expect(detail.channel).toBe('counter');
    expect(detail.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['Giấy xác nhận cư trú.pdf']);
    expect((await app.inject({ url: detail.attachments[0].downloadUrl, headers: await token('cv.STP74') })).statusCode).toBe(200);
    expect((await app.inject({ url: detail.attachments[0].downloadUrl, headers: await token('tn.TT74') })).statusCode).toBe(403);
  });
});
