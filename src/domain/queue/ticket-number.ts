// Ticket numbers: a series per (unit × service group) that restarts each day of the province's
// calendar (Vietnam time, not the server's), printed as prefix, dash and at least three digits: A-023.
import { localDayNumber, isoDateOfDayNumber } from '../calendar/local-time.ts';

/** The province's calendar day ('YYYY-MM-DD') of an instant: the key of the daily reset. */
export function ticketDay(epochMs: number): string {
  return isoDateOfDayNumber(localDayNumber(epochMs));
}

export function formatTicketNumber(prefix: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`ticket sequence must be a positive integer, got ${seq}`);
  return `${prefix}-${String(seq).padStart(3, '0')}`;
}

/** The parts of a printed number, or undefined when it is not one. */
export function parseTicketNumber(text: string): { prefix: string; seq: number } | undefined {
  const match = /^([A-Z]{1,2})-(\d{3,})$/.exec(text.trim().toUpperCase());
  if (!match) return undefined;
  const seq = Number(match[2]);
  return seq >= 1 ? { prefix: match[1] as string, seq } : undefined;
}
