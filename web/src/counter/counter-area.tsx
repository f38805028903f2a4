// /quay/*: the reception counter — intake (/quay/tiep-nhan) and the return of results (/quay/tra-ket-qua).
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import type { Area } from '../areas.ts';
import { RequireStaff } from '../auth/require-staff.tsx';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { IntakePage } from './intake-page.tsx';
import { ReturnPage } from './return-page.tsx';
import '../styles/dossier.css';
import '../styles/counter.css';

export const COUNTER_PAGES = { intake: 'tiep-nhan', return: 'tra-ket-qua' } as const;

export function CounterArea({ area }: { area: Area }) {
  const { t } = useTranslation();
  return (
    <RequireStaff title={t('nav.counter')} roles={area.roles}>
      <Routes>
        <Route index element={<CounterHome />} />
        <Route path={COUNTER_PAGES.intake} element={<IntakePage />} />
        <Route path={COUNTER_PAGES.return} element={<ReturnPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RequireStaff>
  );
}

function CounterHome() {
  const { t } = useTranslation();
  useDocumentTitle(t('counter.home.title'));
  return (
    <section className="page" aria-labelledby="counter-title" data-testid="area-counter">
      <h1 id="counter-title">{t('counter.home.title')}</h1>
      <p className="lead">{t('counter.home.lead')}</p>
      <ul className="tiles admin-tiles">
        <li>
          <Link className="tile" to={COUNTER_PAGES.intake} data-testid="counter-link-intake">
            <span className="tile-title">{t('counter.home.intakeTitle')}</span>
            <span className="tile-text">{t('counter.home.intakeText')}</span>
          </Link>
        </li>
        <li>
          <Link className="tile" to={COUNTER_PAGES.return} data-testid="counter-link-return">
            <span className="tile-title">{t('counter.home.returnTitle')}</span>
            <span className="tile-text">{t('counter.home.returnText')}</span>
          </Link>
        </li>
      </ul>
    </section>
  );
}
