import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { login, logout } from '../../services/auth.ts';
import type { Actor, ServiceContext } from '../../services/context.ts';
import { originOf, requireStaff, SESSION_COOKIE, tokenOf } from '../staff-auth.ts';
import { errorResponseSchema } from '../error-handler.ts';

const UserSchema = Type.Object({
  username: Type.String(),
  fullName: Type.String(),
  unitCode: Type.String(),
  unitName: Type.String(),
  roles: Type.Array(Type.String()),
});

const publicUser = (actor: Actor) => ({
  username: actor.username,
  fullName: actor.fullName,
  unitCode: actor.unitCode,
  unitName: actor.unitName,
  roles: actor.roles,
});

export function authRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập cán bộ: trả về token và đặt cookie phiên',
        body: Type.Object(
          { username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ token: Type.String(), expiresAt: Type.String(), user: UserSchema }),
          400: errorResponseSchema,
          401: errorResponseSchema,
          429: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const body = request.body as { username: string; password: string };
      const result = await login(ctx, body, originOf(request));
      void reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: ctx.settings.cookieSecure,
        expires: result.expiresAt,
      });
      return { token: result.token, expiresAt: result.expiresAt.toISOString(), user: publicUser(result.user) };
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Cán bộ đang đăng nhập',
        security: [{ bearer: [] }, { cookie: [] }],
        response: { 200: Type.Object({ user: UserSchema }), 401: errorResponseSchema },
      },
    },
    async (request) => ({ user: publicUser(await requireStaff(ctx, request)) }),
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đăng xuất: kết thúc phiên',
        security: [{ bearer: [] }, { cookie: [] }],
        response: { 200: Type.Object({ ok: Type.Boolean() }), 401: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request);
      await logout(ctx, tokenOf(request)!, actor, originOf(request));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );
}
