// Restructuring the network (contract: POST /admin/restructure { plan, dryRun }), plus the list of plans,
// the bundled Bình Dương plans and undo of a plan not yet in effect.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { bundledPlans, plansOf, submitPlan, undoPlan } from '../../services/restructure.ts';
import { networkPlanning } from '../../services/restructure-planning.ts';
import type { ServiceContext } from '../../services/context.ts';
import { requireStaff } from '../staff-auth.ts';
import { errorResponseSchema } from '../error-handler.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const security: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const ImpactSchema = Type.Object(
  {
    unitsCreated: Type.Integer(),
    unitsClosed: Type.Integer(),
    dossiersMoved: Type.Integer(),
    ticketsMoved: Type.Integer(),
    staffMoved: Type.Integer(),
  },
  { additionalProperties: true },
);

export function restructureRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post(
    '/admin/restructure',
    {
      schema: {
        tags: ['admin'],
        summary: 'Xem trước (dryRun) hoặc áp dụng phương án sắp xếp mạng lưới đơn vị (định dạng v1)',
        security,
        body: Type.Object({ plan: Type.Unknown(), dryRun: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ planId: Type.String(), version: Type.Union([Type.Integer(), Type.Null()]), applied: Type.Boolean(), status: Type.String(), effectiveAt: Type.String(), impact: ImpactSchema }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, ['admin']);
      const body = request.body as { plan: unknown; dryRun?: boolean };
      return submitPlan(ctx, actor, body.plan, body.dryRun ?? true);
    },
  );

  const Num = Type.Number();
  const NumOrNull = Type.Union([Type.Number(), Type.Null()]);
  app.post(
    '/admin/restructure/planning',
    {
      schema: {
        tags: ['admin'],
        summary: 'Quy hoạch mạng lưới của một phương án: số điểm theo huyện trước/sau, cán bộ và quầy mỗi điểm, tải lịch sử phải nhận thêm, thời gian chờ ước tính',
        security,
        body: Type.Object({ plan: Type.Unknown() }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            planId: Type.String(),
            effectiveAt: Type.String(),
            window: Type.Object({ from: Type.String(), to: Type.String(), observedDays: Type.Integer() }),
            method: Type.String(),
            districts: Type.Array(Type.Object({
              code: Type.Union([Type.String(), Type.Null()]), name: Type.String(), pointsBefore: Type.Integer(), pointsAfter: Type.Integer(),
              staffBefore: Type.Integer(), staffAfter: Type.Integer(), visitsPerDay: Num,
            })),
            points: Type.Array(Type.Object({
              code: Type.String(), name: Type.String(), type: Type.String(), districtCode: Type.Union([Type.String(), Type.Null()]),
              state: Type.String({ enum: ['kept', 'created', 'closed'] }), successor: Type.Union([Type.String(), Type.Null()]),
              staffBefore: Type.Integer(), staffAfter: Type.Integer(), countersBefore: Type.Integer(), countersAfter: Type.Integer(),
              visitsPerDayBefore: Num, visitsPerDayAfter: Num, absorbedPerDay: Num,
              waitMinutesBefore: NumOrNull, waitMinutesAfter: NumOrNull, saturatedAfter: Type.Boolean(),
            })),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, ['admin']);
      return networkPlanning(ctx, actor, (request.body as { plan: unknown }).plan);
    },
  );

  app.get('/admin/restructure', { schema: { tags: ['admin'], summary: 'Các phương án sắp xếp đã lập', security, response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }), ...errors } } }, async (request) => {
    const actor = await requireStaff(ctx, request, ['admin']);
    return { items: await plansOf(ctx, actor) };
  });

  app.get('/admin/restructure/bundled', { schema: { tags: ['admin'], summary: 'Phương án sắp xếp kèm theo (Bình Dương giai đoạn 2, 3 và cải cách 01/07/2025)', security, response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }), ...errors } } }, async (request) => {
    const actor = await requireStaff(ctx, request, ['admin']);
    return { items: await bundledPlans(ctx, actor) };
  });

  app.post(
    '/admin/restructure/:planId/undo',
    { schema: { tags: ['admin'], summary: 'Hủy phương án chưa đến thời điểm hiệu lực', security, params: Type.Object({ planId: Type.String({ maxLength: 100 }) }), response: { 200: Type.Object({ planId: Type.String(), undone: Type.Boolean() }), ...errors } } },
    async (request) => {
      const actor = await requireStaff(ctx, request, ['admin']);
      return undoPlan(ctx, actor, (request.params as { planId: string }).planId);
    },
  );
}
