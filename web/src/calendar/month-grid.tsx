// One month as a table: Monday-first columns T2 … CN, a row per week.
import { useTranslation } from 'react-i18next';
import type { HolidayBreak } from '../api/calendar.ts';
import { ISO_WEEKDAYS, inRange, monthWeeks, type Month } from './dates.ts';
import { DayCell } from './day-cell.tsx';
import { dayKind, type YearDays } from './day-kind.ts';

export interface MonthGridProps {
  year: number;
  month: Month;
  days: YearDays;
  /** The saved calendar, to mark the days the editor changed. */
  savedDays?: YearDays | undefined;
  breaks: readonly HolidayBreak[];
  today: string;
  onToggle?: ((date: string) => void) | undefined;
}

export function MonthGrid({ year, month, days, savedDays, breaks, today, onToggle }: MonthGridProps) {
  const { t } = useTranslation();
  return (
    <table className="month" data-testid={`month-${year}-${String(month).padStart(2, '0')}`}>
      <caption>{t(`calendar.month.${`${month}` as const}`)}</caption>
      <thead>
        <tr>
          {ISO_WEEKDAYS.map((weekday) => (
            <th key={weekday} scope="col" abbr={t(`calendar.weekdayTitle.${`${weekday}` as const}`)} className={weekday >= 6 ? 'is-weekend' : undefined}>
              {t(`calendar.weekdayShort.${`${weekday}` as const}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(year, month).map((week, index) => (
          <tr key={index}>
            {week.map((date, column) =>
              date ? (
                <DayCell
                  key={date}
                  date={date}
                  kind={dayKind(date, days)}
                  breakName={breaks.find((b) => inRange(date, b.from, b.to))?.name}
                  isToday={date === today}
                  changed={savedDays ? dayKind(date, savedDays) !== dayKind(date, days) : false}
                  onToggle={onToggle}
                />
              ) : (
                <td key={`pad-${column}`} className="day-pad" />
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
