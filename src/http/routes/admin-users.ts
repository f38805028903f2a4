import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { changeStaff, createStaff, type NewStaffRequest, type StaffPatch } from '../../services/staff-admin.ts';
import type { ServiceContext } from '../../services/context.ts';
import { originOf, requireStaff } from '../staff-auth.ts';
import { errorResponseSchema } from '../error-handler.ts';

const RoleSchema = Type.String({ enum: ['admin', 'reception', 'processing', 'leader', 'manager'] });
const StaffSchema = Type.Object({
  username: Type.String(),
  fullName: Type.String(),
  unitCode: Type.String(),
  roles: Type.Array(Type.String()),
  active: Type.Boolean(),
});
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

export function adminUserRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post(
    '/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Tạo tài khoản cán bộ (trong phạm vi đơn vị của quản trị viên)',
        security: [{ bearer: [] }, { cookie: [] }],
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64 }),
            fullName: Type.String({ minLength: 1, maxLength: 200 }),
            unitCode: Type.String({ minLength: 1, maxLength: 50 }),
            roles: Type.Array(RoleSchema, { minItems: 1, maxItems: 5 }),
            password: Type.String({ minLength: 1, maxLength: 200 }),
            idempotencyKey: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: StaffSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, ['admin']);
      const { idempotencyKey, ...body } = request.body as NewStaffRequest & { idempotencyKey?: string };
      const key = idempotencyKey ?? (request.headers['idempotency-key'] as string | undefined);
      const created = await createStaff(ctx, actor, body, key, originOf(request));
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/admin/users/:username',
    {
      schema: {
        tags: ['admin'],
        summary: 'Sửa hoặc khóa tài khoản cán bộ; tài khoản bị khóa không đăng nhập được và các phiên bị kết thúc',
        security: [{ bearer: [] }, { cookie: [] }],
        params: Type.Object({ username: Type.String({ maxLength: 64 }) }),
        body: Type.Object(
          {
            active: Type.Optional(Type.Boolean()),
            unitCode: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
            roles: Type.Optional(Type.Array(RoleSchema, { minItems: 1, maxItems: 5 })),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: StaffSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, ['admin']);
      const { username } = request.params as { username: string };
      return changeStaff(ctx, actor, username, request.body as StaffPatch, originOf(request));
    },
  );
}
