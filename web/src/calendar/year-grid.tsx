// The twelve months of a year: four across on a wide screen, stacked on a phone.
import { useTranslation } from 'react-i18next';
import { MONTHS, provinceNow } from './dates.ts';
import { MonthGrid, type MonthGridProps } from './month-grid.tsx';

type Props = Omit<MonthGridProps, 'month' | 'today'> & { editable?: boolean };

export function YearGrid({ editable = false, ...props }: Props) {
  const { t } = useTranslation();
  const today = provinceNow().date;
  return (
    <ul className={editable ? 'months months-editable' : 'months'} aria-label={t('calendar.monthsLabel', { year: props.year })}>
      {MONTHS.map((month) => (
        <li key={month} className="month-card">
          <MonthGrid {...props} month={month} today={today} />
        </li>
      ))}
    </ul>
  );
}
