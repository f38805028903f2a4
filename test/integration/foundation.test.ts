// The foundation on each engine: migrations, the seeded pilot network over HTTP, the error shape,
// sign-in with sessions and rate limits, the append-only audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { migrate } from '../../src/store/migrate.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

describe.each(ENGINES)('foundation on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock('2024-12-02T08:00:00+07:00');

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const ctx = testContext(handle, clock, { loginMaxFailuresPerAccount: 3, loginMaxFailuresPerAddress: 50 });
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const login = (username: string, password = DEMO_PASSWORD, address = '10.0.0.1') =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: address });

  it('re-running migrations applies nothing, and two concurrent runs do not race', async () => {
    const [a, b] = await Promise.all([migrate(handle.db), migrate(handle.db)]);
    expect(a).toEqual([]);
    expect(b).toEqual([]);
  });

  it('answers health ok', async () => {
    const res = await app.inject({ url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('lists the 9 Branches and 91 Reception Points valid on 2024-12-02', async () => {
    const branches = (await app.inject({ url: '/api/v1/units?type=branch&at=2024-12-02' })).json();
    expect(branches.total).toBe(9);
    expect(branches.items.map((u: { name: string }) => u.name)).toContain('Chi nhánh Thủ Dầu Một');
    expect(branches.items[0]).toMatchObject({ type: 'branch', parentCode: 'TT74', validFrom: '2024-12-02T00:00:00+07:00', validTo: null, successorCodes: [] });
    const points = (await app.inject({ url: '/api/v1/units?type=reception_point&at=2024-12-02&limit=1000' })).json();
    expect(points.total).toBe(91);
    expect(points.items).toHaveLength(91);
    const center = (await app.inject({ url: '/api/v1/units?type=center&at=2024-12-02' })).json();
    expect(center.items).toHaveLength(1);
    expect(center.items[0].name).toBe('Trung tâm Phục vụ hành chính công tỉnh Bình Dương');
  });

  it('lists nothing before the network opened, and filters by parent and accent-free text', async () => {
    expect((await app.inject({ url: '/api/v1/units?type=branch&at=2024-12-01T23:59:59%2B07:00' })).json().total).toBe(0);
    const underTdm = (await app.inject({ url: '/api/v1/units?type=reception_point&parentCode=CN718&at=2024-12-02' })).json();
    expect(underTdm.total).toBe(14);
    const found = (await app.inject({ url: `/api/v1/units?q=${encodeURIComponent('thu dau mot')}&type=branch` })).json();
    expect(found.items.map((u: { code: string }) => u.code)).toEqual(['CN718']);
    const agencies = (await app.inject({ url: '/api/v1/units?type=agency&limit=1000' })).json();
    expect(agencies.total).toBe(1 + 8 + 9 + 91);
  });

  it('refuses bad query input with the contract error shape', async () => {
    for (const url of ['/api/v1/units?type=province', '/api/v1/units?at=02/12/2024', '/api/v1/units?at=2024-12-02T08:00:00', '/api/v1/units?limit=0', '/api/v1/units?colour=red']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      const body = res.json();
      expect(body.error.code).toMatch(/^[A-Z_]+$/);
      expect(body.error.message.length).toBeGreaterThan(5);
    }
  });

  it('signs a demo officer in with a bearer token and a session cookie', async () => {
    const res = await login('tn.DTN25741');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'tn.DTN25741', unitCode: 'DTN25741', roles: ['reception'] });
    expect(body.user.unitName).toBe('Điểm tiếp nhận Phường Hiệp Thành');
    const cookie = res.cookies.find((c) => c.name === 'motcua_session');
    expect(cookie?.httpOnly).toBe(true);
    const byBearer = await app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${body.token}` } });
    expect(byBearer.json().user.username).toBe('tn.DTN25741');
    const byCookie = await app.inject({ url: '/api/v1/auth/me', cookies: { motcua_session: cookie!.value } });
    expect(byCookie.statusCode).toBe(200);
  });

  it('ends the session at logout', async () => {
    const { token } = (await login('gd.CN718')).json();
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${token}` } });
    expect(out.statusCode).toBe(200);
    const after = await app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password with 401 and then rate-limits the account with 429', async () => {
    const wrong = await login('cv.STP74', 'not-the-password', '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
    await login('cv.STP74', 'still-wrong', '10.0.0.3');
    await login('cv.STP74', 'wrong-again', '10.0.0.4');
    const limited = await login('cv.STP74', DEMO_PASSWORD, '10.0.0.5');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(limited.headers['retry-after']).toBeDefined();
    clock.advance(16 * 60_000); // the window passes
    expect((await login('cv.STP74', DEMO_PASSWORD, '10.0.0.5')).statusCode).toBe(200);
  });

  it('rate-limits a client address that tries many accounts', async () => {
    const address = '10.9.9.9';
    for (let i = 0; i < 50; i++) await login(`guess.${i}`, 'wrong-password', address);
    const limited = await login('tn.CN719', DEMO_PASSWORD, address);
    expect(limited.statusCode).toBe(429);
    expect((await login('tn.CN719', DEMO_PASSWORD, '10.9.9.10')).statusCode).toBe(200);
  });

  it('does not tell unknown accounts from wrong passwords', async () => {
    const res = await login('nobody.here', 'whatever-pass', '10.0.0.9');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses malformed JSON, unknown fields and wrong types with 400', async () => {
    const malformed = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": ' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('INVALID_JSON');
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'x', remember: true } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(unknown.json().error.message).toContain('remember');
    const wrongType = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 12, password: ['x'] } });
    expect(wrongType.statusCode).toBe(400);
    const missing = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('password');
  });

  it('answers unknown API paths with the error shape', async () => {
    const res = await app.inject({ url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('records sign-ins in an audit log the database keeps append-only', async () => {
    await login('ld.UBX25741');
    const rows = await handle.db.selectFrom('audit_log').selectAll().where('actor_username', '=', 'ld.UBX25741').execute();
    expect(rows[0]).toMatchObject({ action: 'auth.login', actor_unit_code: 'UBX25741', actor_roles: ['leader'] });
    await expect(sql`UPDATE audit_log SET action = 'tampered'`.execute(handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(handle.db)).rejects.toThrow(/append-only/);
  });

  it('sends security headers and publishes the OpenAPI document', async () => {
    const res = await app.inject({ url: '/api/v1/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/health', '/api/v1/units', '/api/v1/auth/login']));
    expect((await app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('does not seed twice', async () => {
    const ctx = testContext(handle, clock);
    const again = await seedDemo(ctx, DEMO_PASSWORD);
    expect(again.seeded).toBe(false);
  });
});
