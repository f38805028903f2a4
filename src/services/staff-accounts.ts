// An administrator's actions on one account beyond editing it: list, force sign-out, and a one-time
// password reset link. Scoped to the administrator's unit subtree and audited like every staff change.
import { createHash, randomBytes } from 'node:crypto';
import { invalid, notFound } from '../domain/errors.ts';
import { isRole } from '../domain/staff/roles.ts';
import { findStaffByUsername, revokeAllSessions } from '../store/staff.ts';
import { insertResetToken, listStaff, type StaffListItem } from '../store/staff-directory.ts';
import { findUnit, subtreeCodesOf } from '../store/units.ts';
import { appendAudit } from '../store/audit.ts';
import { requireAdminRole, requireUnitInScope } from './admin-checks.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';
import type { Db } from '../store/database.ts';

export const RESET_LINK_HOURS = 24;
export const RESET_PAGE_PATH = '/dat-lai-mat-khau';

const requireAdmin = (actor: Actor) => requireAdminRole(actor, 'Chỉ quản trị viên được quản lý tài khoản.');

export const hashResetToken = (token: string) => createHash('sha256').update(`reset:${token}`).digest('hex');

export interface StaffQuery {
  q?: string;
  unitCode?: string;
  role?: string;
  active?: boolean;
  limit?: number;
  offset?: number;
}

export async function searchStaff(ctx: ServiceContext, actor: Actor, query: StaffQuery): Promise<{ items: StaffListItem[]; total: number }> {
  requireAdmin(actor);
  if (query.role !== undefined && !isRole(query.role)) {
    throw invalid('INVALID_ROLES', 'Vai trò phải thuộc: admin, reception, processing, leader, manager.', { field: 'role' });
  }
  let unitCodes = await subtreeCodesOf(ctx.db, actor.unitCode);
  if (query.unitCode) {
    if (!(await findUnit(ctx.db, query.unitCode))) throw invalid('UNKNOWN_UNIT', `Không có đơn vị mã "${query.unitCode}".`, { field: 'unitCode' });
    await requireUnitInScope(ctx.db, actor, query.unitCode);
    // A unit filter includes the units below it: a Branch's list shows its Reception Points' officers too.
    unitCodes = await subtreeCodesOf(ctx.db, query.unitCode);
  }
  return listStaff(ctx.db, { unitCodes, q: query.q?.trim() || undefined, role: query.role as never, active: query.active,
    limit: query.limit ?? 50, offset: query.offset ?? 0 });
}

async function targetInScope(trx: Db, actor: Actor, username: string) {
  const target = await findStaffByUsername(trx, username);
  if (!target) throw notFound('STAFF_NOT_FOUND', `Không có tài khoản "${username}".`);
  await requireUnitInScope(trx, actor, target.unitCode);
  return target;
}

export async function forceSignOut(ctx: ServiceContext, actor: Actor, username: string, origin: RequestOrigin): Promise<{ username: string; sessionsEnded: number }> {
  requireAdmin(actor);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const target = await targetInScope(trx, actor, username);
    const sessionsEnded = await revokeAllSessions(trx, target.id, now);
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor, action: 'staff.sign_out', entityType: 'staff_user',
      entityId: target.username, details: { sessionsEnded }, requestId: origin.requestId, address: origin.address });
    return { username: target.username, sessionsEnded };
  });
}

export interface ResetLink {
  username: string;
  token: string;
  /** Path of the page that consumes the token; the token travels in the fragment, never to server logs. */
  path: string;
  expiresAt: Date;
}

export async function issuePasswordResetLink(ctx: ServiceContext, actor: Actor, username: string, origin: RequestOrigin): Promise<ResetLink> {
  requireAdmin(actor);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const target = await targetInScope(trx, actor, username);
    if (!target.active) throw invalid('ACCOUNT_INACTIVE', `Tài khoản "${target.username}" đang bị khóa; hãy mở khóa trước khi cấp liên kết đặt lại mật khẩu.`);
    return createResetLink(ctx, trx, actor, target, origin, now);
  });
}

/** A one-time link for an account the caller already checked, written (and audited) in the caller's transaction. */
export async function createResetLink(ctx: ServiceContext, trx: Db, actor: Actor, target: { id: string; username: string }, origin: RequestOrigin, now: Date): Promise<ResetLink> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + RESET_LINK_HOURS * 3_600_000);
  await insertResetToken(trx, { tokenHash: hashResetToken(token), userId: target.id, createdBy: actor.username, createdAt: now, expiresAt });
  await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor, action: 'staff.password_reset_link', entityType: 'staff_user',
    entityId: target.username, details: { expiresAt: expiresAt.toISOString() }, requestId: origin.requestId, address: origin.address });
  return { username: target.username, token, path: `${RESET_PAGE_PATH}#${token}`, expiresAt };
}
