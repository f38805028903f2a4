// /xu-ly/phan-anh/moi: an officer enters a question or feedback at a counter on the citizen's behalf (a
// citizen who came in or phoned), with the papers they showed; routed and timed exactly like the portal's.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FeedbackForm } from '../../feedback/feedback-form.tsx';
import { useDocumentTitle } from '../../layout/use-document-title.ts';
import '../../styles/feedback.css';

export function FeedbackCounterPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('feedback.counter.title'));
  return (
    <div className="feedback-page">
      <p><Link to="/xu-ly/phan-anh">{t('feedback.desk.back')}</Link></p>
      <header className="page-intro">
        <h1>{t('feedback.counter.title')}</h1>
        <p className="lead">{t('feedback.counter.lead')}</p>
      </header>
      <FeedbackForm mode="counter" />
    </div>
  );
}
