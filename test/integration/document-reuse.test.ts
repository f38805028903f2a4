// Reuse of an applicant's digitised papers (tái sử dụng dữ liệu đã số hóa), on each engine: the officer of
// a new dossier sees the scans of the same applicant's earlier dossiers (by identity number, whichever point
// received them) and attaches one without scanning again — same bytes, its source named, idempotent,
// audited; another applicant's paper is never listed nor taken; a citizen may reuse only papers of their own
// verified identity; and the 766 index counts it (4.3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { pdfFile, temporaryFilesDir } from '../support/files.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import { reusableDocuments } from '../../src/services/document-reuse.ts';
import { isAppError } from '../../src/domain/errors.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import type { CitizenRecord } from '../../src/store/citizens.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

const AN_LINH = '25861';
const AN = '074090001234';
const BINH = '074090005678';

describe.each(ENGINES)('document reuse on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let ctx: ServiceContext;
  let files: Awaited<ReturnType<typeof temporaryFilesDir>>;
  let procedureCode: string;
  let first: string;
  let second: string;
  let other: string;
  let sourceId: string;
  let scan: Buffer;
  const clock = testClock('2024-12-05T09:00:00+07:00');
  const tokens = new Map<string, string>();

  const auth = async (username: string) => {
    if (!tokens.has(username)) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      expect(res.statusCode, res.body).toBe(200);
      tokens.set(username, res.json().token);
    }
    return { authorization: `Bearer ${tokens.get(username)}` };
  };
  const file = async (officer: string, key: string, idNumber: string, fullName: string) => {
    const res = await app.inject({
      method: 'POST', url: '/api/v1/dossiers', headers: await auth(officer),
      payload: { procedureCode, idempotencyKey: key, applicant: { kind: 'citizen', fullName, idNumber, phone: '0912345678', address: { communeCode: AN_LINH } } },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().code as string;
  };
  const reuse = async (officer: string, code: string, body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/attachments/reuse`, headers: await auth(officer), payload: body });
  const rows = async () => Number((await handle.db.selectFrom('dossier_attachments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    files = await temporaryFilesDir();
    ctx = testContext(handle, clock, { filesDir: files.dir });
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    const list = (await app.inject({ url: '/api/v1/procedures?level=commune&locationFree=true&at=2024-12-05&q=khai%20sinh&limit=50' })).json();
    procedureCode = list.items.find((p: { processingDays: number | null }) => p.processingDays !== null).code;
    // An's first dossier at one Branch, with a scanned paper; later a second dossier at another Branch.
    first = await file('tn.CN724', 'reuse-intake-1', AN, 'Nguyễn Văn An');
    scan = await pdfFile('Giấy khai sinh của Nguyễn Văn An');
    const uploaded = await app.inject({
      method: 'POST', url: `/api/v1/dossiers/${first}/attachments?${new URLSearchParams({ fileName: 'giay-khai-sinh.pdf', documentName: 'Giấy khai sinh', idempotencyKey: 'reuse-upload-1' })}`,
      headers: { ...(await auth('tn.CN724')), 'content-type': 'application/pdf' }, payload: scan,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    sourceId = uploaded.json().id;
    clock.set('2024-12-10T10:00:00+07:00');
    tokens.clear(); // staff sessions last hours, not days
    second = await file('tn.CN718', 'reuse-intake-2', AN, 'Nguyễn Văn An');
    other = await file('tn.CN718', 'reuse-intake-3', BINH, 'Trần Thị Bình');
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
    await files?.remove();
  });

  it('lists the same applicant\'s earlier scans to the officer of the new dossier, at another point, and audits the read', async () => {
    const res = await app.inject({ url: `/api/v1/dossiers/${second}/reusable-documents`, headers: await auth('tn.CN718') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({
      attachmentId: sourceId, dossierCode: first, documentName: 'Giấy khai sinh', fileName: 'giay-khai-sinh.pdf', mediaType: 'application/pdf', size: scan.length,
    })]);
    const audit = await handle.db.selectFrom('audit_log').select(['actor_username', 'entity_id']).where('action', '=', 'dossier.reusable_documents.read').execute();
    expect(audit).toEqual([{ actor_username: 'tn.CN718', entity_id: second }]);
    // Another applicant has nothing to reuse; an officer outside the dossier's units sees nothing at all.
    expect((await app.inject({ url: `/api/v1/dossiers/${other}/reusable-documents`, headers: await auth('tn.CN718') })).json().items).toEqual([]);
    const outside = await app.inject({ url: `/api/v1/dossiers/${second}/reusable-documents`, headers: await auth('tn.CN724') });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('OUT_OF_SCOPE');
  });

  it('attaches the earlier scan without a new upload: same bytes, source named, a retry answers the same row', async () => {
    const before = await rows();
    const res = await reuse('tn.CN718', second, { sourceAttachmentId: sourceId, idempotencyKey: 'key-reuse-1' });
    expect(res.statusCode, res.body).toBe(201);
    const attachment = res.json();
    expect(attachment).toMatchObject({ dossierCode: second, documentName: 'Giấy khai sinh', fileName: 'giay-khai-sinh.pdf', reusedFrom: { dossierCode: first, attachmentId: sourceId },
      uploadedBy: { kind: 'staff', id: 'tn.CN718' } });
    const replay = await reuse('tn.CN718', second, { sourceAttachmentId: sourceId, idempotencyKey: 'key-reuse-1' });
    expect(replay.json().id).toBe(attachment.id);
    expect(await rows()).toBe(before + 1);
    const download = await app.inject({ url: attachment.downloadUrl, headers: await auth('tn.CN718') });
    expect(download.statusCode).toBe(200);
    expect(Buffer.compare(download.rawPayload, scan)).toBe(0);
    const listed = (await app.inject({ url: `/api/v1/dossiers/${second}/attachments`, headers: await auth('tn.CN718') })).json().items;
    expect(listed.map((a: { reusedFrom: unknown }) => a.reusedFrom)).toEqual([{ dossierCode: first, attachmentId: sourceId }]);
    const audit = await handle.db.selectFrom('audit_log').select(['details']).where('action', '=', 'dossier.attachment.reuse').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ sourceDossier: first, sourceAttachmentId: sourceId });
  });

  it('refuses another applicant\'s paper as if it did not exist, and bad input, changing nothing', async () => {
    const before = await rows();
    const stolen = await reuse('tn.CN718', other, { sourceAttachmentId: sourceId, idempotencyKey: 'key-reuse-stolen' });
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json().error).toMatchObject({ code: 'REUSABLE_DOCUMENT_NOT_FOUND' });
    expect(stolen.json().error.message).toMatch(/giấy tờ/);
    const self = await reuse('tn.CN724', first, { sourceAttachmentId: sourceId, idempotencyKey: 'key-reuse-self' });
    expect(self.json().error.code).toBe('REUSABLE_DOCUMENT_NOT_FOUND');
    const malformed = await reuse('tn.CN718', second, { sourceAttachmentId: 'not-a-uuid', idempotencyKey: 'key-reuse-bad' });
    expect(malformed.json().error.code).toBe('REUSABLE_DOCUMENT_NOT_FOUND');
    const missingKey = await reuse('tn.CN718', second, { sourceAttachmentId: sourceId });
    expect(missingKey.statusCode).toBe(400);
    const outside = await reuse('tn.CN724', second, { sourceAttachmentId: sourceId, idempotencyKey: 'key-reuse-outside' });
    expect(outside.statusCode).toBe(403);
    expect(await rows()).toBe(before);
  });

  it('lets a citizen reuse only papers of their own verified identity', async () => {
    const citizen = (idNumber: string | null): CitizenRecord => ({
      id: '00000000-0000-4000-8000-000000000001', oidcIssuer: 'test', oidcSubject: 's', fullName: 'Nguyễn Văn An', idNumber, phone: null, email: null, communeCode: null, addressDetail: null,
    });
    const origin = { requestId: 'test', address: '127.0.0.1', userAgent: 'vitest' };
    const mine = await reusableDocuments(ctx, { kind: 'citizen', citizen: citizen(AN) }, second, origin);
    expect(mine.map((d) => d.attachmentId)).toEqual([sourceId]);
    for (const who of [citizen(BINH), citizen(null)]) {
      const refused = await reusableDocuments(ctx, { kind: 'citizen', citizen: who }, second, origin).catch((e: unknown) => e);
      expect(isAppError(refused) && refused.code).toBe('REUSE_NEEDS_IDENTITY');
    }
  });

  it('counts the dossier with a reused paper in the 766 index (4.3)', async () => {
    const res = await app.inject({ url: '/api/v1/stats/index-766?unitCode=UBND74&period=month&at=2024-12-15', headers: await auth('admin') });
    expect(res.statusCode, res.body).toBe(200);
    const indicator = res.json().groups.flatMap((g: { indicators: Array<{ id: string }> }) => g.indicators).find((i: { id: string }) => i.id === '4.3');
    // Three dossiers received in December, one of them with a reused scan; full points from 80%.
    expect(indicator).toMatchObject({ status: 'scored', count: 1, total: 3 });
    expect(indicator.points).toBeCloseTo(Math.floor((5 * (1 / 3) / 0.8) * 100) / 100, 2);
  });
});
