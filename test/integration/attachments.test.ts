// Scanned attachments through the API, on each engine: recognised by content, size-limited, stored once
// per content under its SHA-256, checksum verified, idempotent, audited, scoped like the dossier — and a
// refused upload leaves neither bytes nor a row behind.
import { createHash } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { jpegFile, pdfFile, pngFile, temporaryFilesDir } from '../support/files.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import { uploadAttachment } from '../../src/services/dossier-attachments.ts';
import { FilesystemBlobStorage } from '../../src/services/storage/index.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

const AN_LINH = '25861';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.each(ENGINES)('attachments on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let ctx: ServiceContext;
  let files: Awaited<ReturnType<typeof temporaryFilesDir>>;
  let code: string;
  const clock = testClock('2024-12-05T09:00:00+07:00');
  const tokens = new Map<string, string>();
  let keyCounter = 0;

  const token = async (username: string) => {
    if (!tokens.has(username)) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      expect(res.statusCode, res.body).toBe(200);
      tokens.set(username, res.json().token);
    }
    return { authorization: `Bearer ${tokens.get(username)}` };
  };
  const upload = async (username: string | null, bytes: Buffer, query: Record<string, string> = {}, contentType = 'application/pdf', dossier = code) => {
    const params = new URLSearchParams({ fileName: 'Đơn đề nghị.pdf', idempotencyKey: `upload-${++keyCounter}-key`, ...query });
    return app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${dossier}/attachments?${params}`,
      headers: { ...(username ? await token(username) : {}), 'content-type': contentType },
      payload: bytes,
    });
  };
  const rowCount = async () =>
    Number((await handle.db.selectFrom('dossier_attachments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    files = await temporaryFilesDir();
    ctx = testContext(handle, clock, { filesDir: files.dir, uploadMaxMegabytes: 1 });
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    const list = (await app.inject({ url: '/api/v1/procedures?level=commune&locationFree=true&at=2024-12-05&q=khai%20sinh&limit=50' })).json();
    const procedure = list.items.find((p: { processingDays: number | null }) => p.processingDays !== null && p.processingDays >= 3);
    const filed = await app.inject({
      method: 'POST', url: '/api/v1/dossiers', headers: await token('tn.CN724'),
      payload: { procedureCode: procedure.code, idempotencyKey: 'attachments-intake-1',
        applicant: { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '074090001234', phone: '0912345678', address: { communeCode: AN_LINH } } },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    code = filed.json().code;
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
    await files?.remove();
  });

  it('stores a PDF scan under its SHA-256 and serves it back to officers of the dossier', async () => {
    const pdf = await pdfFile('Đơn đề nghị đăng ký khai sinh');
    const res = await upload('tn.CN724', pdf, { sha256: sha256(pdf).toUpperCase(), documentName: ' Tờ khai  đăng ký khai sinh ' });
    expect(res.statusCode, res.body).toBe(201);
    const attachment = res.json();
    expect(attachment).toMatchObject({
      dossierCode: code, fileName: 'Đơn đề nghị.pdf', documentName: 'Tờ khai đăng ký khai sinh', mediaType: 'application/pdf', size: pdf.length,
      sha256: sha256(pdf), uploadedBy: { kind: 'staff', id: 'tn.CN724', unitCode: 'CN724' }, uploadedAt: '2024-12-05T09:00:00+07:00',
    });
    const stored = new FilesystemBlobStorage(files.dir).pathOf(sha256(pdf));
    expect(await readFile(stored)).toEqual(pdf);

    // The competent commune's officer sees it too (the dossier is theirs to decide).
    const list = await app.inject({ url: `/api/v1/dossiers/${code}/attachments`, headers: await token(`cv.UBX${AN_LINH}`) });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((a: { id: string }) => a.id)).toContain(attachment.id);

    const download = await app.inject({ url: attachment.downloadUrl, headers: await token(`cv.UBX${AN_LINH}`) });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Don de nghi.pdf"; filename*=UTF-8''${encodeURIComponent('Đơn đề nghị.pdf')}`);
    expect(download.rawPayload).toEqual(pdf);
    const inline = await app.inject({ url: `${attachment.downloadUrl}?disposition=inline`, headers: await token('tn.CN724') });
    expect(inline.headers['content-disposition']).toMatch(/^inline; /);

    const audit = await handle.db.selectFrom('audit_log').select(['action', 'actor_username']).where('entity_id', '=', code)
      .where('action', 'like', 'dossier.attachment.%').execute();
    expect(audit).toEqual(expect.arrayContaining([
      { action: 'dossier.attachment.upload', actor_username: 'tn.CN724' },
      { action: 'dossier.attachment.download', actor_username: `cv.UBX${AN_LINH}` },
    ]));
  });

  it('recognises JPEG and PNG by content, whatever the name and declared type say', async () => {
    const png = await pngFile('anh-chan-dung');
    const asPng = await upload('tn.CN724', png, { fileName: 'ảnh chân dung.jpg' }, 'application/octet-stream');
    expect(asPng.statusCode, asPng.body).toBe(201);
    expect(asPng.json().mediaType).toBe('image/png');
    const download = await app.inject({ url: asPng.json().downloadUrl, headers: await token('tn.CN724') });
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('ảnh chân dung.jpg.png'));
    const jpeg = await upload('tn.CN724', jpegFile(), { fileName: 'cccd.jpg' }, 'image/jpeg');
    expect(jpeg.statusCode, jpeg.body).toBe(201);
    expect(jpeg.json().mediaType).toBe('image/jpeg');
  });

  it('keeps the same bytes once, and answers a retried upload with the first answer', async () => {
    const pdf = await pdfFile('Bản sao giấy chứng nhận kết hôn');
    const blobsBefore = await files.blobCount();
    const rowsBefore = await rowCount();
    const first = await upload('tn.CN724', pdf, { idempotencyKey: 'same-upload-key-1' });
    const retried = await upload('tn.CN724', pdf, { idempotencyKey: 'same-upload-key-1' });
    expect(first.statusCode, first.body).toBe(201);
    expect(retried.json()).toEqual(first.json());
    const again = await upload('tn.CN724', pdf, { idempotencyKey: 'other-upload-key-2', documentName: 'Bản sao giấy chứng nhận kết hôn' });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).not.toBe(first.json().id);
    expect(await files.blobCount()).toBe(blobsBefore + 1);
    expect(await rowCount()).toBe(rowsBefore + 2);

    const reused = await upload('tn.CN724', await pdfFile('khác'), { idempotencyKey: 'same-upload-key-1' });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses a wrong type, an oversized file, an empty body and a mismatched checksum — storing nothing', async () => {
    const blobsBefore = await files.blobCount();
    const rowsBefore = await rowCount();
    const pdf = await pdfFile('hợp lệ');
    const cases: Array<[Promise<Awaited<ReturnType<typeof upload>>>, number, string]> = [
      [upload('tn.CN724', Buffer.from('Xin chào, đây là văn bản thường'), { fileName: 'gia-mao.pdf' }), 400, 'UNSUPPORTED_FILE_TYPE'],
      [upload('tn.CN724', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), { fileName: 'anh.gif' }, 'image/gif'), 400, 'UNSUPPORTED_FILE_TYPE'],
      [upload('tn.CN724', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), { fileName: 'virus.pdf' }), 400, 'UNSUPPORTED_FILE_TYPE'],
      [upload('tn.CN724', Buffer.concat([pdf, Buffer.alloc(1024 * 1024)])), 400, 'FILE_TOO_LARGE'],
      [upload('tn.CN724', Buffer.alloc(0)), 400, 'EMPTY_FILE'],
      [upload('tn.CN724', pdf, { sha256: sha256(Buffer.from('something else')) }), 400, 'CHECKSUM_MISMATCH'],
      [upload('tn.CN724', pdf, { sha256: 'abc' }), 400, 'INVALID_CHECKSUM'],
      [upload('tn.CN724', pdf, { fileName: '../' }), 400, 'INVALID_FILE_NAME'],
    ];
    for (const [pending, status, errorCode] of cases) {
      const res = await pending;
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(errorCode);
      expect(res.json().error.message).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/i);
    }
    expect(await files.blobCount()).toBe(blobsBefore);
    expect(await rowCount()).toBe(rowsBefore);
  });

  it('keeps attachments to officers of the dossier and logs the denial', async () => {
    const pdf = await pdfFile('ngoài phạm vi');
    const rowsBefore = await rowCount();
    const unauthenticated = await upload(null, pdf);
    expect(unauthenticated.statusCode).toBe(401);
    const outsider = await upload('tn.CN719', pdf);
    expect(outsider.statusCode).toBe(403);
    expect((await app.inject({ url: `/api/v1/dossiers/${code}/attachments`, headers: await token('tn.CN719') })).statusCode).toBe(403);
    const [first] = (await app.inject({ url: `/api/v1/dossiers/${code}/attachments`, headers: await token('tn.CN724') })).json().items;
    expect((await app.inject({ url: first.downloadUrl, headers: await token('tn.CN719') })).statusCode).toBe(403);
    expect(await rowCount()).toBe(rowsBefore);
    const denied = await handle.db.selectFrom('audit_log').select('actor_username').where('action', '=', 'dossier.access_denied')
      .where('entity_id', '=', code).execute();
    expect(denied.length).toBeGreaterThanOrEqual(3);
    expect((await app.inject({ url: `/api/v1/dossiers/${code}/attachments/00000000-0000-0000-0000-000000000000`, headers: await token('tn.CN724') })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/v1/dossiers/${code}/attachments/not-an-id`, headers: await token('tn.CN724') })).statusCode).toBe(404);
    expect((await upload('tn.CN724', pdf, {}, 'application/pdf', 'NO-SUCH-CODE')).statusCode).toBe(404);
  });

  it('lets another caller upload with the citizen as the uploader', async () => {
    const png = await pngFile('citizen-upload');
    const view = await uploadAttachment(ctx, { kind: 'citizen', citizenId: 'c-123', fullName: 'Nguyễn Văn An' },
      { dossierCode: code, bytes: png, fileName: 'giay-to.png', documentName: 'Giấy chứng sinh', sha256: sha256(png), idempotencyKey: 'portal-upload-1' },
      { address: '127.0.0.1', userAgent: null, requestId: null });
    expect(view).toMatchObject({ mediaType: 'image/png', uploadedBy: { kind: 'citizen', id: 'c-123', name: 'Nguyễn Văn An', unitCode: null } });
    const audit = await handle.db.selectFrom('audit_log').select(['actor_username', 'actor_roles']).where('action', '=', 'dossier.attachment.upload')
      .where('actor_username', '=', 'citizen:c-123').execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses to serve bytes that no longer match their SHA-256', async () => {
    const pdf = await pdfFile('sẽ bị hỏng');
    const res = await upload('tn.CN724', pdf);
    const path = new FilesystemBlobStorage(files.dir).pathOf(sha256(pdf));
    await chmod(path, 0o644);
    await writeFile(path, Buffer.concat([pdf, Buffer.from('tampered')]));
    const download = await app.inject({ url: res.json().downloadUrl, headers: await token('tn.CN724') });
    expect(download.statusCode).toBe(500);
    expect(download.body).not.toContain('tampered');
  });
});
