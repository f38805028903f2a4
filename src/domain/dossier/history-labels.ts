// Labels of the steps in a dossier's history: the intake row ("receive") and the contract actions.
import { ACTION_LABELS_VI, isActionType } from './action.ts';

export const INTAKE_STEP = 'receive';

export function historyStepLabel(type: string): string {
  if (type === INTAKE_STEP) return 'Tiếp nhận hồ sơ';
  return isActionType(type) ? ACTION_LABELS_VI[type] : type;
}
