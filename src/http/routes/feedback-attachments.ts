// Files sent with a question or feedback, as the raw file body (the dossier scans' upload rules):
//   the sender, right after sending: POST /public/feedback/{code}/attachments?phone=…&fileName=…&idempotencyKey=…
//   an officer (entered at a counter, or the handling unit): POST /feedback/{code}/attachments?fileName=…
//   the handling unit downloads: GET /feedback/{code}/attachments/{id}
// The list comes with the message (GET /feedback/{code}); nothing here is ever public.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { downloadFeedbackAttachment, uploadFeedbackAttachment, type FeedbackUploader } from '../../services/feedback/feedback-attachments.ts';
import { contentDisposition, downloadName, FILE_RESPONSE_CSP, type AttachmentMediaType } from '../../domain/files/attachment-rules.ts';
import type { Actor, ServiceContext } from '../../services/context.ts';
import { errorResponseSchema } from '../error-handler.ts';
import { originOf, requireStaff } from '../staff-auth.ts';
import { acceptFileBodies } from './dossier-attachments.ts';

const staffSecurity: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream'];
const Code = Type.Object({ code: Type.String({ maxLength: 60 }) });
const UploadQuery = {
  fileName: Type.String({ minLength: 1, maxLength: 1000 }),
  sha256: Type.Optional(Type.String({ maxLength: 100 })),
  idempotencyKey: Type.String({ minLength: 1, maxLength: 200 }),
};
const AttachmentSchema = Type.Object({
  id: Type.String(), fileName: Type.String(), mediaType: Type.String(), size: Type.Integer(),
  uploadedBy: Type.String(), uploaderUsername: Type.Union([Type.String(), Type.Null()]), uploadedAt: Type.String(),
});

type UploadQueryValue = { fileName: string; sha256?: string; idempotencyKey: string; phone?: string };

export function feedbackAttachmentRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  void app.register(async (scope) => uploadRoutes(scope, ctx));

  app.get('/feedback/:code/attachments/:id', {
    schema: {
      tags: ['feedback'],
      summary: 'Tải tệp đính kèm của câu hỏi, phản ánh (chỉ đơn vị đang xử lý); disposition=inline để xem trên trình duyệt',
      security: staffSecurity,
      params: Type.Object({ code: Type.String({ maxLength: 60 }), id: Type.String({ maxLength: 60 }) }),
      querystring: Type.Object({ disposition: Type.Optional(Type.String({ enum: ['attachment', 'inline'] })) }, { additionalProperties: false }),
      produces: ['application/pdf', 'image/jpeg', 'image/png'],
      response: errors,
    },
  }, async (request, reply) => {
    const actor = await requireStaff(ctx, request);
    const { code, id } = request.params as { code: string; id: string };
    const { disposition } = request.query as { disposition?: 'attachment' | 'inline' };
    const { attachment, bytes } = await downloadFeedbackAttachment(ctx, actor, code, id, originOf(request));
    return reply
      .type(attachment.mediaType)
      .header('content-disposition', contentDisposition(downloadName(attachment.fileName, attachment.mediaType as AttachmentMediaType), disposition ?? 'attachment'))
      .header('cache-control', 'private, no-store')
      .header('content-security-policy', FILE_RESPONSE_CSP)
      .send(bytes);
  });
}

const actors = new WeakMap<FastifyRequest, Actor>();

function uploadRoutes(scope: FastifyInstance, ctx: ServiceContext): void {
  acceptFileBodies(scope, ctx);
  const upload = async (request: FastifyRequest, uploader: FeedbackUploader) => {
    const query = request.query as UploadQueryValue;
    const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    return uploadFeedbackAttachment(ctx, (request.params as { code: string }).code, uploader,
      { bytes, fileName: query.fileName, sha256: query.sha256, idempotencyKey: query.idempotencyKey }, originOf(request));
  };

  scope.post('/public/feedback/:code/attachments', {
    schema: {
      tags: ['public'],
      summary: 'Người gửi đính kèm tệp (PDF, JPEG, PNG; tối đa 5 tệp) vào câu hỏi, phản ánh: cần mã theo dõi và số điện thoại; thân yêu cầu là nội dung tệp',
      params: Code,
      querystring: Type.Object({ phone: Type.String({ maxLength: 30 }), ...UploadQuery }, { additionalProperties: false }),
      consumes: FILE_TYPES,
      response: { 201: AttachmentSchema, ...errors },
    },
  }, async (request, reply) => reply.status(201).send(await upload(request, { kind: 'sender', phone: (request.query as UploadQueryValue).phone })));

  scope.post('/feedback/:code/attachments', {
    // Authenticated before the body is read.
    onRequest: async (request) => {
      actors.set(request, await requireStaff(ctx, request));
    },
    schema: {
      tags: ['feedback'],
      summary: 'Cán bộ đính kèm tệp vào câu hỏi, phản ánh (đã ghi nhận tại quầy, hoặc thuộc đơn vị): thân yêu cầu là nội dung tệp',
      security: staffSecurity,
      params: Code,
      querystring: Type.Object(UploadQuery, { additionalProperties: false }),
      consumes: FILE_TYPES,
      response: { 201: AttachmentSchema, ...errors },
    },
  }, async (request, reply) => {
    const actor = actors.get(request) ?? (await requireStaff(ctx, request));
    return reply.status(201).send(await upload(request, { kind: 'staff', actor }));
  });
}
