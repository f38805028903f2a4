// /quan-tri/*: the administration area behind the admin role, with its own small route table.
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import type { Area } from '../../areas.ts';
import { RequireStaff } from '../../auth/require-staff.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { ADMIN_PAGES } from './admin-pages.ts';
import { AdminCalendarPage } from './admin-calendar-page.tsx';
import { AdminHomePage } from './admin-home-page.tsx';
import { AdminStaffPage } from './admin-staff-page.tsx';
import { AdminAuditPage } from './admin-audit-page.tsx';
import { AdminRestructurePage } from './admin-restructure-page.tsx';
import { AdminUnitsPage } from './admin-units-page.tsx';
import { AdminQueuesPage } from './admin-queues-page.tsx';
import { ImportPage } from '../../catalog-admin/import-page.tsx';
import { VersionsPage } from '../../catalog-admin/versions-page.tsx';
import { WorkflowPage } from '../../catalog-admin/workflow-page.tsx';
import '../../styles/counter.css';
import '../../styles/dossier.css';
import '../../styles/workflow-admin.css';

export function AdminArea({ area }: { area: Area }) {
  const { t } = useTranslation();
  return (
    <RequireStaff title={t('nav.admin')} roles={area.roles}>
      <Routes>
        <Route index element={<AdminHomePage />} />
        <Route path={ADMIN_PAGES.calendar} element={<AdminCalendarPage />} />
        <Route path={ADMIN_PAGES.users} element={<AdminStaffPage />} />
        <Route path={ADMIN_PAGES.audit} element={<AdminAuditPage />} />
        <Route path={ADMIN_PAGES.restructure} element={<AdminRestructurePage />} />
        <Route path={ADMIN_PAGES.units} element={<AdminUnitsPage />} />
        <Route path={ADMIN_PAGES.queues} element={<AdminQueuesPage />} />
        <Route path={ADMIN_PAGES.catalogImport} element={<ImportPage />} />
        <Route path={ADMIN_PAGES.catalogVersions} element={<VersionsPage />} />
        <Route path={ADMIN_PAGES.workflows} element={<WorkflowPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RequireStaff>
  );
}
