// Scanned attachments over HTTP. Upload = the raw file as the request body (Content-Type is ignored: the
// content decides), with its name, checklist item, checksum and idempotency key in the query string:
//   curl -X POST --data-binary @don.pdf "…/dossiers/CODE/attachments?fileName=don.pdf&sha256=…&idempotencyKey=…"
// The officer is authenticated before the body is read, and the body is read only up to the size limit.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  downloadAttachment,
  fileTooLarge,
  listDossierAttachments,
  maxUploadBytes,
  uploadAttachment,
  type AttachmentView,
} from '../../services/dossier-attachments.ts';
import { contentDisposition, downloadName, FILE_RESPONSE_CSP, type AttachmentMediaType } from '../../domain/files/attachment-rules.ts';
import type { Actor, ServiceContext } from '../../services/context.ts';
import { errorResponseSchema } from '../error-handler.ts';
import { originOf, requireStaff } from '../staff-auth.ts';

const staffSecurity: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

export const AttachmentSchema = Type.Object({
  id: Type.String(),
  dossierCode: Type.String(),
  documentName: Type.Union([Type.String(), Type.Null()]),
  fileName: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  uploadedBy: Type.Object({
    kind: Type.String(), id: Type.String(), name: Type.String(), unitCode: Type.Union([Type.String(), Type.Null()]),
  }),
  uploadedAt: Type.String(),
  /** Set when the scan was reused from an earlier dossier of the same applicant. */
  reusedFrom: Type.Union([Type.Object({ dossierCode: Type.String(), attachmentId: Type.String() }), Type.Null()]),
  downloadUrl: Type.String(),
});

const Params = Type.Object({ code: Type.String({ maxLength: 60 }) });

export const withUrl = (a: AttachmentView) => ({ ...a, downloadUrl: `/api/v1/dossiers/${encodeURIComponent(a.dossierCode)}/attachments/${a.id}` });

export function dossierAttachmentRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  void app.register(async (scope) => uploadRoute(scope, ctx));

  app.get(
    '/dossiers/:code/attachments',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Các tệp đính kèm (bản scan thành phần hồ sơ) của hồ sơ, cũ nhất trước',
        security: staffSecurity,
        params: Params,
        response: { 200: Type.Object({ items: Type.Array(AttachmentSchema) }), ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request);
      const items = await listDossierAttachments(ctx, actor, (request.params as { code: string }).code, originOf(request));
      return { items: items.map(withUrl) };
    },
  );

  app.get(
    '/dossiers/:code/attachments/:id',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Tải một tệp đính kèm (nội dung kiểm tra lại theo SHA-256); disposition=inline để xem trên trình duyệt',
        security: staffSecurity,
        params: Type.Object({ code: Type.String({ maxLength: 60 }), id: Type.String({ maxLength: 60 }) }),
        querystring: Type.Object({ disposition: Type.Optional(Type.String({ enum: ['attachment', 'inline'] })) }, { additionalProperties: false }),
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
        response: errors,
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request);
      const { code, id } = request.params as { code: string; id: string };
      const { disposition } = request.query as { disposition?: 'attachment' | 'inline' };
      const { attachment, bytes } = await downloadAttachment(ctx, actor, code, id, originOf(request));
      return reply
        .type(attachment.mediaType)
        .header('content-disposition', contentDisposition(downloadName(attachment.fileName, attachment.mediaType as AttachmentMediaType), disposition ?? 'attachment'))
        .header('cache-control', 'private, no-store')
        .header('etag', `"${attachment.sha256}"`)
        .header('content-security-policy', FILE_RESPONSE_CSP)
        .send(bytes);
    },
  );
}

const actors = new WeakMap<FastifyRequest, Actor>();

function uploadRoute(scope: FastifyInstance, ctx: ServiceContext): void {
  acceptFileBodies(scope, ctx);

  scope.post(
    '/dossiers/:code/attachments',
    {
      onRequest: async (request) => {
        actors.set(request, await requireStaff(ctx, request));
      },
      schema: {
        tags: ['dossiers'],
        summary: 'Đính kèm bản scan (PDF, JPEG, PNG; nhận diện theo nội dung, giới hạn dung lượng, kiểm tra SHA-256): thân yêu cầu là nội dung tệp',
        security: staffSecurity,
        params: Params,
        querystring: Type.Object({
          fileName: Type.String({ minLength: 1, maxLength: 1000 }),
          documentName: Type.Optional(Type.String({ maxLength: 1000 })),
          sha256: Type.Optional(Type.String({ maxLength: 100 })),
          idempotencyKey: Type.String({ minLength: 1, maxLength: 200 }),
        }, { additionalProperties: false }),
        consumes: ['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream'],
        response: { 201: AttachmentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = actors.get(request) ?? (await requireStaff(ctx, request));
      const query = request.query as { fileName: string; documentName?: string; sha256?: string; idempotencyKey: string };
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const answer = await uploadAttachment(ctx, { kind: 'staff', actor }, {
        dossierCode: (request.params as { code: string }).code,
        bytes,
        fileName: query.fileName,
        documentName: query.documentName,
        sha256: query.sha256,
        idempotencyKey: query.idempotencyKey,
      }, originOf(request));
      return reply.status(201).send(withUrl(answer));
    },
  );
}

/** In this scope every body is a file: read as bytes whatever its declared type, never past the limit.
 * Also used by the citizen portal's upload route. */
export function acceptFileBodies(scope: FastifyInstance, ctx: ServiceContext): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', (request, payload, done) => {
    const max = maxUploadBytes(ctx);
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) {
      payload.resume();
      done(fileTooLarge(max, declared), undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    payload.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > max) {
        settled = true;
        done(fileTooLarge(max), undefined);
        return;
      }
      chunks.push(chunk);
    });
    payload.on('end', () => {
      if (!settled) done(null, Buffer.concat(chunks, size));
    });
    payload.on('error', (error) => {
      if (settled) return;
      settled = true;
      done(error, undefined);
    });
  });
}
