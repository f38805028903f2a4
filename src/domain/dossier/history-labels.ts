// Labels of the steps in a dossier's history: the intake row ("receive") and the contract actions.
import { ACTION_LABELS_VI, isActionType } from './action.ts';

export const INTAKE_STEP = 'receive';
/** Appended by the timer scan when the promised instant passes (not an officer's action). */
export const OVERDUE_STEP = 'overdue';
/** Written by a restructuring plan: the dossier moves to a successor unit, its status and due date unchanged. */
export const RESTRUCTURE_STEP = 'restructure';

export function historyStepLabel(type: string): string {
  if (type === INTAKE_STEP) return 'Tiếp nhận hồ sơ';
  if (type === OVERDUE_STEP) return 'Quá hạn trả kết quả';
  if (type === RESTRUCTURE_STEP) return 'Chuyển do sắp xếp đơn vị hành chính';
  return isActionType(type) ? ACTION_LABELS_VI[type] : type;
}
