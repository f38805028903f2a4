// /hoi-dap/gui: "Gửi câu hỏi / phản ánh" on the portal, signed in or not (the form: feedback/feedback-form.tsx).
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { FeedbackKind } from '../../api/feedback.ts';
import { FeedbackForm } from '../../feedback/feedback-form.tsx';
import { useDocumentTitle } from '../../layout/use-document-title.ts';
import '../../styles/feedback.css';

export function FeedbackFormPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  useDocumentTitle(t('feedback.form.title'));
  return (
    <div className="feedback-page">
      <header className="page-intro">
        <h1>{t('feedback.form.title')}</h1>
        <p className="lead">{t('feedback.form.lead')}</p>
      </header>
      <FeedbackForm mode="portal" initialKind={(params.get('loai') as FeedbackKind | null) ?? undefined} initialProcedure={params.get('thu-tuc') ?? undefined} />
    </div>
  );
}
