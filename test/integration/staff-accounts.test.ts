// Staff accounts beyond create/edit: the scoped list, force sign-out, one-time reset links, self-service
// password and sessions, and the audit viewer's scope and filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testContext } from '../support/context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

describe.each(ENGINES)('staff accounts and audit viewer on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let rootAdmin: string;
  let branchAdmin: string;
  let clock = new Date(Math.floor(Date.now() / 1000) * 1000);

  const login = (username: string, password = DEMO_PASSWORD) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  const tokenOf = async (username: string, password = DEMO_PASSWORD) => {
    const res = await login(username, password);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().token as string;
  };
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const get = (token: string, url: string) => app.inject({ url: `/api/v1${url}`, headers: as(token) });
  const post = (token: string | null, url: string, payload?: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: `/api/v1${url}`, headers: token ? as(token) : {}, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const ctx = { ...testContext(handle), now: () => clock };
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    rootAdmin = await tokenOf('admin');
    const made = await post(rootAdmin, '/admin/users', { username: 'qt.cn718', fullName: 'Quản trị Chi nhánh', unitCode: 'CN718', roles: ['admin'], password: 'mat-khau-rat-dai' });
    expect(made.statusCode, made.body).toBe(201);
    branchAdmin = await tokenOf('qt.cn718', 'mat-khau-rat-dai');
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('lists accounts within the administrator scope, with search and filters', async () => {
    const all = await get(branchAdmin, '/admin/users?limit=200');
    expect(all.statusCode, all.body).toBe(200);
    const units = new Set(all.json().items.map((i: { unitCode: string }) => i.unitCode));
    expect(units.has('CN718')).toBe(true);
    expect(units.has('CN719')).toBe(false);
    expect(all.json().total).toBe(all.json().items.length);
    const reception = (await get(branchAdmin, '/admin/users?role=reception&unitCode=DTN25741')).json();
    expect(reception.items.length).toBeGreaterThan(0);
    for (const item of reception.items) {
      expect(item.roles).toContain('reception');
      expect(item.unitCode).toBe('DTN25741');
      expect(item.unitName).toBe('Điểm tiếp nhận Phường Hiệp Thành');
    }
    const search = (await get(rootAdmin, '/admin/users?q=QUẢN%20TRỊ%20CHI')).json();
    expect(search.items.map((i: { username: string }) => i.username)).toEqual(['qt.cn718']);
    const paged = (await get(rootAdmin, '/admin/users?limit=2&offset=1')).json();
    expect(paged.items).toHaveLength(2);
    expect(paged.total).toBeGreaterThan(3);
    expect((await get(branchAdmin, '/admin/users?unitCode=CN719')).statusCode).toBe(403);
    expect((await get(rootAdmin, '/admin/users?unitCode=NOPE')).json().error.code).toBe('UNKNOWN_UNIT');
    expect((await get(await tokenOf('tn.CN718'), '/admin/users')).statusCode).toBe(403);
    // Deactivated accounts stay listed (never deleted) and can be filtered.
    expect((await app.inject({ method: 'PATCH', url: '/api/v1/admin/users/tn.DTN25744', headers: as(branchAdmin), payload: { active: false } })).statusCode).toBe(200);
    const inactive = (await get(branchAdmin, '/admin/users?active=false')).json();
    expect(inactive.items.map((i: { username: string }) => i.username)).toContain('tn.DTN25744');
  });

  it('forces an officer out of every session, within scope, audited', async () => {
    const officer = await tokenOf('tn.DTN25741');
    const other = await tokenOf('tn.DTN25741');
    expect((await post(branchAdmin, '/admin/users/tn.CN719/sign-out')).statusCode).toBe(403);
    expect((await post(branchAdmin, '/admin/users/nobody.here/sign-out')).statusCode).toBe(404);
    const res = await post(branchAdmin, '/admin/users/tn.DTN25741/sign-out');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ username: 'tn.DTN25741', sessionsEnded: 2 });
    for (const token of [officer, other]) expect((await get(token, '/auth/me')).statusCode).toBe(401);
    expect((await login('tn.DTN25741')).statusCode).toBe(200); // the password still works: only sessions ended
    const audit = (await get(rootAdmin, '/admin/audit?action=staff.sign_out&entityId=tn.DTN25741')).json();
    expect(audit.items[0]).toMatchObject({ actorUsername: 'qt.cn718', entityType: 'staff_user', details: { sessionsEnded: 2 } });
  });

  it('issues a one-time reset link that expires in 24 hours and ends the account sessions when used', async () => {
    const old = await tokenOf('cv.UBX25861');
    const first = await post(rootAdmin, '/admin/users/cv.UBX25861/password-reset');
    expect(first.statusCode, first.body).toBe(201);
    const link = await post(rootAdmin, '/admin/users/cv.UBX25861/password-reset');
    const { token, path, expiresAt } = link.json();
    expect(path).toBe(`/dat-lai-mat-khau#${token}`);
    expect(Date.parse(expiresAt) - clock.getTime()).toBe(24 * 3_600_000);
    const stored = await handle.db.selectFrom('password_reset_tokens').select('token_hash').execute();
    expect(stored.some((r) => r.token_hash === token || r.token_hash.includes(token))).toBe(false);
    // The newer link voids the first one.
    expect((await post(null, '/auth/password-reset', { token: first.json().token, password: 'mat-khau-moi-123' })).json().error.code).toBe('RESET_LINK_INVALID');
    expect((await post(null, '/auth/password-reset', { token, password: 'ngan' })).json().error.code).toBe('WEAK_PASSWORD');
    const used = await post(null, '/auth/password-reset', { token, password: 'mat-khau-moi-123' });
    expect(used.statusCode, used.body).toBe(200);
    expect(used.json()).toEqual({ username: 'cv.UBX25861' });
    expect((await get(old, '/auth/me')).statusCode).toBe(401);
    expect((await login('cv.UBX25861')).statusCode).toBe(401);
    expect((await login('cv.UBX25861', 'mat-khau-moi-123')).statusCode).toBe(200);
    const again = await post(null, '/auth/password-reset', { token, password: 'mat-khau-khac-456' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('RESET_LINK_INVALID');
    // Expired after 24 hours.
    const late = (await post(rootAdmin, '/admin/users/ld.UBX25861/password-reset')).json();
    const saved = clock;
    clock = new Date(saved.getTime() + 24 * 3_600_000 + 1000);
    try {
      expect((await post(null, '/auth/password-reset', { token: late.token, password: 'mat-khau-moi-123' })).json().error.code).toBe('RESET_LINK_INVALID');
    } finally {
      clock = saved;
    }
    expect((await post(branchAdmin, '/admin/users/tn.CN719/password-reset')).statusCode).toBe(403);
    expect((await post(branchAdmin, '/admin/users/tn.DTN25744/password-reset')).json().error.code).toBe('ACCOUNT_INACTIVE');
  });

  it('lets officers change their own password and end their other sessions', async () => {
    const here = await tokenOf('tn.CN719');
    const elsewhere = await tokenOf('tn.CN719');
    const sessions = (await get(here, '/auth/sessions')).json().items;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const wrong = await post(here, '/auth/password', { currentPassword: 'sai-mat-khau', newPassword: 'mat-khau-moi-123' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');
    expect((await post(here, '/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'ngan' })).json().error.code).toBe('WEAK_PASSWORD');
    const changed = await post(here, '/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'mat-khau-moi-123' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({ sessionsEnded: 1 });
    expect((await get(here, '/auth/me')).statusCode).toBe(200);
    expect((await get(elsewhere, '/auth/me')).statusCode).toBe(401);
    expect((await login('tn.CN719', 'mat-khau-moi-123')).statusCode).toBe(200);
    const revoked = await post(here, '/auth/sessions/revoke-others');
    expect(revoked.json()).toEqual({ sessionsEnded: 1 });
    expect((await get(here, '/auth/sessions')).json().items).toHaveLength(1);
  });

  it('shows the audit log with filters: everything to the province admin, own subtree actors to a Branch admin', async () => {
    const created = (await get(rootAdmin, '/admin/audit?entityType=staff_user&entityId=qt.cn718&action=staff.create')).json();
    expect(created.total).toBe(1);
    expect(created.items[0]).toMatchObject({ actorUsername: 'admin', action: 'staff.create', details: { after: { username: 'qt.cn718', unitCode: 'CN718', roles: ['admin'] } } });
    expect(created.items[0].at).toMatch(/\+07:00$/);
    const update = (await get(rootAdmin, '/admin/audit?action=staff.update&entityId=tn.DTN25744')).json().items[0];
    expect(update.details).toMatchObject({ before: { active: true }, after: { active: false } });
    const family = (await get(rootAdmin, '/admin/audit?action=staff.&limit=200')).json();
    expect(family.items.every((e: { action: string }) => e.action.startsWith('staff.'))).toBe(true);
    expect(family.total).toBeGreaterThanOrEqual(5);
    const branch = (await get(branchAdmin, '/admin/audit?limit=200')).json();
    expect(branch.items.length).toBeGreaterThan(0);
    expect(branch.items.every((e: { actorUnitCode: string }) => ['CN718', 'DTN25741', 'DTN25742', 'DTN25744'].includes(e.actorUnitCode) || e.actorUnitCode.startsWith('DTN'))).toBe(true);
    expect(branch.items.some((e: { actorUsername: string }) => e.actorUsername === 'admin')).toBe(false);
    const byActor = (await get(rootAdmin, '/admin/audit?actor=qt.cn718')).json();
    expect(byActor.items.every((e: { actorUsername: string }) => e.actorUsername === 'qt.cn718')).toBe(true);
    const today = new Date(clock.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    expect((await get(rootAdmin, `/admin/audit?from=${today}&to=${today}&actor=qt.cn718`)).json().total).toBe(byActor.total);
    expect((await get(rootAdmin, '/admin/audit?to=2000-01-01')).json().total).toBe(0);
    expect((await get(rootAdmin, '/admin/audit?from=2025-13-45')).statusCode).toBe(400);
    expect((await get(await tokenOf('gd.TT74'), '/admin/audit')).statusCode).toBe(403);
  });
});
