// Route table. Areas come from areas.ts; an area with pages renders them, the others their placeholder.
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AREAS, CALENDAR_PATH, FEEDBACK_PATH, LOGIN_PATH, type Area } from './areas.ts';
import { CatalogArea } from './catalog/catalog-area.tsx';
import { CounterArea } from './counter/counter-area.tsx';
import { Layout } from './layout/layout.tsx';
import { AdminArea } from './pages/admin/admin-area.tsx';
import { AreaPage } from './pages/area-page.tsx';
import { CalendarPage } from './pages/calendar-page.tsx';
import { DeskArea } from './pages/desk/desk-area.tsx';
import { HomePage } from './pages/home-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { LookupPage } from './pages/lookup-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { FeedbackFormPage } from './pages/feedback/feedback-form-page.tsx';
import { FeedbackTrackPage } from './pages/feedback/feedback-track-page.tsx';
import { PublicQaPage } from './pages/feedback/public-qa-page.tsx';
import { QueueArea, QUEUE_PATH } from './queue/queue-area.tsx';
import { DisplayPage } from './queue/display-page.tsx';
import { AccountPage, ACCOUNT_PATH } from './pages/account-page.tsx';
import { ResetPasswordPage, RESET_PASSWORD_PATH } from './pages/reset-password-page.tsx';

// The dashboard carries ECharts: loaded only when someone opens it.
const DashboardArea = lazy(() => import('./dashboard/dashboard-area.tsx'));

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path={LOGIN_PATH} element={<LoginPage />} />
        <Route path={CALENDAR_PATH} element={<CalendarPage />} />
        <Route path={ACCOUNT_PATH} element={<AccountPage />} />
        <Route path={RESET_PASSWORD_PATH} element={<ResetPasswordPage />} />
        <Route path={FEEDBACK_PATH} element={<PublicQaPage />} />
        <Route path={`${FEEDBACK_PATH}/gui`} element={<FeedbackFormPage />} />
        <Route path={`${FEEDBACK_PATH}/theo-doi`} element={<FeedbackTrackPage />} />
        <Route path={`${QUEUE_PATH}/*`} element={<QueueArea />} />
        {AREAS.map((area) => (
          <Route key={area.key} path={`${area.path}/*`} element={areaElement(area)} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      {/* The TV calling screen fills the screen, without the site's header and footer. */}
      <Route path={`${QUEUE_PATH}/:unitCode/man-hinh`} element={<DisplayPage />} />
    </Routes>
  );
}

function areaElement(area: Area) {
  if (area.key === 'admin') return <AdminArea key={area.key} area={area} />;
  if (area.key === 'lookup') return <LookupPage key={area.key} />;
  if (area.key === 'desk') return <DeskArea key={area.key} area={area} />;
  if (area.key === 'catalog') return <CatalogArea key={area.key} />;
  if (area.key === 'dashboard') return <Suspense key={area.key} fallback={null}><DashboardArea area={area} /></Suspense>;
  if (area.key === 'counter') return <CounterArea key={area.key} area={area} />;
  return <AreaPage key={area.key} area={area} />;
}
