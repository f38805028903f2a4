// Staff administration through the contract routes: scope by unit subtree, idempotent creation,
// deactivation ending sessions, the last administrator kept, every change audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testContext } from '../support/context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

describe.each(ENGINES)('staff administration on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let rootAdmin: string;

  const tokenOf = async (username: string, password = DEMO_PASSWORD) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().token as string;
  };
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const createUser = (token: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/v1/admin/users', headers: { ...as(token), ...headers }, payload });

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const ctx = { ...testContext(handle), now: () => new Date() };
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    rootAdmin = await tokenOf('admin');
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('creates an officer at a Reception Point who can then sign in', async () => {
    const res = await createUser(rootAdmin, { username: 'nguyen.van.a', fullName: 'Nguyễn Văn A', unitCode: 'DTN25741', roles: ['reception'], password: 'mat-khau-rat-dai' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ username: 'nguyen.van.a', fullName: 'Nguyễn Văn A', unitCode: 'DTN25741', roles: ['reception'], active: true });
    const me = await app.inject({ url: '/api/v1/auth/me', headers: as(await tokenOf('nguyen.van.a', 'mat-khau-rat-dai')) });
    expect(me.json().user.unitName).toBe('Điểm tiếp nhận Phường Hiệp Thành');
    const duplicate = await createUser(rootAdmin, { username: 'Nguyen.Van.A', fullName: 'Khác', unitCode: 'DTN25741', roles: ['reception'], password: 'mat-khau-rat-dai' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('USERNAME_TAKEN');
  });

  it('answers a retried creation with the first answer, and refuses the key for another request', async () => {
    const body = { username: 'tran.thi.b', fullName: 'Trần Thị B', unitCode: 'CN718', roles: ['reception', 'manager'], password: 'mat-khau-rat-dai' };
    const first = await createUser(rootAdmin, body, { 'idempotency-key': 'create-tran-thi-b-1' });
    const retry = await createUser(rootAdmin, body, { 'idempotency-key': 'create-tran-thi-b-1' });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    const audits = await handle.db.selectFrom('audit_log').select('id').where('action', '=', 'staff.create').where('entity_id', '=', 'tran.thi.b').execute();
    expect(audits).toHaveLength(1);
    const reused = await createUser(rootAdmin, { ...body, username: 'tran.thi.c' }, { 'idempotency-key': 'create-tran-thi-b-1' });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('keeps a Branch administrator within the Branch', async () => {
    const created = await createUser(rootAdmin, { username: 'qt.cn718', fullName: 'Quản trị Chi nhánh Thủ Dầu Một', unitCode: 'CN718', roles: ['admin'], password: 'mat-khau-rat-dai' });
    expect(created.statusCode).toBe(201);
    const branchAdmin = await tokenOf('qt.cn718', 'mat-khau-rat-dai');
    const inside = await createUser(branchAdmin, { username: 'le.van.c', fullName: 'Lê Văn C', unitCode: 'DTN25744', roles: ['reception'], password: 'mat-khau-rat-dai' });
    expect(inside.statusCode).toBe(201);
    const outside = await createUser(branchAdmin, { username: 'le.van.d', fullName: 'Lê Văn D', unitCode: 'CN719', roles: ['reception'], password: 'mat-khau-rat-dai' });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('OUT_OF_SCOPE');
    const patchOutside = await app.inject({ method: 'PATCH', url: '/api/v1/admin/users/tn.CN719', headers: as(branchAdmin), payload: { active: false } });
    expect(patchOutside.statusCode).toBe(403);
    const moveOut = await app.inject({ method: 'PATCH', url: '/api/v1/admin/users/le.van.c', headers: as(branchAdmin), payload: { unitCode: 'DTN25780' } });
    expect(moveOut.statusCode).toBe(403);
  });

  it('refuses non-administrators and bad input, changing nothing', async () => {
    const officer = await tokenOf('tn.CN718');
    const res = await createUser(officer, { username: 'x.y.z', fullName: 'X', unitCode: 'CN718', roles: ['reception'], password: 'mat-khau-rat-dai' });
    expect(res.statusCode).toBe(403);
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ username: 'ok.name', fullName: 'A', unitCode: 'NOPE', roles: ['reception'], password: 'mat-khau-rat-dai' }, 400, 'UNKNOWN_UNIT'],
      [{ username: 'ok.name', fullName: 'A', unitCode: 'CN718', roles: ['chief'], password: 'mat-khau-rat-dai' }, 400, 'VALIDATION_FAILED'],
      [{ username: 'ok.name', fullName: 'A', unitCode: 'CN718', roles: ['reception'], password: 'short' }, 400, 'WEAK_PASSWORD'],
      [{ username: 'có dấu', fullName: 'A', unitCode: 'CN718', roles: ['reception'], password: 'mat-khau-rat-dai' }, 400, 'INVALID_USERNAME'],
      [{ fullName: 'A', unitCode: 'CN718', roles: ['reception'], password: 'mat-khau-rat-dai' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [payload, status, code] of cases) {
      const r = await createUser(rootAdmin, payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(status);
      expect(r.json().error.code).toBe(code);
    }
    const none = await handle.db.selectFrom('staff_users').select('id').where('username', 'in', ['ok.name', 'x.y.z']).execute();
    expect(none).toHaveLength(0);
  });

  it('ends the sessions of a deactivated account, which can no longer sign in', async () => {
    const officer = await tokenOf('tn.DTN25747');
    expect((await app.inject({ url: '/api/v1/auth/me', headers: as(officer) })).statusCode).toBe(200);
    const res = await app.inject({ method: 'PATCH', url: '/api/v1/admin/users/tn.DTN25747', headers: as(rootAdmin), payload: { active: false } });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: as(officer) })).statusCode).toBe(401);
    const again = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'tn.DTN25747', password: DEMO_PASSWORD } });
    expect(again.statusCode).toBe(401);
    const audit = await handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'staff.update').where('entity_id', '=', 'tn.DTN25747').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ before: { active: true }, after: { active: false }, sessionsEnded: 1 });
    expect(audit.actor_username).toBe('admin');
  });

  it('refuses to remove the last administrator', async () => {
    const demote = await app.inject({ method: 'PATCH', url: '/api/v1/admin/users/qt.cn718', headers: as(rootAdmin), payload: { roles: ['manager'] } });
    expect(demote.statusCode).toBe(200);
    const self = await app.inject({ method: 'PATCH', url: '/api/v1/admin/users/admin', headers: as(rootAdmin), payload: { active: false } });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('LAST_ADMIN');
    expect((await app.inject({ url: '/api/v1/auth/me', headers: as(rootAdmin) })).statusCode).toBe(200);
  });
});
