// Appointment slots (khung giờ hẹn) of a day: the unit's reception periods that day cut into slots of
// the group's length; none on a closed day (Sunday, holiday, a unit's closure). A slot must fit whole
// inside a period, and a slot that has started can no longer be booked.
import { DayKind, type WorkingCalendar } from '../calendar/working-calendar.ts';
import { dayNumberOfIsoDate, isoDateOfDayNumber, localDayNumber, MINUTE_MS } from '../calendar/local-time.ts';
import { instantOfDayIndex } from '../calendar/working-time.ts';

export interface Slot {
  start: number;
  end: number;
}

export function appointmentSlots(calendar: WorkingCalendar, day: string, slotMinutes: number): Slot[] {
  const dayNumber = dayNumberOfIsoDate(day);
  if (dayNumber === undefined || !(slotMinutes >= 5)) return [];
  const index = dayNumber - calendar.firstDay;
  if (index < 0 || index >= calendar.dayCount) return [];
  const kind = calendar.dayKind[index] as number;
  if (kind === DayKind.closed) return [];
  const periods = calendar.periodsByKind[kind];
  if (!periods) return [];
  const length = slotMinutes * MINUTE_MS;
  const slots: Slot[] = [];
  for (let p = 0; p < periods.starts.length; p++) {
    const end = periods.ends[p] as number;
    for (let start = periods.starts[p] as number; start + length <= end; start += length) {
      slots.push({ start: instantOfDayIndex(calendar, index, start), end: instantOfDayIndex(calendar, index, start + length) });
    }
  }
  return slots;
}

/** The slot of `day` starting exactly at `start`, if the calendar has one. */
export function findSlot(calendar: WorkingCalendar, day: string, slotMinutes: number, start: number): Slot | undefined {
  return appointmentSlots(calendar, day, slotMinutes).find((s) => s.start === start);
}

/** Booking codes: short, unambiguous letters and digits (no 0/O, 1/I). */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function appointmentCode(random: (n: number) => number[]): string {
  return `LH-${random(6).map((r) => CODE_ALPHABET[r % CODE_ALPHABET.length]).join('')}`;
}

/** The next instant (after `now`, within two weeks) at which the unit opens for reception. */
export function nextReceptionOpening(calendar: WorkingCalendar, now: number): number | undefined {
  for (let d = 0; d < 15; d++) {
    const day = isoDateOfDayNumber(localDayNumber(now) + d);
    const first = appointmentSlots(calendar, day, 5).find((s) => s.start > now);
    if (first) return first.start;
  }
  return undefined;
}
