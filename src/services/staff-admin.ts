// Administration of staff accounts (contract: POST /admin/users, PATCH /admin/users/{username}).
// An administrator acts only within its unit's subtree; every change is audited with before → after.
import { conflict, invalid, notFound } from '../domain/errors.ts';
import { isRole, type Role } from '../domain/staff/roles.ts';
import { countActiveWithRole, findStaffByUsername, insertStaff, revokeAllSessions, updateStaff } from '../store/staff.ts';
import { findUnit } from '../store/units.ts';
import { requireAdminRole, requireUnitInScope } from './admin-checks.ts';
import { appendAudit } from '../store/audit.ts';
import { hashPassword } from './passwords.ts';
import { runIdempotent } from './idempotency.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';
import type { Db } from '../store/database.ts';
import { listCounterSettings, listGroupSettings, loadStaffAssignment, saveStaffAssignment } from '../store/queue-admin.ts';

export interface NewStaffRequest {
  username: string;
  fullName: string;
  unitCode: string;
  roles: string[];
  password: string;
}

export interface StaffView {
  username: string;
  fullName: string;
  unitCode: string;
  roles: Role[];
  active: boolean;
  counterCodes?: string[];
  serviceGroups?: string[];
}

const USERNAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

const requireAdmin = (actor: Actor) => requireAdminRole(actor, 'Chỉ quản trị viên được quản lý tài khoản.');

async function requireOpenUnitInScope(db: Db, actor: Actor, unitCode: string, at: Date): Promise<void> {
  const unit = await findUnit(db, unitCode);
  if (!unit) throw invalid('UNKNOWN_UNIT', `Không có đơn vị mã "${unitCode}".`, { field: 'unitCode' });
  if (unit.validTo !== null && unit.validTo <= at.getTime()) {
    throw invalid('UNIT_CLOSED', `Đơn vị "${unitCode}" đã ngừng hoạt động.`, { field: 'unitCode' });
  }
  await requireUnitInScope(db, actor, unitCode);
}

function checkRoles(roles: string[]): Role[] {
  const unknown = roles.filter((r) => !isRole(r));
  if (roles.length === 0 || unknown.length > 0) {
    throw invalid('INVALID_ROLES', 'Vai trò phải thuộc: admin, reception, processing, leader, manager (ít nhất một).', { field: 'roles', unknown });
  }
  return [...new Set(roles)] as Role[];
}

export async function createStaff(ctx: ServiceContext, actor: Actor, request: NewStaffRequest, idempotencyKey: string | undefined, origin: RequestOrigin) {
  requireAdmin(actor);
  const roles = checkRoles(request.roles);
  if (!USERNAME_RE.test(request.username)) {
    throw invalid('INVALID_USERNAME', 'Tên đăng nhập gồm 3–64 ký tự chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.', { field: 'username' });
  }
  if (request.password.length < 10) throw invalid('WEAK_PASSWORD', 'Mật khẩu cần ít nhất 10 ký tự.', { field: 'password' });
  if (request.fullName.trim() === '') throw invalid('REQUIRED', 'Họ và tên là bắt buộc.', { field: 'fullName' });
  const now = ctx.now();
  const passwordHash = await hashPassword(request.password);
  const act = async (trx: Db): Promise<StaffView> => {
    await requireOpenUnitInScope(trx, actor, request.unitCode, now);
    if (await findStaffByUsername(trx, request.username)) {
      throw conflict('USERNAME_TAKEN', `Tên đăng nhập "${request.username}" đã tồn tại.`, { field: 'username' });
    }
    await insertStaff(trx, [{ provinceCode: ctx.provinceCode, username: request.username, fullName: request.fullName.trim(),
      unitCode: request.unitCode, roles, passwordHash }]);
    const view: StaffView = { username: request.username, fullName: request.fullName.trim(), unitCode: request.unitCode, roles, active: true };
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor, action: 'staff.create', entityType: 'staff_user',
      entityId: request.username, details: { after: view }, requestId: origin.requestId, address: origin.address });
    return view;
  };
  if (!idempotencyKey) return ctx.db.transaction().execute(act);
  // The password stays out of the stored fingerprint: an unsalted hash of it must never sit in a table.
  const { password: _password, ...fingerprint } = request;
  const { answer } = await runIdempotent(ctx.db, { scope: actor.username, key: idempotencyKey, command: 'staff.create', request: fingerprint }, act);
  return answer;
}

export interface StaffPatch {
  active?: boolean;
  unitCode?: string;
  roles?: string[];
  /** Counters the officer may sit at and the groups they serve (empty: any of the unit's). */
  counterCodes?: string[];
  serviceGroups?: string[];
}

export async function changeStaff(ctx: ServiceContext, actor: Actor, username: string, patch: StaffPatch, origin: RequestOrigin): Promise<StaffView> {
  requireAdmin(actor);
  const roles = patch.roles === undefined ? undefined : checkRoles(patch.roles);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const target = await findStaffByUsername(trx, username);
    if (!target) throw notFound('STAFF_NOT_FOUND', `Không có tài khoản "${username}".`);
    await requireOpenUnitInScope(trx, actor, target.unitCode, now);
    if (patch.unitCode !== undefined) await requireOpenUnitInScope(trx, actor, patch.unitCode, now);
    const losesAdmin = target.roles.includes('admin') && target.active && (patch.active === false || (roles !== undefined && !roles.includes('admin')));
    if (losesAdmin && (await countActiveWithRole(trx, 'admin', target.id)) === 0) {
      throw conflict('LAST_ADMIN', 'Không thể bỏ quyền hoặc khóa quản trị viên cuối cùng.');
    }
    const assignedBefore = (await loadStaffAssignment(trx, target.username))!;
    const before: StaffView = { username: target.username, fullName: target.fullName, unitCode: target.unitCode, roles: target.roles, active: target.active, ...assignedBefore };
    const after: StaffView = { ...before, ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.unitCode !== undefined ? { unitCode: patch.unitCode } : {}), ...(roles !== undefined ? { roles } : {}) };
    // Counters belong to a unit: a move clears the assignment unless a new one for the new unit comes with it.
    const moved = patch.unitCode !== undefined && patch.unitCode !== target.unitCode;
    const assignment = await checkAssignment(trx, ctx, after.unitCode, {
      counterCodes: patch.counterCodes ?? (moved ? [] : assignedBefore.counterCodes),
      serviceGroups: patch.serviceGroups ?? (moved ? [] : assignedBefore.serviceGroups),
    }, patch.counterCodes !== undefined || patch.serviceGroups !== undefined);
    Object.assign(after, assignment);
    await updateStaff(trx, target.id, { active: patch.active, unitCode: patch.unitCode, roles }, now);
    await saveStaffAssignment(trx, target.id, assignment);
    // A deactivated or moved account must sign in again under its new standing.
    const sessionsEnded = patch.active === false || patch.unitCode !== undefined || roles !== undefined ? await revokeAllSessions(trx, target.id, now) : 0;
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor, action: 'staff.update', entityType: 'staff_user',
      entityId: target.username, details: { before, after, sessionsEnded }, requestId: origin.requestId, address: origin.address });
    return after;
  });
}

/** The counters and groups must be open ones of the officer's unit (checked only when the request names them). */
async function checkAssignment(trx: Db, ctx: ServiceContext, unitCode: string, a: { counterCodes: string[]; serviceGroups: string[] }, named: boolean) {
  const assignment = { counterCodes: [...new Set(a.counterCodes)], serviceGroups: [...new Set(a.serviceGroups)] };
  if (!named) return assignment;
  const counters = new Set((await listCounterSettings(trx, ctx.provinceCode, unitCode)).filter((c) => c.active).map((c) => c.code));
  const unknownCounters = assignment.counterCodes.filter((c) => !counters.has(c));
  if (unknownCounters.length > 0) {
    throw invalid('UNKNOWN_COUNTER', `Đơn vị ${unitCode} không có quầy đang mở: ${unknownCounters.join(', ')}.`, { field: 'counterCodes', unknown: unknownCounters });
  }
  const groups = new Set((await listGroupSettings(trx, ctx.provinceCode, unitCode)).filter((g) => g.active).map((g) => g.code));
  const unknownGroups = assignment.serviceGroups.filter((g) => !groups.has(g));
  if (unknownGroups.length > 0) {
    throw invalid('UNKNOWN_SERVICE_GROUP', `Đơn vị ${unitCode} không có nhóm dịch vụ đang hoạt động: ${unknownGroups.join(', ')}.`, { field: 'serviceGroups', unknown: unknownGroups });
  }
  return assignment;
}
