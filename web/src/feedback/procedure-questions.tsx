// The procedure page's "Hỏi đáp về thủ tục này": published answers attached to the procedure, and a link
// to ask a new question about it.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { searchQuestions } from '../api/feedback.ts';
import { useLoader } from '../hooks/use-loader.ts';
import { QuestionList } from './question-list.tsx';

export function ProcedureQuestions({ procedureCode }: { procedureCode: string }) {
  const { t } = useTranslation();
  const state = useLoader(procedureCode, (signal) => searchQuestions({ procedureCode, limit: 20 }, signal));
  return (
    <section className="procedure-section" data-testid="procedure-questions" aria-labelledby="procedure-questions-title">
      <h2 id="procedure-questions-title">{t('feedback.qa.procedureTitle')}</h2>
      {state.data && state.data.items.length > 0 ? <QuestionList items={state.data.items} testId="procedure-qa-list" /> : <p className="muted">{t('feedback.qa.none')}</p>}
      <p><Link className="button" data-testid="procedure-ask" to={`/hoi-dap/gui?thu-tuc=${encodeURIComponent(procedureCode)}`}>{t('feedback.qa.askAbout')}</Link></p>
    </section>
  );
}
