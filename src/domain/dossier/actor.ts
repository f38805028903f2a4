// Who acts on a dossier, and on which side of it. A dossier names three units (architecture principle 2:
// where received ≠ who decides ≠ where returned); every action belongs to one role at one of them.
import { ROLE_LABELS_VI, type Role } from '../staff/roles.ts';

/** The signed-in officer, as the caller knows them. */
export interface ActorFacts {
  username: string;
  roles: readonly Role[];
  unitCode: string;
}

/** receiving = the one-stop unit that took the dossier (đơn vị tiếp nhận); competent = the agency that
 * decides (cơ quan có thẩm quyền); return = the one-stop unit the applicant chose for the result. */
export type UnitSide = 'receiving' | 'competent' | 'return';

export const SIDE_LABELS_VI: Record<UnitSide, string> = {
  receiving: 'đơn vị tiếp nhận hồ sơ',
  competent: 'cơ quan có thẩm quyền giải quyết',
  return: 'đơn vị trả kết quả',
};

export interface Performer {
  role: Role;
  side: UnitSide;
}

export interface DossierUnits {
  receivingUnitCode: string;
  competentUnitCode: string;
  returnUnitCode: string;
}

export function unitOfSide(units: DossierUnits, side: UnitSide): string {
  return side === 'receiving' ? units.receivingUnitCode : side === 'competent' ? units.competentUnitCode : units.returnUnitCode;
}

/** "Lãnh đạo của cơ quan có thẩm quyền giải quyết (UBX25741)" */
export function describePerformer(performer: Performer, units?: DossierUnits): string {
  const unit = units ? ` (${unitOfSide(units, performer.side)})` : '';
  return `${ROLE_LABELS_VI[performer.role]} của ${SIDE_LABELS_VI[performer.side]}${unit}`;
}

/** The performers this actor is, for this dossier (usually none or one). */
export function matchingPerformers(performers: readonly Performer[], actor: ActorFacts, units: DossierUnits): Performer[] {
  return performers.filter((p) => actor.roles.includes(p.role) && unitOfSide(units, p.side) === actor.unitCode);
}
