// Per-step budgets inside the legal time limit (quy trình nội bộ: receipt → processing → approval → return),
// each a number of working hours, laid end to end from the start instant.
import { invalid, isAppError } from '../errors.ts';
import {
  dueDate,
  HOUR_MS,
  instantAtCoordinate,
  workingCoordinate,
  type Duration,
  type WorkingCalendar,
} from '../calendar/index.ts';
import { fail, ok, type Result } from './result.ts';

export interface StepBudget {
  id: string;
  workingHours: number;
}

export interface StepDeadline {
  id: string;
  startsAt: number;
  dueAt: number;
  workingMs: number;
}

export interface StepPlan {
  steps: StepDeadline[];
  totalMs: number;
  /** Working time the legal limit gives from the start instant. */
  limitMs: number;
  dueAt: number;
}

/** Refuses (error value) budgets that are not positive, duplicate ids, or a sum above the legal limit. */
export function planStepDeadlines(
  calendar: WorkingCalendar,
  startAt: number,
  budgets: readonly StepBudget[],
  legalLimit: Duration,
): Result<StepPlan> {
  const ids = new Set<string>();
  for (const [i, step] of budgets.entries()) {
    if (!(Number.isFinite(step.workingHours) && step.workingHours > 0)) {
      return fail(invalid('INVALID_STEP_BUDGET', `Trường "steps[${i}].workingHours" phải là số giờ dương.`, { field: `steps[${i}].workingHours` }));
    }
    if (ids.has(step.id)) return fail(invalid('DUPLICATE_STEP', `Bước "${step.id}" bị lặp.`, { field: `steps[${i}].id` }));
    ids.add(step.id);
  }
  try {
    const start = workingCoordinate(calendar, startAt, 'startAt');
    const legalDueAt = dueDate(calendar, startAt, legalLimit);
    const limitMs = workingCoordinate(calendar, legalDueAt, 'legalLimit') - start;
    const totalMs = budgets.reduce((sum, s) => sum + Math.round(s.workingHours * HOUR_MS), 0);
    if (totalMs > limitMs) {
      return fail(
        invalid('STEP_BUDGETS_EXCEED_LIMIT', `Tổng thời gian các bước (${totalMs / HOUR_MS} giờ) vượt thời hạn giải quyết (${limitMs / HOUR_MS} giờ).`, {
          field: 'steps',
          totalMs,
          limitMs,
        }),
      );
    }
    let used = 0;
    let startsAt = startAt;
    const steps = budgets.map((step) => {
      const workingMs = Math.round(step.workingHours * HOUR_MS);
      used += workingMs;
      const dueAt = instantAtCoordinate(calendar, start + used, 'steps');
      const planned = { id: step.id, startsAt, dueAt, workingMs };
      startsAt = dueAt;
      return planned;
    });
    return ok({ steps, totalMs, limitMs, dueAt: legalDueAt });
  } catch (error) {
    if (isAppError(error)) return fail(error);
    throw error;
  }
}
