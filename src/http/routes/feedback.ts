// Questions and feedback: the contract's public pair (POST /public/feedback, GET /public/feedback/{code}),
// the sender's rating and added information, the public Q&A, and the officers' list, page, actions,
// counter entry, indicators and a dossier's complaints.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { submitFeedback, type SubmitRequest } from '../../services/feedback/feedback-submit.ts';
import { actOnFeedback, type FeedbackActionBody } from '../../services/feedback/feedback-actions.ts';
import { addFeedbackInformation, lookupFeedback, rateFeedback } from '../../services/feedback/feedback-citizen.ts';
import { complaintsForDossier, feedbackIndicatorsFor, getFeedback, listFeedback, searchPublicQuestions, type FeedbackListParams } from '../../services/feedback/feedback-read.ts';
import type { ServiceContext } from '../../services/context.ts';
import { errorResponseSchema } from '../error-handler.ts';
import { originOf, requireStaff } from '../staff-auth.ts';

const staffSecurity: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 429: errorResponseSchema };
// Lengths are checked by the domain with Vietnamese messages; the schema only caps what is read.
const Text = (max: number) => Type.String({ maxLength: max });
const KINDS = ['question', 'feedback', 'complaint', 'suggestion'];

const SubmitBody = Type.Object(
  {
    kind: Type.String({ enum: KINDS }),
    procedureCode: Type.Optional(Text(1000)),
    dossierCode: Type.Optional(Text(1000)),
    field: Type.Optional(Text(1000)),
    fullName: Text(1000),
    phone: Text(100),
    email: Type.Optional(Text(1000)),
    text: Text(100_000),
    website: Type.Optional(Type.String({ maxLength: 1000, description: 'honeypot: leave empty (hidden from people)' })),
    idempotencyKey: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
const SubmitAnswer = Type.Object({ code: Type.String(), status: Type.String(), dueAt: Type.String() });
const Code = Type.Object({ code: Type.String({ maxLength: 60 }) });

export function feedbackRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post('/public/feedback', {
    schema: {
      tags: ['public'],
      summary: 'Gửi câu hỏi, phản ánh, kiến nghị (không cần đăng nhập): trả về mã theo dõi và hạn trả lời',
      body: SubmitBody,
      response: { 201: SubmitAnswer, ...errors },
    },
  }, async (request, reply) => reply.status(201).send(await submitFeedback(ctx, request.body as SubmitRequest, originOf(request))));

  app.get('/public/feedback/:code', {
    schema: {
      tags: ['public'],
      summary: 'Theo dõi câu hỏi, phản ánh: cần mã theo dõi và số điện thoại người gửi',
      params: Code,
      querystring: Type.Object({ phone: Type.Optional(Type.String({ maxLength: 30 })) }, { additionalProperties: false }),
      response: { 400: errorResponseSchema, 404: errorResponseSchema },
    },
  }, async (request) => lookupFeedback(ctx, (request.params as { code: string }).code, (request.query as { phone?: string }).phone));

  app.post('/public/feedback/:code/rating', {
    schema: {
      tags: ['public'],
      summary: 'Người gửi đánh giá câu trả lời (hài lòng / không hài lòng), một lần',
      params: Code,
      body: Type.Object({ phone: Type.String({ maxLength: 30 }), satisfied: Type.Boolean(), comment: Type.Optional(Text(5000)) }, { additionalProperties: false }),
      response: errors,
    },
  }, async (request) => rateFeedback(ctx, (request.params as { code: string }).code, request.body as { phone: string; satisfied: boolean; comment?: string }, originOf(request)));

  app.post('/public/feedback/:code/information', {
    schema: {
      tags: ['public'],
      summary: 'Người gửi bổ sung thông tin theo đề nghị của đơn vị',
      params: Code,
      body: Type.Object({ phone: Type.String({ maxLength: 30 }), text: Text(100_000) }, { additionalProperties: false }),
      response: errors,
    },
  }, async (request) => addFeedbackInformation(ctx, (request.params as { code: string }).code, request.body as { phone: string; text: string }, originOf(request)));

  app.get('/public/questions', {
    schema: {
      tags: ['public'],
      summary: 'Hỏi đáp công khai: câu trả lời đã công khai (ẩn danh), theo thủ tục và tìm không dấu',
      querystring: Type.Object({
        q: Type.Optional(Type.String({ maxLength: 1000 })),
        procedureCode: Type.Optional(Type.String({ maxLength: 100 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
        offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
      }, { additionalProperties: false }),
    },
  }, async (request) => searchPublicQuestions(ctx, request.query as { q?: string; procedureCode?: string; limit: number; offset: number }));

  app.post('/feedback', {
    schema: {
      tags: ['feedback'],
      summary: 'Cán bộ ghi nhận câu hỏi, phản ánh của người dân tại quầy',
      security: staffSecurity,
      body: Type.Object({ ...SubmitBody.properties, idempotencyKey: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
      response: { 201: SubmitAnswer, ...errors },
    },
  }, async (request, reply) => {
    const actor = await requireStaff(ctx, request, ['reception', 'processing', 'leader', 'manager']);
    return reply.status(201).send(await submitFeedback(ctx, request.body as SubmitRequest, originOf(request), { channel: 'counter', actor }));
  });

  app.get('/feedback', {
    schema: {
      tags: ['feedback'],
      summary: 'Câu hỏi, phản ánh của đơn vị: đang mở, quá hạn hoặc tất cả; việc gấp nhất trước',
      security: staffSecurity,
      querystring: Type.Object({
        filter: Type.Optional(Type.String({ enum: ['open', 'overdue', 'all'], default: 'open' })),
        subtree: Type.Optional(Type.Boolean()),
        unitCode: Type.Optional(Type.String({ maxLength: 50 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
      }, { additionalProperties: false }),
    },
  }, async (request) => listFeedback(ctx, await requireStaff(ctx, request), request.query as FeedbackListParams));

  app.get('/feedback/indicators', {
    schema: {
      tags: ['feedback'],
      summary: 'Chỉ số 5.1–5.3 (phân loại, đúng hạn, hài lòng) và số hồ sơ có phản ánh (5.4) của đơn vị trong kỳ',
      security: staffSecurity,
      querystring: Type.Object({
        from: Type.String({ maxLength: 40 }),
        to: Type.String({ maxLength: 40 }),
        unitCode: Type.Optional(Type.String({ maxLength: 50 })),
      }, { additionalProperties: false }),
    },
  }, async (request) => feedbackIndicatorsFor(ctx, await requireStaff(ctx, request), request.query as { from: string; to: string; unitCode?: string }));

  app.get('/feedback/:code', {
    schema: { tags: ['feedback'], summary: 'Một câu hỏi, phản ánh: nội dung, lịch sử, các thời hạn và thao tác được làm', security: staffSecurity, params: Code },
  }, async (request) => getFeedback(ctx, await requireStaff(ctx, request), (request.params as { code: string }).code, originOf(request)));

  app.post('/feedback/:code/actions', {
    schema: {
      tags: ['feedback'],
      summary: 'Xử lý câu hỏi, phản ánh: accept, refuse, request_info, info_received, answer, publish, reassign',
      security: staffSecurity,
      params: Code,
      body: Type.Object({
        type: Type.String({ maxLength: 40 }),
        idempotencyKey: Type.String({ minLength: 1, maxLength: 200 }),
        reason: Type.Optional(Text(20_000)),
        text: Type.Optional(Text(100_000)),
        toUnitCode: Type.Optional(Type.String({ maxLength: 50 })),
        publicQuestion: Type.Optional(Text(100_000)),
        publicAnswer: Type.Optional(Text(100_000)),
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({ code: Type.String(), action: Type.String(), seq: Type.Integer(), status: Type.String(), unitCode: Type.String(), at: Type.String() }),
        ...errors,
      },
    },
  }, async (request) => actOnFeedback(ctx, await requireStaff(ctx, request), (request.params as { code: string }).code, request.body as FeedbackActionBody, originOf(request)));

  app.get('/dossiers/:code/complaints', {
    schema: { tags: ['feedback'], summary: 'Phản ánh gắn với hồ sơ (đã xác minh số điện thoại người nộp)', security: staffSecurity, params: Code },
  }, async (request) => complaintsForDossier(ctx, await requireStaff(ctx, request), (request.params as { code: string }).code, originOf(request)));
}
