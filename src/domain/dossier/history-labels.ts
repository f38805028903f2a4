// Labels of the steps in a dossier's history: the intake row ("receive"), the contract actions and the
// portal's steps (online filing and its receipt, fee payment, a citizen's online supplement).
import { ACTION_LABELS_VI, isActionType } from './action.ts';
import { PORTAL_STEP_LABELS_VI } from '../portal/online-filing.ts';

export const INTAKE_STEP = 'receive';

export function historyStepLabel(type: string): string {
  if (type === INTAKE_STEP) return 'Tiếp nhận hồ sơ';
  return isActionType(type) ? ACTION_LABELS_VI[type] : (PORTAL_STEP_LABELS_VI[type] ?? type);
}
