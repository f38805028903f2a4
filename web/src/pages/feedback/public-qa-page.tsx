// /hoi-dap: the public Q&A, searchable without accents like the catalog, with links to ask and to follow.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { searchQuestions } from '../../api/feedback.ts';
import { ErrorAlert } from '../../calendar/error-alert.tsx';
import { QuestionList } from '../../feedback/question-list.tsx';
import { useLoader } from '../../hooks/use-loader.ts';
import { useDocumentTitle } from '../../layout/use-document-title.ts';
import '../../styles/feedback.css';

export function PublicQaPage() {
  const { t } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const state = useLoader(q, (signal) => searchQuestions({ q: q || undefined, limit: 50 }, signal));
  useDocumentTitle(t('feedback.qa.title'));
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setParams(draft.trim() ? { q: draft.trim() } : {}, { replace: true });
  };
  return (
    <div className="feedback-page">
      <header className="page-intro">
        <h1>{t('feedback.qa.title')}</h1>
        <p className="lead">{t('feedback.qa.lead')}</p>
        <p>
          <Link className="button button-primary" to="/hoi-dap/gui" data-testid="qa-ask">{t('feedback.qa.ask')}</Link>{' '}
          <Link className="button" to="/hoi-dap/theo-doi">{t('feedback.track.title')}</Link>
        </p>
      </header>
      <form role="search" className="feedback-search" onSubmit={onSearch}>
        <label htmlFor={`${id}-q`}>{t('feedback.qa.search')}</label>
        <input id={`${id}-q`} type="search" data-testid="qa-search" value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={200} />
        <button type="submit" className="button">{t('feedback.qa.searchButton')}</button>
      </form>
      <ErrorAlert error={state.error} />
      {state.data ? (
        <>
          <p className="muted" role="status">{t('feedback.qa.count', { count: state.data.total })}</p>
          {state.data.items.length > 0 ? <QuestionList items={state.data.items} testId="qa-list" /> : <p>{t('feedback.qa.none')}</p>}
        </>
      ) : null}
    </div>
  );
}
