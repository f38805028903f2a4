// Reuse of an applicant's digitised papers over HTTP (tái sử dụng dữ liệu đã số hóa): the list of scans in
// their earlier dossiers, and attaching one of them to this dossier — for the officer at the counter and
// for the citizen on the portal.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { reusableDocuments, reuseDocument, type ReuseRequest } from '../../services/document-reuse.ts';
import { requireUploadExpected } from '../../services/portal/citizen-dossiers.ts';
import type { ServiceContext } from '../../services/context.ts';
import { errorResponseSchema } from '../error-handler.ts';
import { originOf, requireStaff } from '../staff-auth.ts';
import { requireCitizen } from '../citizen-auth.ts';
import { AttachmentSchema, withUrl } from './dossier-attachments.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const Params = Type.Object({ code: Type.String({ maxLength: 60 }) });
const ReusableList = Type.Object({
  items: Type.Array(Type.Object({
    attachmentId: Type.String(), dossierCode: Type.String(), procedureName: Type.String(), receivedAt: Type.String(),
    documentName: Type.Union([Type.String(), Type.Null()]), fileName: Type.String(), mediaType: Type.String(), size: Type.Integer(), uploadedAt: Type.String(),
  })),
});
const ReuseBody = Type.Object({
  sourceAttachmentId: Type.String({ minLength: 1, maxLength: 60 }),
  documentName: Type.Optional(Type.String({ maxLength: 1000 })),
  idempotencyKey: Type.String({ minLength: 1, maxLength: 200 }),
}, { additionalProperties: false });

export function documentReuseRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const staffSecurity: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
  const citizenSecurity: Array<Record<string, string[]>> = [{ citizenCookie: [] }];

  app.get('/dossiers/:code/reusable-documents', {
    schema: { tags: ['dossiers'], summary: 'Giấy tờ đã số hóa trong các hồ sơ trước đây của người nộp (cùng số giấy tờ), có thể dùng lại', security: staffSecurity,
      params: Params, response: { 200: ReusableList, ...errors } },
  }, async (request) => {
    const actor = await requireStaff(ctx, request);
    return { items: await reusableDocuments(ctx, { kind: 'staff', actor }, (request.params as { code: string }).code, originOf(request)) };
  });

  app.post('/dossiers/:code/attachments/reuse', {
    schema: { tags: ['dossiers'], summary: 'Dùng lại một giấy tờ đã số hóa của người nộp cho hồ sơ này (không scan lại)', security: staffSecurity,
      params: Params, body: ReuseBody, response: { 201: AttachmentSchema, ...errors } },
  }, async (request, reply) => {
    const actor = await requireStaff(ctx, request);
    const answer = await reuseDocument(ctx, { kind: 'staff', actor }, (request.params as { code: string }).code, request.body as ReuseRequest, originOf(request));
    return reply.status(201).send(withUrl(answer));
  });

  app.get('/citizen/dossiers/:code/reusable-documents', {
    schema: { tags: ['citizen'], summary: 'Giấy tờ đã số hóa của tôi trong các hồ sơ trước, có thể dùng lại cho hồ sơ này', security: citizenSecurity,
      params: Params, response: { 200: ReusableList, ...errors } },
  }, async (request) => {
    const citizen = await requireCitizen(ctx, request);
    return { items: await reusableDocuments(ctx, { kind: 'citizen', citizen }, (request.params as { code: string }).code, originOf(request)) };
  });

  app.post('/citizen/dossiers/:code/attachments/reuse', {
    // Answered like the citizen's upload (no staff download link).
    schema: { tags: ['citizen'], summary: 'Dùng lại giấy tờ đã số hóa của tôi khi nộp hoặc bổ sung hồ sơ', security: citizenSecurity,
      params: Params, body: ReuseBody },
  }, async (request, reply) => {
    const citizen = await requireCitizen(ctx, request);
    const code = (request.params as { code: string }).code;
    await requireUploadExpected(ctx, citizen, code);
    const answer = await reuseDocument(ctx, { kind: 'citizen', citizen }, code, request.body as ReuseRequest, originOf(request));
    return reply.status(201).send(answer);
  });
}
