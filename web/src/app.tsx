// Route table. Areas come from areas.ts; each not-yet-built area renders its placeholder.
import { Route, Routes } from 'react-router';
import { AREAS, LOGIN_PATH } from './areas.ts';
import { Layout } from './layout/layout.tsx';
import { AreaPage } from './pages/area-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path={LOGIN_PATH} element={<LoginPage />} />
        {AREAS.map((area) => (
          <Route key={area.key} path={`${area.path}/*`} element={<AreaPage key={area.key} area={area} />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
