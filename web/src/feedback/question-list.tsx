// Published questions and answers (anonymised), as plain text.
import { useTranslation } from 'react-i18next';
import type { PublicQuestion } from '../api/feedback.ts';
import { formatInstant } from '../calendar/format-date.ts';

export function QuestionList({ items, testId }: { items: readonly PublicQuestion[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <ul className="qa-list" data-testid={testId}>
      {items.map((q) => (
        <li key={q.id} className="qa-item">
          <details>
            <summary className="qa-question">{q.question}</summary>
            <p className="qa-answer feedback-text">{q.answer}</p>
            <p className="muted">{t('feedback.qa.answeredBy', { unit: q.unitName, date: formatInstant(q.publishedAt, t) })}</p>
          </details>
        </li>
      ))}
    </ul>
  );
}
