// Staff routes accept the session cookie set at sign-in or `Authorization: Bearer <token>`.
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
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

// One session lookup per request, shared by the authentication hook and the handler.
const authenticated = new WeakMap<FastifyRequest, Promise<Actor | undefined>>();

export async function requireStaff(ctx: ServiceContext, request: FastifyRequest, roles?: readonly Role[]): Promise<Actor> {
  let lookup = authenticated.get(request);
  if (!lookup) {
    const token = tokenOf(request);
    lookup = token ? authenticate(ctx, token) : Promise.resolve(undefined);
    authenticated.set(request, lookup);
  }
  const actor = await lookup;
  if (!actor) throw unauthorized('UNAUTHENTICATED', 'Vui lòng đăng nhập (phiên làm việc không hợp lệ hoặc đã hết hạn).');
  if (roles && !actor.roles.some((r) => roles.includes(r))) {
    throw forbidden('FORBIDDEN_ROLE', 'Tài khoản không có vai trò được phép thực hiện thao tác này.', { requiredRoles: roles });
  }
  return actor;
}

export function originOf(request: FastifyRequest): RequestOrigin {
  return { address: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: request.id };
}

const STAFF_SCHEMES = new Set(['bearer', 'cookie']);

/** Whether a route's OpenAPI security says "staff session only" (bearer token or staff cookie). */
export function isStaffRoute(route: Pick<RouteOptions, 'schema'>): boolean {
  const security = (route.schema as { security?: Array<Record<string, unknown>> } | undefined)?.security;
  return Array.isArray(security) && security.length > 0 && security.every((req) => Object.keys(req).every((k) => STAFF_SCHEMES.has(k)));
}

/**
 * Staff routes authenticate before anything else: an anonymous request gets 401 before its body is
 * parsed or validated, so nothing about a route's input is revealed without a session. The roles each
 * route allows are still checked by its handler (administration routes: already here).
 */
export function authenticateStaffRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.addHook('onRoute', (route) => {
    if (!isStaffRoute(route)) return;
    // Everything under /admin/ is for administrators: refused before the body is read, like anonymity.
    const roles: readonly Role[] | undefined = /\/admin\//.test(route.url) ? ['admin'] : undefined;
    const hook = async (request: FastifyRequest) => {
      await requireStaff(ctx, request, roles);
    };
    const existing = route.onRequest;
    route.onRequest = existing === undefined ? [hook] : Array.isArray(existing) ? [hook, ...existing] : [hook, existing];
  });
}
