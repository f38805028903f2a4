// Factories shared by the calendar and SLA tests (not used by product code).
import { buildProvinceCalendar } from './province-calendar.ts';
import type { CalendarDefinition } from './calendar-definition.ts';
import type { Duration } from './duration.ts';
import { compileCalendar, type WorkingCalendar } from './working-calendar.ts';
import { formatInstantVN, parseInstant } from '../time/instant.ts';

/** `'2024-02-07 10:00'` (Vietnam time) → epoch ms. */
export function vn(text: string): number {
  const [date, time = '00:00'] = text.split(' ');
  return parseInstant(`${date}T${time.length === 5 ? `${time}:00` : time}+07:00`, 'test');
}

/** epoch ms → `'2024-02-07 10:00'` (seconds shown only when not zero). */
export function local(epochMs: number): string {
  const iso = formatInstantVN(epochMs);
  const seconds = iso.slice(17, 19);
  return `${iso.slice(0, 10)} ${iso.slice(11, seconds === '00' ? 16 : 19)}`;
}

export const days = (value: number): Duration => ({ unit: 'days', value });
export const hours = (value: number): Duration => ({ unit: 'hours', value });

let province: WorkingCalendar | undefined;
let provinceDefinition: CalendarDefinition | undefined;

/** The default province calendar (2000–2100), built once per test file. */
export function provinceCalendar(): WorkingCalendar {
  province ??= compileCalendar(provinceCalendarDefinition());
  return province;
}

export function provinceCalendarDefinition(): CalendarDefinition {
  provinceDefinition ??= buildProvinceCalendar();
  return provinceDefinition;
}
