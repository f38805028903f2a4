// The official 2024–2026 schedules shipped in seed/vn-holidays-2024-2026.json (Government notices), turned
// into `YearSchedule`s. The JSON is bundled through a static import: no file is read at run time.
import shippedHolidayFile from '../../../seed/vn-holidays-2024-2026.json' with { type: 'json' };
import type { HolidayBreak, YearSchedule } from './calendar-definition.ts';
import { invalidCalendar, type CalendarIssue } from './calendar-errors.ts';

interface HolidayFileBreak {
  name: string;
  from: string;
  to: string;
  basis?: string;
}

interface HolidayFile {
  years: Record<string, HolidayFileBreak[]>;
  flat: Record<string, { nonWorkingWeekdays: string[]; makeupWorkingSaturdays: string[] }>;
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Reads a file shaped like the shipped one (`years` with breaks, `flat` with day lists) into schedules. */
export function officialSchedulesFromHolidayFile(file: unknown): Record<string, YearSchedule> {
  const issues: CalendarIssue[] = [];
  const f = file as Partial<HolidayFile> | null;
  if (typeof f !== 'object' || f === null || typeof f.flat !== 'object' || f.flat === null) {
    throw invalidCalendar([{ field: 'flat', message: 'tệp ngày nghỉ thiếu mục "flat".' }]);
  }
  const schedules: Record<string, YearSchedule> = {};
  for (const [year, flat] of Object.entries(f.flat)) {
    if (!isStringArray(flat?.nonWorkingWeekdays)) issues.push({ field: `flat.${year}.nonWorkingWeekdays`, message: 'phải là danh sách ngày.' });
    if (!isStringArray(flat?.makeupWorkingSaturdays)) issues.push({ field: `flat.${year}.makeupWorkingSaturdays`, message: 'phải là danh sách ngày.' });
    const breaks = f.years?.[year] ?? [];
    const holidayBreaks: HolidayBreak[] = breaks.map((b) => ({ name: b.name, from: b.from, to: b.to }));
    schedules[year] = {
      status: 'official',
      nonWorkingWeekdays: [...(flat?.nonWorkingWeekdays ?? [])],
      makeupWorkingSaturdays: [...(flat?.makeupWorkingSaturdays ?? [])],
      holidayBreaks,
      basis: breaks.map((b) => b.basis).filter((b): b is string => typeof b === 'string').join(' | '),
    };
  }
  if (issues.length > 0) throw invalidCalendar(issues);
  return schedules;
}

/** Official schedules shipped with the product (2024, 2025, 2026). */
export function shippedOfficialSchedules(): Record<string, YearSchedule> {
  return officialSchedulesFromHolidayFile(shippedHolidayFile);
}
