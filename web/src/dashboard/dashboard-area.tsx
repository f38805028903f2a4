// /dieu-hanh/*: the operations dashboard and the dossier lists behind its numbers, for leaders,
// managers and administrators. Loaded on demand, so ECharts never weighs on the other pages.
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router';
import type { Area } from '../areas.ts';
import { RequireStaff } from '../auth/require-staff.tsx';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { DashboardPage } from './dashboard-page.tsx';
import { DrillPage } from './drill-page.tsx';
import { Index766Page } from './index-766-page.tsx';
import '../styles/dashboard.css';

export default function DashboardArea({ area }: { area: Area }) {
  const { t } = useTranslation();
  return (
    <RequireStaff title={t('nav.dashboard')} roles={area.roles}>
      <nav className="dashboard-tabs" aria-label={t('serviceIndex.tabs.label')}>
        <NavLink to="/dieu-hanh" end data-testid="tab-operations">{t('serviceIndex.tabs.operations')}</NavLink>
        <NavLink to="/dieu-hanh/chi-so-766" data-testid="tab-index-766">{t('serviceIndex.tabs.index')}</NavLink>
      </nav>
      <Routes>
        <Route index element={<DashboardPage />} />
        <Route path="chi-so-766" element={<Index766Page />} />
        <Route path="ho-so" element={<DrillPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RequireStaff>
  );
}
