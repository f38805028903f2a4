// The reception unit behind a queue URL, and who may work its counters.
import { forbidden, invalid, notFound } from '../domain/errors.ts';
import { isValidAt, type Unit } from '../domain/network/unit.ts';
import { findUnit } from '../store/units.ts';
import type { Db } from '../store/database.ts';
import type { Actor } from './context.ts';

const RECEPTION_TYPES = new Set(['center', 'branch', 'reception_point']);

/** A Center, Branch or Reception Point valid now; 404 / 400 otherwise. */
export async function receptionUnit(db: Db, unitCode: string, now: number): Promise<Unit> {
  const unit = await findUnit(db, unitCode);
  if (!unit || !isValidAt(unit, now)) throw notFound('UNKNOWN_UNIT', `Không có đơn vị tiếp nhận mã "${unitCode}" đang hoạt động.`, { unitCode });
  if (!RECEPTION_TYPES.has(unit.type)) {
    throw invalid('NOT_A_RECEPTION_UNIT', `${unit.name} không phải Trung tâm, Chi nhánh hay Điểm tiếp nhận nên không có quầy và số thứ tự.`, { unitCode });
  }
  return unit;
}

/** Counters are worked by the unit's own reception officers (or its manager); anyone else gets 403. */
export function requireCounterOfficer(actor: Actor, unit: Unit): void {
  if (actor.unitCode !== unit.code) {
    throw forbidden('OUT_OF_UNIT', `Chỉ cán bộ của ${unit.name} được làm việc tại quầy của đơn vị này.`, { unitCode: unit.code, actorUnitCode: actor.unitCode });
  }
  if (!actor.roles.some((r) => r === 'reception' || r === 'manager')) {
    throw forbidden('FORBIDDEN_ROLE', 'Chỉ cán bộ tiếp nhận hoặc giám đốc được làm việc tại quầy.');
  }
}
