// The dossier domain's refusals, as the project's typed errors: a machine code, a Vietnamese sentence,
// and details naming the field or the status involved.
import { conflict, forbidden, invalid, type AppError } from '../errors.ts';
import { ACTION_LABELS_VI, type ActionType } from './action.ts';
import { describePerformer, type DossierUnits, type Performer } from './actor.ts';
import { orList } from './vn-text.ts';
import { isTerminal, STATUS_LABELS_VI, type DossierStatus } from './status.ts';

/** One bad field, as `details.issues` lists them (same shape as the HTTP schema errors). */
export interface FieldIssue {
  field: string;
  problem: string;
  message: string;
}

export function fieldError(code: string, field: string, message: string, value?: unknown): AppError {
  return invalid(code, `Trường "${field}": ${message}`, { field, value, issues: [{ field, problem: code, message }] });
}

/** Several bad fields at once; the message quotes the first. */
export function fieldsError(code: string, subject: string, issues: FieldIssue[]): AppError {
  const first = issues[0];
  return invalid(code, first ? `${subject}: ${first.message} (trường "${first.field}").` : `${subject}.`, {
    field: first?.field,
    issues,
  });
}

const list = orList;

export function actionNotAllowed(action: ActionType, status: DossierStatus, allowedFrom: readonly DossierStatus[]): AppError {
  const where = allowedFrom.map((s) => `"${STATUS_LABELS_VI[s]}"`);
  const message = allowedFrom.length === 0 || isTerminal(status)
    ? `Không thể ${ACTION_LABELS_VI[action]}: hồ sơ đã kết thúc (trạng thái "${STATUS_LABELS_VI[status]}").`
    : `Không thể ${ACTION_LABELS_VI[action]} khi hồ sơ đang ở trạng thái "${STATUS_LABELS_VI[status]}" (chỉ được khi ${list(where)}).`;
  return conflict('ACTION_NOT_ALLOWED', message, { action, status, statusLabel: STATUS_LABELS_VI[status], allowedFrom });
}

export function roleNotAllowed(action: ActionType, performers: readonly Performer[], units: DossierUnits): AppError {
  return forbidden(
    'ROLE_NOT_ALLOWED',
    `Thao tác "${ACTION_LABELS_VI[action]}" chỉ dành cho ${list(performers.map((p) => describePerformer(p)))}.`,
    { action, performers, units },
  );
}

export function outOfScope(action: ActionType, performers: readonly Performer[], units: DossierUnits): AppError {
  return forbidden(
    'OUT_OF_SCOPE',
    `Hồ sơ không thuộc phạm vi đơn vị của bạn: thao tác "${ACTION_LABELS_VI[action]}" do ${list(
      performers.map((p) => describePerformer(p, units)),
    )} thực hiện.`,
    { action, performers, units },
  );
}

export function notHandler(action: ActionType, handlerUsername: string | null): AppError {
  return forbidden(
    'NOT_HANDLER',
    handlerUsername === null
      ? `Hồ sơ chưa được phân công: chuyên viên chưa thể ${ACTION_LABELS_VI[action]}.`
      : `Hồ sơ đang do ${handlerUsername} xử lý: chỉ người đang xử lý hoặc lãnh đạo mới được ${ACTION_LABELS_VI[action]}.`,
    { action, handlerUsername },
  );
}
