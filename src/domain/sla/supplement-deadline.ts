// Decree 61/2018: an insufficient dossier must be answered with a supplement request within 3 working
// days of receipt.
import { dueDate, type WorkingCalendar } from '../calendar/index.ts';

export const SUPPLEMENT_REQUEST_WORKING_DAYS = 3;

export function supplementRequestDeadline(calendar: WorkingCalendar, receivedAt: number): number {
  return dueDate(calendar, receivedAt, { unit: 'days', value: SUPPLEMENT_REQUEST_WORKING_DAYS });
}
