// Labels of the steps in a dossier's history: the intake row ("receive") and the contract actions.
import { ACTION_LABELS_VI, isActionType } from './action.ts';

export const INTAKE_STEP = 'receive';
/** Appended by the timer scan when the promised instant passes (not an officer's action). */
export const OVERDUE_STEP = 'overdue';
/** Written by a restructuring plan: the dossier moves to a successor unit, its status and due date unchanged. */
export const RESTRUCTURE_STEP = 'restructure';

/** Workflow events that leave the status as it is (paper handovers, inter-agency sub-dossiers). */
export const WORKFLOW_EVENT_LABELS_VI: Record<string, string> = {
  paper_sent: 'Chuyển hồ sơ giấy',
  paper_received: 'Xác nhận đã nhận hồ sơ giấy',
  sub_dossier_opened: 'Mở hồ sơ liên thông, xin ý kiến cơ quan phối hợp',
  sub_dossier_assigned: 'Cơ quan phối hợp phân công xử lý hồ sơ liên thông',
  sub_dossier_answered: 'Cơ quan phối hợp trả lời hồ sơ liên thông',
  sub_dossier_closed: 'Đóng hồ sơ liên thông',
};

/** Internal to the agencies: not shown in the citizen's lookup. */
export const isWorkflowEvent = (type: string): boolean => type in WORKFLOW_EVENT_LABELS_VI;

export function historyStepLabel(type: string): string {
  if (type === INTAKE_STEP) return 'Tiếp nhận hồ sơ';
  if (isWorkflowEvent(type)) return WORKFLOW_EVENT_LABELS_VI[type] as string;
  if (type === OVERDUE_STEP) return 'Quá hạn trả kết quả';
  if (type === RESTRUCTURE_STEP) return 'Chuyển do sắp xếp đơn vị hành chính';
  return isActionType(type) ? ACTION_LABELS_VI[type] : type;
}
