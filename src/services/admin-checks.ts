// The checks every administrative or scoped command shares, written once: an officer's scope is its
// unit's subtree; province-wide settings belong to administrators at the province root; changes to
// shared data carry a reason for the audit log.
import { forbidden, invalid } from '../domain/errors.ts';
import { findUnit, subtreeCodesOf } from '../store/units.ts';
import type { Db } from '../store/database.ts';
import type { Actor } from './context.ts';

/** Whether any of the units lies within the actor's unit and everything below it. */
export async function anyInScope(db: Db, actor: Actor, unitCodes: readonly string[]): Promise<boolean> {
  const scope = new Set(await subtreeCodesOf(db, actor.unitCode));
  return unitCodes.some((code) => scope.has(code));
}

export async function requireUnitInScope(db: Db, actor: Actor, unitCode: string): Promise<void> {
  if (!(await anyInScope(db, actor, [unitCode]))) {
    throw forbidden('OUT_OF_SCOPE', `Đơn vị "${unitCode}" nằm ngoài phạm vi quản lý của bạn.`, { unitCode });
  }
}

export function requireAdminRole(actor: Actor, message: string): void {
  if (!actor.roles.includes('admin')) throw forbidden('FORBIDDEN_ROLE', message);
}

/** An administrator of the province root unit (province-wide calendars and settings). */
export async function requireProvinceAdmin(db: Db, actor: Actor, message: string): Promise<void> {
  const unit = await findUnit(db, actor.unitCode);
  if (!actor.roles.includes('admin') || !unit || unit.parentCode !== null) throw forbidden('FORBIDDEN_ROLE', message);
}

export function requireReason(reason: string, message: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 5) throw invalid('REASON_REQUIRED', message, { field: 'reason' });
  return trimmed;
}
