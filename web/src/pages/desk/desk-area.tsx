// /xu-ly/*: the officer's desk — the inbox and one dossier — behind the processing roles.
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import type { Area } from '../../areas.ts';
import { RequireStaff } from '../../auth/require-staff.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { DossierPage } from './dossier-page.tsx';
import { InboxPage } from './inbox-page.tsx';
import { UnitWorkPage } from './unit-work-page.tsx';
import { FeedbackInboxPage } from './feedback-inbox-page.tsx';
import { FeedbackItemPage } from './feedback-item-page.tsx';
import { FeedbackCounterPage } from './feedback-counter-page.tsx';
import '../../styles/dossier.css';

export function DeskArea({ area }: { area: Area }) {
  const { t } = useTranslation();
  return (
    <RequireStaff title={t('nav.desk')} roles={area.roles}>
      <Routes>
        <Route index element={<InboxPage />} />
        <Route path="don-vi" element={<UnitWorkPage />} />
        <Route path="phan-anh" element={<FeedbackInboxPage />} />
        <Route path="phan-anh/moi" element={<FeedbackCounterPage />} />
        <Route path="phan-anh/:code" element={<FeedbackItemPage />} />
        <Route path=":code" element={<DossierPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RequireStaff>
  );
}
