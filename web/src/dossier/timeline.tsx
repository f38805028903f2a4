// A vertical timeline of dossier steps, oldest first; the last one is marked as current.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../calendar/format-date.ts';

export interface TimelineEntry {
  key: string | number;
  at: string;
  title: ReactNode;
  detail?: ReactNode;
}

export function Timeline({ entries, label, testId }: { entries: TimelineEntry[]; label: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <ol className="timeline" aria-label={label} data-testid={testId}>
      {entries.map((entry, index) => (
        <li key={entry.key} className={index === entries.length - 1 ? 'timeline-item is-current' : 'timeline-item'} aria-current={index === entries.length - 1 ? 'step' : undefined}>
          <span className="timeline-dot" aria-hidden="true" />
          <div className="timeline-body">
            <p className="timeline-title">{entry.title}</p>
            <p className="timeline-at">
              <time dateTime={entry.at}>{formatInstant(entry.at, t)}</time>
            </p>
            {entry.detail ? <div className="timeline-detail">{entry.detail}</div> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
