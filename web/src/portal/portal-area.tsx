// /nop-ho-so/* — the citizen portal: home (sign-in, my dossiers, find a procedure), filing, one dossier,
// and the demo payment gateway.
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { DemoGatewayPage } from './demo-gateway-page.tsx';
import { FilingPage } from './filing-page.tsx';
import { MyDossierPage } from './my-dossier-page.tsx';
import { PortalHome } from './portal-home.tsx';
import '../styles/dossier.css';
import '../styles/portal.css';

export function PortalArea() {
  return (
    <Routes>
      <Route index element={<PortalHome />} />
      <Route path="dang-nhap" element={<PortalHome />} />
      <Route path="thu-tuc/:code" element={<FilingPage />} />
      <Route path="ho-so/:code" element={<MyDossierPage />} />
      <Route path="thanh-toan/:id" element={<DemoGatewayPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
