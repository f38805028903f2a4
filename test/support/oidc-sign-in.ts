// Signs a demo citizen in through the real local OpenID Connect provider without a browser: follows the
// provider's redirects with a cookie jar, fills its login and consent forms, and hands the final redirect
// (code + state) to motcua's callback. Answers motcua's citizen cookie.
import type { FastifyInstance } from 'fastify';

export async function signInCitizen(app: FastifyInstance, cccd: string, password: string): Promise<string> {
  const start = await app.inject({ url: '/api/v1/citizen/auth/login?returnTo=/nop-ho-so' });
  if (start.statusCode !== 302) throw new Error(`login start: ${start.statusCode} ${start.body}`);
  const callbackUrl = await throughProvider(String(start.headers.location), cccd, password);
  const back = await app.inject({ url: callbackUrl.pathname + callbackUrl.search });
  const cookie = [back.headers['set-cookie']].flat().find((c) => c?.startsWith('motcua_citizen='));
  if (back.statusCode !== 302 || !cookie) throw new Error(`callback: ${back.statusCode} ${String(back.headers.location)}`);
  return cookie.split(';')[0]!;
}

/** Walks the provider until it redirects outside itself; answers that URL (motcua's callback). */
export async function throughProvider(authorizationUrl: string, cccd: string, password: string): Promise<URL> {
  const issuer = new URL(authorizationUrl).origin;
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  const remember = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(name!.trim(), value.join('='));
    }
  };
  let url = authorizationUrl;
  let init: RequestInit = {};
  for (let hop = 0; hop < 15; hop++) {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string> | undefined), cookie: cookieHeader() } });
    remember(res);
    init = {};
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location')!, url);
      if (next.origin !== issuer) return next;
      url = next.href;
      continue;
    }
    const html = await res.text();
    const action = /<form method="post" action="([^"]+\/(?:login|confirm))"/.exec(html)?.[1];
    if (res.status !== 200 || !action) throw new Error(`provider answered ${res.status}: ${html.slice(0, 300)}`);
    url = new URL(action, issuer).href;
    const body = action.endsWith('/login') ? new URLSearchParams({ cccd, password }).toString() : '';
    init = { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  }
  throw new Error('too many redirects at the identity provider');
}
