// Staff sign-in: argon2id passwords, opaque session tokens (stored hashed), and a rate limit per account
// and per address that every instance shares through the database.
import { createHash, randomBytes } from 'node:crypto';
import { rateLimited, unauthorized } from '../domain/errors.ts';
import {
  countRecentLoginFailures,
  findLiveSession,
  findStaffByUsername,
  insertSession,
  recordLoginAttempt,
  revokeSession,
} from '../store/staff.ts';
import { findUnit } from '../store/units.ts';
import { appendAudit } from '../store/audit.ts';
import { decoyPasswordHash, verifyPassword } from './passwords.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: Actor;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function login(ctx: ServiceContext, credentials: { username: string; password: string }, origin: RequestOrigin): Promise<LoginResult> {
  const now = ctx.now();
  const username = credentials.username.trim();
  const since = new Date(now.getTime() - ctx.settings.loginWindowMinutes * 60_000);
  const failures = await countRecentLoginFailures(ctx.db, { username, address: origin.address }, since);
  if (failures.account >= ctx.settings.loginMaxFailuresPerAccount || failures.address >= ctx.settings.loginMaxFailuresPerAddress) {
    throw rateLimited('RATE_LIMITED', `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${ctx.settings.loginWindowMinutes} phút.`, {
      retryAfterSeconds: ctx.settings.loginWindowMinutes * 60,
    });
  }
  const staff = await findStaffByUsername(ctx.db, username);
  const passwordOk = staff
    ? await verifyPassword(staff.passwordHash, credentials.password)
    : (await verifyPassword(await decoyPasswordHash(), credentials.password), false);
  if (!staff || !passwordOk || !staff.active) {
    await recordLoginAttempt(ctx.db, { username, address: origin.address, succeeded: false, at: now });
    throw unauthorized('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ctx.settings.sessionHours * 3_600_000);
  const unit = await findUnit(ctx.db, staff.unitCode);
  const user: Actor = { userId: staff.id, username: staff.username, fullName: staff.fullName, unitCode: staff.unitCode,
    unitName: unit?.name ?? staff.unitCode, roles: staff.roles };
  await ctx.db.transaction().execute(async (trx) => {
    await insertSession(trx, { tokenHash: hashToken(token), userId: staff.id, expiresAt, address: origin.address, userAgent: origin.userAgent });
    await recordLoginAttempt(trx, { username, address: origin.address, succeeded: true, at: now });
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor: user, action: 'auth.login', entityType: 'staff_session',
      entityId: staff.username, requestId: origin.requestId, address: origin.address });
  });
  return { token, expiresAt, user };
}

/** The officer behind a bearer token or session cookie, or undefined when the session is not live. */
export async function authenticate(ctx: ServiceContext, token: string): Promise<Actor | undefined> {
  if (token.length < 20 || token.length > 200) return undefined;
  return findLiveSession(ctx.db, hashToken(token), ctx.now());
}

export async function logout(ctx: ServiceContext, token: string, actor: Actor, origin: RequestOrigin): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (await revokeSession(trx, hashToken(token), now)) {
      await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor, action: 'auth.logout', entityType: 'staff_session',
        entityId: actor.username, requestId: origin.requestId, address: origin.address });
    }
  });
}
