// /thu-tuc/*: the catalog and one procedure's page.
import { Route, Routes } from 'react-router';
import { CatalogPage } from '../pages/catalog-page.tsx';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { ProcedurePage } from '../pages/procedure-page.tsx';

export function CatalogArea() {
  return (
    <Routes>
      <Route index element={<CatalogPage />} />
      <Route path=":code" element={<ProcedurePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
