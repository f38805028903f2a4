import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { readAudit, type AuditQuery } from '../../services/audit-viewer.ts';
import type { ServiceContext } from '../../services/context.ts';
import { formatInstantVN } from '../../domain/time/instant.ts';
import { requireStaff } from '../staff-auth.ts';
import { errorResponseSchema } from '../error-handler.ts';

const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorUsername: Type.Union([Type.String(), Type.Null()]),
  actorRoles: Type.Array(Type.String()),
  actorUnitCode: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Unknown(),
  requestId: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
});

export function adminAuditRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/admin/audit',
    {
      schema: {
        tags: ['admin'],
        summary: 'Nhật ký thay đổi (ai, khi nào, trước → sau); quản trị viên cấp tỉnh xem tất cả, cấp dưới xem thao tác của cán bộ trong đơn vị mình',
        security: [{ bearer: [] }, { cookie: [] }],
        querystring: Type.Object({
          entityType: Type.Optional(Type.String({ maxLength: 50 })),
          entityId: Type.Optional(Type.String({ maxLength: 200 })),
          actor: Type.Optional(Type.String({ maxLength: 64 })),
          action: Type.Optional(Type.String({ maxLength: 100 })),
          from: Type.Optional(Type.String({ maxLength: 40, description: 'YYYY-MM-DD (00:00 +07:00) or an ISO 8601 instant' })),
          to: Type.Optional(Type.String({ maxLength: 40, description: 'YYYY-MM-DD (that whole day included) or an ISO 8601 instant (exclusive)' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(AuditEntrySchema), total: Type.Integer() }), 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, ['admin']);
      const { items, total } = await readAudit(ctx, actor, request.query as AuditQuery);
      return { total, items: items.map((e) => ({ ...e, at: formatInstantVN(e.at.getTime()) })) };
    },
  );
}
