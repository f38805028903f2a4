// Cross-site request forgery: a browser attaches the session cookies (staff and citizen) to any request,
// including one a hostile page makes it send. The cookies are SameSite=Lax, which stops most of it; this
// hook also refuses a state-changing request that carries a session cookie when the browser says it
// comes from another site (Sec-Fetch-Site) or from another origin (Origin, else Referer) — OWASP's
// "verifying origin with standard headers". Bearer-token requests are not at risk (a page cannot make a
// browser add the header) and requests without a session cookie have nothing to forge.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden } from '../domain/errors.ts';
import { SESSION_COOKIE } from './staff-auth.ts';
import { CITIZEN_COOKIE } from './citizen-auth.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SESSION_COOKIES = [SESSION_COOKIE, CITIZEN_COOKIE];

function originHost(value: string | undefined): string | undefined {
  if (!value || value === 'null') return value === 'null' ? 'null' : undefined;
  try {
    return new URL(value).host.toLowerCase();
  } catch {
    return 'invalid';
  }
}

/** Why the request looks forged, or undefined when it does not. */
export function forgeryReason(request: FastifyRequest, trustedHosts: ReadonlySet<string>): string | undefined {
  if (SAFE_METHODS.has(request.method)) return undefined;
  if (request.headers.authorization?.startsWith('Bearer ')) return undefined;
  if (!SESSION_COOKIES.some((name) => request.cookies[name] !== undefined)) return undefined;
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return `sec-fetch-site=${fetchSite}`;
  const header = request.headers.origin ?? request.headers.referer;
  const host = originHost(typeof header === 'string' ? header : undefined);
  if (host === undefined) return undefined; // no browser signal (a script or a test client): SameSite still applies
  const own = request.host.toLowerCase();
  if (host === own || trustedHosts.has(host)) return undefined;
  return `origin=${host}`;
}

/** `publicUrl`: the address users reach the server at behind a proxy, trusted as an origin too. */
export function protectAgainstForgery(app: FastifyInstance, publicUrl: string | undefined): void {
  const trusted = new Set<string>();
  if (publicUrl) trusted.add(new URL(publicUrl).host.toLowerCase());
  app.addHook('onRequest', async (request) => {
    const reason = forgeryReason(request, trusted);
    if (reason) {
      throw forbidden('CSRF_REJECTED', 'Yêu cầu bị từ chối vì được gửi từ một trang khác (nghi giả mạo yêu cầu). Vui lòng thao tác trực tiếp trên trang của hệ thống.', { reason });
    }
  });
}
