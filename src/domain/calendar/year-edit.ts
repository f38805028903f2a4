// What an administrator may put into a year's schedule: dates of that year, days off on weekdays (a
// holiday on a weekend is compensated on the next working day, Labour Code art. 111 cl. 3, so the
// compensatory weekday is what gets listed), make-up working days on weekends.
import { invalid, type AppError } from '../errors.ts';
import type { YearSchedule } from './calendar-definition.ts';
import { dayNumberOfIsoDate, isoWeekdayOf } from './local-time.ts';

const isWeekend = (date: string) => {
  const day = dayNumberOfIsoDate(date);
  return day !== undefined && isoWeekdayOf(day) >= 6;
};

export function yearEditProblem(year: number, schedule: Pick<YearSchedule, 'nonWorkingWeekdays' | 'makeupWorkingSaturdays'>): AppError | undefined {
  const outsideYear = [...schedule.nonWorkingWeekdays, ...schedule.makeupWorkingSaturdays].filter((d) => !d.startsWith(`${year}-`));
  if (outsideYear.length > 0) {
    return invalid('DATE_OUTSIDE_YEAR', `Các ngày phải thuộc năm ${year}: ${outsideYear.join(', ')}.`, { field: 'nonWorkingWeekdays', value: outsideYear });
  }
  const offOnWeekend = schedule.nonWorkingWeekdays.filter(isWeekend);
  if (offOnWeekend.length > 0) {
    return invalid('NOT_A_WEEKDAY', `Ngày nghỉ phải là ngày trong tuần (thứ Hai–thứ Sáu): ${offOnWeekend.join(', ')}; ngày lễ trùng cuối tuần được nghỉ bù vào ngày làm việc kế tiếp.`,
      { field: 'nonWorkingWeekdays', value: offOnWeekend });
  }
  const makeupOnWeekday = schedule.makeupWorkingSaturdays.filter((d) => !isWeekend(d));
  if (makeupOnWeekday.length > 0) {
    return invalid('NOT_A_WEEKEND', `Ngày làm bù phải là thứ Bảy hoặc Chủ nhật: ${makeupOnWeekday.join(', ')}.`, { field: 'makeupWorkingSaturdays', value: makeupOnWeekday });
  }
  return undefined;
}
