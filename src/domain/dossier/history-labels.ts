// Labels of the steps in a dossier's history: the intake row ("receive"), the contract actions and the
// portal's steps (online filing and its receipt, fee payment, a citizen's online supplement).
import { ACTION_LABELS_VI, isActionType } from './action.ts';
import { PORTAL_STEP_LABELS_VI } from '../portal/online-filing.ts';

export const INTAKE_STEP = 'receive';
/** Written by a restructuring plan: the dossier moves to a successor unit, its status and due date unchanged. */
export const RESTRUCTURE_STEP = 'restructure';

export function historyStepLabel(type: string): string {
  if (type === INTAKE_STEP) return 'Tiếp nhận hồ sơ';
  if (type === RESTRUCTURE_STEP) return 'Chuyển do sắp xếp đơn vị hành chính';
  return isActionType(type) ? ACTION_LABELS_VI[type] : (PORTAL_STEP_LABELS_VI[type] ?? type);
}
