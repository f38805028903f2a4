// Cross-site request forgery: a write that rides on a session cookie is refused when the browser says
// it comes from another site or origin, and changes nothing; the same write from the app's own pages,
// with a bearer token, or without any browser signal goes through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

const HOST = 'motcua.example.vn';

describe('CSRF protection of cookie sessions', () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let token: string;
  let cookie: string;
  let procedureCode: string;

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    const ctx = testContext(handle, testClock('2024-12-05T09:00:00+07:00'));
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { host: HOST }, payload: { username: 'tn.CN724', password: DEMO_PASSWORD } });
    expect(login.statusCode, login.body).toBe(200);
    token = login.json().token;
    const setCookie = login.cookies.find((c) => c.name === 'motcua_session');
    expect(setCookie?.sameSite).toBe('Lax');
    cookie = `motcua_session=${setCookie!.value}`;
    const list = (await app.inject({ url: '/api/v1/procedures?level=commune&locationFree=true&at=2024-12-05&q=khai%20sinh&limit=50' })).json();
    procedureCode = list.items.find((p: { processingDays: number | null }) => p.processingDays !== null && p.processingDays >= 3).code;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const intake = (key: string, headers: Record<string, string>) => app.inject({
    method: 'POST', url: '/api/v1/dossiers', headers: { host: HOST, ...headers },
    payload: { procedureCode, idempotencyKey: key, applicant: { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '074090001234', phone: '0912345678', address: { communeCode: '25861' } } },
  });
  const dossierCount = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM dossiers`.execute(handle.db)).rows[0]!.n;

  it.each([
    ['another origin', { origin: 'https://evil.example.com' }],
    ['another origin by Referer only', { referer: 'https://evil.example.com/page.html' }],
    ['a sibling subdomain (same site, other origin)', { 'sec-fetch-site': 'same-site', origin: `https://tin.${HOST}` }],
    ['a cross-site fetch without Origin', { 'sec-fetch-site': 'cross-site' }],
    ['an opaque origin (sandboxed frame)', { origin: 'null' }],
  ])('refuses a cookie-authenticated write from %s and changes nothing', async (_label, headers) => {
    const before = await dossierCount();
    const res = await intake(`csrf-${JSON.stringify(headers)}`, { cookie, ...headers });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_REJECTED');
    expect(res.json().error.message).toMatch(/giả mạo/);
    expect(await dossierCount()).toBe(before);
  });

  it('accepts the same write from the app itself, by bearer token, or from a non-browser client', async () => {
    const before = await dossierCount();
    expect((await intake('csrf-own-origin', { cookie, origin: `https://${HOST}`, 'sec-fetch-site': 'same-origin' })).statusCode).toBe(201);
    // A page cannot make a browser add an Authorization header, so a bearer request is not forgeable.
    expect((await intake('csrf-bearer', { authorization: `Bearer ${token}`, origin: 'https://evil.example.com' })).statusCode).toBe(201);
    expect((await intake('csrf-no-signal', { cookie })).statusCode).toBe(201);
    expect(await dossierCount()).toBe(before + 3);
  });

  it('lets anyone read, and lets a cross-site page post where no session cookie rides along', async () => {
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { host: HOST, cookie, origin: 'https://evil.example.com', 'sec-fetch-site': 'cross-site' } })).statusCode).toBe(200);
    const lookup = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { host: HOST, origin: 'https://evil.example.com', 'sec-fetch-site': 'cross-site' }, payload: { username: 'tn.CN724', password: 'wrong-password' } });
    expect(lookup.json().error?.code).not.toBe('CSRF_REJECTED');
  });

  it('cannot be used to sign an officer out from another site', async () => {
    const forged = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { host: HOST, cookie, origin: 'https://evil.example.com' } });
    expect(forged.statusCode).toBe(403);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { host: HOST, cookie } })).statusCode).toBe(200);
  });
});
