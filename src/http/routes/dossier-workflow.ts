// The dossier's workflow beyond the contract actions: the paper file's journey (handover, receipt,
// monitoring), inter-agency sub-dossiers, and the leader's view of the unit's work.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { confirmPaperReceipt, dispatchPaper, listPaperWatch, paperTransfersOf, type HandoverBody, type PaperWatchQuery } from '../../services/paper-transfers.ts';
import { actOnSubDossier, getSubDossier, openSubDossier, type OpenSubDossierBody, type SubDossierActionBody } from '../../services/sub-dossiers.ts';
import { unitWorkload } from '../../services/unit-workload.ts';
import { getDossier } from '../../services/dossier-read.ts';
import type { ServiceContext } from '../../services/context.ts';
import { errorResponseSchema } from '../error-handler.ts';
import { originOf, requireStaff } from '../staff-auth.ts';

const staffSecurity: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const CodeParams = Type.Object({ code: Type.String({ maxLength: 60 }) });
const TransferParams = Type.Object({ code: Type.String({ maxLength: 60 }), seq: Type.Integer({ minimum: 1, maximum: 10_000 }) });
const HandoverSchema = Type.Object(
  { idempotencyKey: Type.String({ minLength: 1, maxLength: 200 }), note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);

export function dossierWorkflowRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/dossiers/:code/paper-transfers', {
    schema: { tags: ['dossiers'], summary: 'Hành trình hồ sơ giấy: từng lượt chuyển (ai chuyển, ai nhận, lúc nào) và hạn chuyển', security: staffSecurity,
      params: CodeParams, response: errors },
  }, async (request) => {
    const actor = await requireStaff(ctx, request);
    const { code } = request.params as { code: string };
    await getDossier(ctx, actor, code, originOf(request)); // scope check (and its log) as for the dossier
    return { items: await paperTransfersOf(ctx, code, ctx.now().getTime()) };
  });

  app.post('/dossiers/:code/paper-transfers/:seq/dispatch', {
    schema: { tags: ['dossiers'], summary: 'Ghi nhận đơn vị chuyển đã bàn giao hồ sơ giấy (hồ sơ bổ sung, kết quả)', security: staffSecurity,
      params: TransferParams, body: HandoverSchema, response: errors },
  }, async (request) => {
    const actor = await requireStaff(ctx, request);
    const { code, seq } = request.params as { code: string; seq: number };
    return dispatchPaper(ctx, actor, code, seq, request.body as HandoverBody, originOf(request));
  });

  app.post('/dossiers/:code/paper-transfers/:seq/receipt', {
    schema: { tags: ['dossiers'], summary: 'Xác nhận đơn vị nhận (cơ quan giải quyết, nơi trả kết quả) đã nhận hồ sơ giấy', security: staffSecurity,
      params: TransferParams, body: HandoverSchema, response: errors },
  }, async (request) => {
    const actor = await requireStaff(ctx, request);
    const { code, seq } = request.params as { code: string; seq: number };
    return confirmPaperReceipt(ctx, actor, code, seq, request.body as HandoverBody, originOf(request));
  });

  app.get('/paper-transfers', {
    schema: {
      tags: ['dossiers'],
      summary: 'Giám sát chuyển hồ sơ giấy của đơn vị tôi: chưa chuyển (quá hạn, sắp đến hạn) và chưa nhận',
      security: staffSecurity,
      querystring: Type.Object({
        direction: Type.Optional(Type.String({ enum: ['outgoing', 'incoming', 'both'], default: 'both' })),
        watch: Type.Optional(Type.String({ enum: ['attention', 'overdue', 'due_soon', 'on_track', 'no_deadline', 'in_transit'] })),
        subtree: Type.Optional(Type.Boolean()),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
      }, { additionalProperties: false }),
      response: errors,
    },
  }, async (request) => {
    const actor = await requireStaff(ctx, request);
    const q = request.query as { direction?: PaperWatchQuery['direction']; watch?: PaperWatchQuery['watch']; subtree?: boolean; limit?: number };
    return listPaperWatch(ctx, actor, { direction: q.direction ?? 'both', watch: q.watch, subtree: q.subtree, limit: q.limit ?? 100 });
  });

  app.post('/dossiers/:code/sub-dossiers', {
    schema: {
      tags: ['dossiers'],
      summary: 'Mở hồ sơ liên thông: xin ý kiến / phần việc của cơ quan phối hợp, với thời hạn riêng',
      security: staffSecurity,
      params: CodeParams,
      body: Type.Object({
        coordinatingUnitCode: Type.String({ minLength: 1, maxLength: 50 }),
        request: Type.String({ maxLength: 2000 }),
        days: Type.Optional(Type.Number({ minimum: 0, maximum: 365 })),
        hours: Type.Optional(Type.Number({ minimum: 0, maximum: 3000 })),
        idempotencyKey: Type.String({ minLength: 1, maxLength: 200 }),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({}, { additionalProperties: true }), ...errors },
    },
  }, async (request, reply) => {
    const actor = await requireStaff(ctx, request);
    const answer = await openSubDossier(ctx, actor, (request.params as { code: string }).code, request.body as OpenSubDossierBody, originOf(request));
    return reply.status(201).send(answer);
  });

  app.get('/sub-dossiers/:code', {
    schema: { tags: ['dossiers'], summary: 'Một hồ sơ liên thông (cơ quan phối hợp, hoặc đơn vị của hồ sơ chính)', security: staffSecurity,
      params: CodeParams, response: errors },
  }, async (request) => {
    const actor = await requireStaff(ctx, request);
    return getSubDossier(ctx, actor, (request.params as { code: string }).code, originOf(request));
  });

  app.post('/sub-dossiers/:code/actions', {
    schema: {
      tags: ['dossiers'],
      summary: 'Xử lý hồ sơ liên thông: assign (lãnh đạo cơ quan phối hợp), answer (trả lời), close (cơ quan chủ trì đóng, nêu lý do)',
      security: staffSecurity,
      params: CodeParams,
      body: Type.Object({
        type: Type.String({ enum: ['assign', 'answer', 'close'] }),
        assignee: Type.Optional(Type.String({ maxLength: 64 })),
        answer: Type.Optional(Type.String({ maxLength: 2000 })),
        reason: Type.Optional(Type.String({ maxLength: 2000 })),
        idempotencyKey: Type.String({ minLength: 1, maxLength: 200 }),
      }, { additionalProperties: false }),
      response: errors,
    },
  }, async (request) => {
    const actor = await requireStaff(ctx, request);
    return actOnSubDossier(ctx, actor, (request.params as { code: string }).code, request.body as SubDossierActionBody, originOf(request));
  });

  app.get('/desk/workload', {
    schema: {
      tags: ['dossiers'],
      summary: 'Công việc của đơn vị (lãnh đạo): theo từng cán bộ, quá hạn, sắp đến hạn, chưa phân công',
      security: staffSecurity,
      querystring: Type.Object({ unitCode: Type.Optional(Type.String({ maxLength: 50 })) }, { additionalProperties: false }),
      response: errors,
    },
  }, async (request) => {
    const actor = await requireStaff(ctx, request, ['leader', 'manager', 'admin']);
    return unitWorkload(ctx, actor, (request.query as { unitCode?: string }).unitCode, originOf(request));
  });
}
