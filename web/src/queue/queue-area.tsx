// /hang-doi/*: the queue pages. The kiosk, the ticket status and "where to go" are public; the counter
// console needs a reception officer. The TV display lives outside the site frame (app.tsx).
import { Route, Routes } from 'react-router';
import { RequireStaff } from '../auth/require-staff.tsx';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { useTranslation } from 'react-i18next';
import { QueueHomePage } from './queue-home-page.tsx';
import { KioskPage } from './kiosk-page.tsx';
import { TicketPage } from './ticket-page.tsx';
import { CounterPage } from './counter-page.tsx';
import { WherePage } from './where-page.tsx';
import { BookingPage } from './booking-page.tsx';
import '../styles/queue.css';

export const QUEUE_PATH = '/hang-doi';
export const displayPath = (unit: string) => `${QUEUE_PATH}/${encodeURIComponent(unit)}/man-hinh`;

export function QueueArea() {
  const { t } = useTranslation();
  return (
    <Routes>
      <Route index element={<QueueHomePage />} />
      <Route path="so/:id" element={<TicketPage />} />
      <Route path="di-dau" element={<WherePage />} />
      <Route path=":unitCode/dat-lich" element={<BookingPage />} />
      <Route path=":unitCode/lay-so" element={<KioskPage />} />
      <Route path=":unitCode/quay/:counter?" element={<RequireStaff title={t('queue.console')} roles={['reception', 'manager']}><CounterPage /></RequireStaff>} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
