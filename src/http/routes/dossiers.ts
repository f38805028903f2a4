import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { receiveDossier, type IntakeRequest } from '../../services/dossier-intake.ts';
import { actOnDossier, type ActionBody } from '../../services/dossier-actions.ts';
import { getDossier, listMyDossiers, lookupPublic, type MyDossiersQuery } from '../../services/dossier-read.ts';
import type { ServiceContext } from '../../services/context.ts';
import { errorResponseSchema } from '../error-handler.ts';
import { originOf, requireStaff } from '../staff-auth.ts';

const staffSecurity: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const Text = (max = 2000) => Type.String({ maxLength: max });

export function dossierRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post(
    '/dossiers',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Tiếp nhận hồ sơ tại đơn vị của cán bộ (phi địa giới: cơ quan giải quyết theo cấp thủ tục và xã của người nộp)',
        security: staffSecurity,
        body: Type.Object(
          {
            procedureCode: Type.String({ minLength: 1, maxLength: 100 }),
            applicant: Type.Object({}, { additionalProperties: true, description: '{ kind: citizen|organization, fullName, idNumber, phone, email?, address { communeCode, detail? }, representative? }' }),
            returnUnitCode: Type.Optional(Type.String({ maxLength: 50 })),
            returnByPost: Type.Optional(Type.Boolean()),
            channel: Type.Optional(Type.String({ enum: ['direct', 'postal'] })),
            documents: Type.Optional(Type.Array(Type.Object({
              name: Text(500),
              originals: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
              certifiedCopies: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
              photocopies: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
            }, { additionalProperties: false }), { maxItems: 100, description: 'the checklist as received; when given, every required paper of the procedure (and case) must be there, else 400 DOCUMENTS_MISSING' })),
            caseName: Type.Optional(Type.String({ maxLength: 1000, description: 'the procedure case (trường hợp) as published' })),
            propertyCommuneCode: Type.Optional(Type.String({ maxLength: 10, description: 'land and building procedures: the commune of the property (routes the dossier)' })),
            returnAddress: Type.Optional(Type.String({ maxLength: 500, description: 'postal address of the result, with returnByPost' })),
            fee: Type.Optional(Type.Object({
              amount: Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 }),
              receiptNumber: Type.Optional(Type.String({ maxLength: 100 })),
            }, { additionalProperties: false, description: 'fee and charge collected at the counter, VND' })),
            ticketId: Type.Optional(Type.String({ maxLength: 100, description: 'the queue ticket the applicant was called with' })),
            idempotencyKey: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            code: Type.String(), status: Type.String(), receivedAt: Type.String(), dueAt: Type.String(),
            receivingUnitCode: Type.String(), competentUnitCode: Type.String(), returnUnitCode: Type.String(),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request);
      const answer = await receiveDossier(ctx, actor, request.body as IntakeRequest, originOf(request));
      return reply.status(201).send(answer);
    },
  );

  app.get(
    '/dossiers',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Hồ sơ của đơn vị tôi (subtree=true: cả các đơn vị cấp dưới), việc gấp nhất trước',
        security: staffSecurity,
        querystring: Type.Object({
          status: Type.Optional(Type.String({ maxLength: 40 })),
          subtree: Type.Optional(Type.Boolean()),
          step: Type.Optional(Type.String({ maxLength: 40, description: 'bước quy trình: receive, forward, assign, process, review, approve, deliver_result, return' })),
          overdue: Type.Optional(Type.Boolean()),
          handler: Type.Optional(Type.String({ maxLength: 64, description: 'tên đăng nhập cán bộ đang giữ hồ sơ, "me" hoặc "none" (chưa phân công)' })),
          side: Type.Optional(Type.String({ enum: ['receiving', 'competent', 'return'], description: 'only dossiers where my unit is on this side (return: results to hand over here)' })),
          q: Type.Optional(Type.String({ maxLength: 100, description: 'dossier code, applicant phone or ID number, or words of the applicant name' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request);
      return listMyDossiers(ctx, actor, request.query as MyDossiersQuery);
    },
  );

  app.get(
    '/dossiers/:code',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Hồ sơ với dòng thời gian các bước, đồng hồ thời hạn và các thao tác tôi được làm lúc này',
        security: staffSecurity,
        params: Type.Object({ code: Type.String({ maxLength: 60 }) }),
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request);
      return getDossier(ctx, actor, (request.params as { code: string }).code, originOf(request));
    },
  );

  app.post(
    '/dossiers/:code/actions',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Một bước xử lý hồ sơ (transfer, assign, forward, request_supplement, receive_supplement, pause, resume, extend, reject, approve, record_result, return_result, withdraw)',
        security: staffSecurity,
        params: Type.Object({ code: Type.String({ maxLength: 60 }) }),
        body: Type.Object(
          {
            type: Type.String({ maxLength: 40 }),
            idempotencyKey: Type.String({ minLength: 1, maxLength: 200 }),
            note: Type.Optional(Text()),
            reason: Type.Optional(Text()),
            assignee: Type.Optional(Type.String({ maxLength: 64 })),
            toStep: Type.Optional(Type.String({ maxLength: 60 })),
            direction: Type.Optional(Type.String({ enum: ['next', 'back'] })),
            to: Type.Optional(Type.String({ maxLength: 64 })),
            missingDocuments: Type.Optional(Type.Array(Text(500), { maxItems: 50 })),
            extension: Type.Optional(Type.Object({
              kind: Type.String({ enum: ['added', 'newTimeLimit', 'newDueAt'] }),
              days: Type.Optional(Type.Number({ minimum: 0, maximum: 3650 })),
              hours: Type.Optional(Type.Number({ minimum: 0, maximum: 30000 })),
              dueAt: Type.Optional(Type.String({ maxLength: 40 })),
            }, { additionalProperties: false })),
            resultNumber: Type.Optional(Text(200)),
            signer: Type.Optional(Text(200)),
            signedAt: Type.Optional(Type.String({ maxLength: 40 })),
            fileRef: Type.Optional(Text(500)),
            method: Type.Optional(Type.String({ enum: ['counter', 'post'] })),
            recipientName: Type.Optional(Text(200)),
            recipientRole: Type.Optional(Type.String({ enum: ['applicant', 'representative'], description: 'return at the counter: who collects' })),
            recipientIdNumber: Type.Optional(Type.String({ maxLength: 20, description: 'return at the counter: the CCCD shown, checked against the dossier' })),
            authorisation: Type.Optional(Text(250)),
            postalTrackingNumber: Type.Optional(Text(100)),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ code: Type.String(), action: Type.String(), seq: Type.Integer(), status: Type.String(), dueAt: Type.Union([Type.String(), Type.Null()]), at: Type.String() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request);
      return actOnDossier(ctx, actor, (request.params as { code: string }).code, request.body as ActionBody, originOf(request));
    },
  );

  app.get(
    '/public/dossiers/:code',
    {
      schema: {
        tags: ['public'],
        summary: 'Tra cứu hồ sơ: cần mã hồ sơ và số điện thoại (hoặc số giấy tờ) của người nộp',
        params: Type.Object({ code: Type.String({ maxLength: 60 }) }),
        querystring: Type.Object({ phone: Type.Optional(Type.String({ maxLength: 20 })), idNumber: Type.Optional(Type.String({ maxLength: 20 })) }, { additionalProperties: false }),
        response: { 404: errorResponseSchema, 400: errorResponseSchema },
      },
    },
    async (request) => lookupPublic(ctx, (request.params as { code: string }).code, request.query as { phone?: string; idNumber?: string }),
  );
}
