// What an officer does for their own account: change the password, see and end their sessions, and use
// a one-time reset link from an administrator. Each ends the sessions an attacker might hold.
import { forbidden, invalid, rateLimited } from '../domain/errors.ts';
import { countRecentLoginFailures, findStaffByUsername, recordLoginAttempt, revokeAllSessions } from '../store/staff.ts';
import { consumeResetToken, listLiveSessions, revokeOtherSessions, setPasswordHash } from '../store/staff-directory.ts';
import { appendAudit } from '../store/audit.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { hashToken } from './auth.ts';
import { hashResetToken } from './staff-accounts.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';

export const MIN_PASSWORD_LENGTH = 10;

function checkNewPassword(password: string, field: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw invalid('WEAK_PASSWORD', `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`, { field });
}

/** Changes the signed-in officer's password; the other sessions end, this one stays. */
export async function changeOwnPassword(ctx: ServiceContext, actor: Actor, token: string, body: { currentPassword: string; newPassword: string },
  origin: RequestOrigin): Promise<{ sessionsEnded: number }> {
  checkNewPassword(body.newPassword, 'newPassword');
  const now = ctx.now();
  // Wrong current passwords count as failed sign-ins: a stolen session cannot guess the password freely.
  const since = new Date(now.getTime() - ctx.settings.loginWindowMinutes * 60_000);
  const failures = await countRecentLoginFailures(ctx.db, { username: actor.username, address: origin.address }, since);
  if (failures.account >= ctx.settings.loginMaxFailuresPerAccount) {
    throw rateLimited('RATE_LIMITED', `Nhập sai mật khẩu quá nhiều lần. Vui lòng thử lại sau ${ctx.settings.loginWindowMinutes} phút.`);
  }
  const account = await findStaffByUsername(ctx.db, actor.username);
  if (!account || !(await verifyPassword(account.passwordHash, body.currentPassword))) {
    await recordLoginAttempt(ctx.db, { username: actor.username, address: origin.address, succeeded: false, at: now });
    throw forbidden('WRONG_PASSWORD', 'Mật khẩu hiện tại không đúng.', { field: 'currentPassword' });
  }
  if (body.newPassword === body.currentPassword) throw invalid('SAME_PASSWORD', 'Mật khẩu mới phải khác mật khẩu hiện tại.', { field: 'newPassword' });
  const passwordHash = await hashPassword(body.newPassword);
  return ctx.db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, account.id, passwordHash, now);
    const sessionsEnded = await revokeOtherSessions(trx, account.id, hashToken(token), now);
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor, action: 'staff.password_change', entityType: 'staff_user',
      entityId: actor.username, details: { sessionsEnded }, requestId: origin.requestId, address: origin.address });
    return { sessionsEnded };
  });
}

export interface SessionView {
  /** A short handle, not the token: enough to tell sessions apart. */
  id: string;
  current: boolean;
  createdAt: Date;
  expiresAt: Date;
  address: string | null;
  userAgent: string | null;
}

export async function ownSessions(ctx: ServiceContext, actor: Actor, token: string): Promise<SessionView[]> {
  const currentHash = hashToken(token);
  const rows = await listLiveSessions(ctx.db, actor.userId, ctx.now());
  return rows.map((s) => ({ id: s.tokenHash.slice(0, 12), current: s.tokenHash === currentHash, createdAt: s.createdAt, expiresAt: s.expiresAt,
    address: s.address, userAgent: s.userAgent }));
}

export async function revokeOwnOtherSessions(ctx: ServiceContext, actor: Actor, token: string, origin: RequestOrigin): Promise<{ sessionsEnded: number }> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const sessionsEnded = await revokeOtherSessions(trx, actor.userId, hashToken(token), now);
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor, action: 'auth.revoke_other_sessions', entityType: 'staff_session',
      entityId: actor.username, details: { sessionsEnded }, requestId: origin.requestId, address: origin.address });
    return { sessionsEnded };
  });
}

/** Sets a new password through a one-time link; the link is spent and every session of the account ends. */
export async function resetPasswordWithToken(ctx: ServiceContext, body: { token: string; password: string }, origin: RequestOrigin): Promise<{ username: string }> {
  checkNewPassword(body.password, 'password');
  const passwordHash = await hashPassword(body.password);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const userId = await consumeResetToken(trx, hashResetToken(body.token), now);
    const account = userId ? await trx.selectFrom('staff_users').select(['id', 'username', 'active', 'unit_code', 'roles']).where('id', '=', userId).executeTakeFirst() : undefined;
    if (!account || !account.active) {
      throw invalid('RESET_LINK_INVALID', 'Liên kết đặt lại mật khẩu không hợp lệ, đã dùng hoặc đã hết hạn (24 giờ). Hãy đề nghị quản trị viên cấp liên kết mới.');
    }
    await setPasswordHash(trx, account.id, passwordHash, now);
    const sessionsEnded = await revokeAllSessions(trx, account.id, now);
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor: { username: account.username, roles: account.roles, unitCode: account.unit_code },
      action: 'staff.password_reset', entityType: 'staff_user', entityId: account.username, details: { sessionsEnded }, requestId: origin.requestId, address: origin.address });
    return { username: account.username };
  });
}
