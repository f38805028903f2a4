// Staff routes accept the session cookie set at sign-in or `Authorization: Bearer <token>`.
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../domain/errors.ts';
import { authenticate } from '../services/auth.ts';
import type { Actor, RequestOrigin, ServiceContext } from '../services/context.ts';
import type { Role } from '../domain/staff/roles.ts';

export const SESSION_COOKIE = 'motcua_session';

export function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return request.cookies[SESSION_COOKIE];
}

export async function requireStaff(ctx: ServiceContext, request: FastifyRequest, roles?: readonly Role[]): Promise<Actor> {
  const token = tokenOf(request);
  const actor = token ? await authenticate(ctx, token) : undefined;
  if (!actor) throw unauthorized('UNAUTHENTICATED', 'Vui lòng đăng nhập (phiên làm việc không hợp lệ hoặc đã hết hạn).');
  if (roles && !actor.roles.some((r) => roles.includes(r))) {
    throw forbidden('FORBIDDEN_ROLE', 'Tài khoản không có vai trò được phép thực hiện thao tác này.', { requiredRoles: roles });
  }
  return actor;
}

export function originOf(request: FastifyRequest): RequestOrigin {
  return { address: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: request.id };
}
