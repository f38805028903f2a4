import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { changeStaff, createStaff, type NewStaffRequest, type StaffPatch } from '../../services/staff-admin.ts';
import type { ServiceContext } from '../../services/context.ts';
import { originOf, requireStaff } from '../staff-auth.ts';
import { errorResponseSchema } from '../error-handler.ts';
import { forceSignOut, issuePasswordResetLink, searchStaff, type StaffQuery } from '../../services/staff-accounts.ts';
import { formatInstantVN } from '../../domain/time/instant.ts';

const RoleSchema = Type.String({ enum: ['admin', 'reception', 'processing', 'leader', 'manager'] });
const StaffSchema = Type.Object({
  username: Type.String(),
  fullName: Type.String(),
  unitCode: Type.String(),
  roles: Type.Array(Type.String()),
  active: Type.Boolean(),
  counterCodes: Type.Optional(Type.Array(Type.String())),
  serviceGroups: Type.Optional(Type.Array(Type.String())),
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
            counterCodes: Type.Optional(Type.Array(Type.String({ maxLength: 10 }), { maxItems: 50, description: 'quầy được phân công; rỗng: mọi quầy của đơn vị' })),
            serviceGroups: Type.Optional(Type.Array(Type.String({ maxLength: 10 }), { maxItems: 50, description: 'nhóm dịch vụ được phân công; rỗng: mọi nhóm của quầy' })),
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

const StaffListItemSchema = Type.Object({
  username: Type.String(),
  fullName: Type.String(),
  unitCode: Type.String(),
  unitName: Type.String(),
  roles: Type.Array(Type.String()),
  active: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  lastSignInAt: Type.Union([Type.String(), Type.Null()]),
  counterCodes: Type.Array(Type.String()),
  serviceGroups: Type.Array(Type.String()),
});

export function adminUserAccountRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Danh sách cán bộ trong phạm vi đơn vị của quản trị viên (tìm theo tên, lọc theo đơn vị, vai trò, trạng thái)',
        security: [{ bearer: [] }, { cookie: [] }],
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          unitCode: Type.Optional(Type.String({ maxLength: 50 })),
          role: Type.Optional(RoleSchema),
          active: Type.Optional(Type.Boolean()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(StaffListItemSchema), total: Type.Integer() }), ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, ['admin']);
      const { items, total } = await searchStaff(ctx, actor, request.query as StaffQuery);
      return { total, items: items.map((i) => ({ ...i, createdAt: formatInstantVN(i.createdAt.getTime()), updatedAt: formatInstantVN(i.updatedAt.getTime()),
        lastSignInAt: i.lastSignInAt ? formatInstantVN(i.lastSignInAt.getTime()) : null })) };
    },
  );

  app.post(
    '/admin/users/:username/sign-out',
    {
      schema: {
        tags: ['admin'],
        summary: 'Buộc đăng xuất: kết thúc mọi phiên của tài khoản',
        security: [{ bearer: [] }, { cookie: [] }],
        params: Type.Object({ username: Type.String({ maxLength: 64 }) }),
        response: { 200: Type.Object({ username: Type.String(), sessionsEnded: Type.Integer() }), ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, ['admin']);
      return forceSignOut(ctx, actor, (request.params as { username: string }).username, originOf(request));
    },
  );

  app.post(
    '/admin/users/:username/password-reset',
    {
      schema: {
        tags: ['admin'],
        summary: 'Cấp liên kết đặt lại mật khẩu dùng một lần, hết hạn sau 24 giờ (liên kết cũ chưa dùng bị hủy)',
        security: [{ bearer: [] }, { cookie: [] }],
        params: Type.Object({ username: Type.String({ maxLength: 64 }) }),
        response: { 201: Type.Object({ username: Type.String(), token: Type.String(), path: Type.String(), expiresAt: Type.String() }), ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, ['admin']);
      const link = await issuePasswordResetLink(ctx, actor, (request.params as { username: string }).username, originOf(request));
      return reply.status(201).send({ ...link, expiresAt: formatInstantVN(link.expiresAt.getTime()) });
    },
  );
}
