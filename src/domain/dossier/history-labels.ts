// Labels of the steps in a dossier's history: the intake row ("receive") and the contract actions.
import { ACTION_LABELS_VI, isActionType } from './action.ts';

export const INTAKE_STEP = 'receive';
/** Appended by the timer scan when the promised instant passes (not an officer's action). */
export const OVERDUE_STEP = 'overdue';

export function historyStepLabel(type: string): string {
  if (type === INTAKE_STEP) return 'Tiếp nhận hồ sơ';
  if (type === OVERDUE_STEP) return 'Quá hạn trả kết quả';
  return isActionType(type) ? ACTION_LABELS_VI[type] : type;
}
