// Self-service for a signed-in officer (trang "Tài khoản"), and the public end of a password reset link.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { changeOwnPassword, ownSessions, resetPasswordWithToken, revokeOwnOtherSessions } from '../../services/self-service.ts';
import type { ServiceContext } from '../../services/context.ts';
import { formatInstantVN } from '../../domain/time/instant.ts';
import { originOf, requireStaff, tokenOf } from '../staff-auth.ts';
import { errorResponseSchema } from '../error-handler.ts';

const security: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 429: errorResponseSchema };

export function accountRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu của chính mình; các phiên khác kết thúc',
        security,
        body: Type.Object(
          { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ sessionsEnded: Type.Integer() }), ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request);
      return changeOwnPassword(ctx, actor, tokenOf(request)!, request.body as { currentPassword: string; newPassword: string }, originOf(request));
    },
  );

  app.get(
    '/auth/sessions',
    {
      schema: {
        tags: ['auth'],
        summary: 'Các phiên đăng nhập còn hiệu lực của chính mình',
        security,
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), current: Type.Boolean(), createdAt: Type.String(), expiresAt: Type.String(),
            address: Type.Union([Type.String(), Type.Null()]), userAgent: Type.Union([Type.String(), Type.Null()]) })) }),
          401: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request);
      const sessions = await ownSessions(ctx, actor, tokenOf(request)!);
      return { items: sessions.map((s) => ({ ...s, createdAt: formatInstantVN(s.createdAt.getTime()), expiresAt: formatInstantVN(s.expiresAt.getTime()) })) };
    },
  );

  app.post(
    '/auth/sessions/revoke-others',
    {
      schema: {
        tags: ['auth'],
        summary: 'Kết thúc mọi phiên khác của chính mình (giữ phiên đang dùng)',
        security,
        response: { 200: Type.Object({ sessionsEnded: Type.Integer() }), 401: errorResponseSchema },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request);
      return revokeOwnOtherSessions(ctx, actor, tokenOf(request)!, originOf(request));
    },
  );

  app.post(
    '/auth/password-reset',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đặt mật khẩu mới bằng liên kết dùng một lần do quản trị viên cấp; mọi phiên của tài khoản kết thúc',
        body: Type.Object(
          { token: Type.String({ minLength: 1, maxLength: 200 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ username: Type.String() }), 400: errorResponseSchema },
      },
    },
    async (request) => resetPasswordWithToken(ctx, request.body as { token: string; password: string }, originOf(request)),
  );
}
