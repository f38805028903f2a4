// Page frame: skip link, header + nav, main region, footer. After in-app navigation focus moves to
// <main> so keyboard and screen-reader users start at the new content.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { SiteFooter } from './site-footer.tsx';
import { SiteHeader } from './site-header.tsx';

export function Layout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <SiteHeader />
      <main id="main" className="container site-main" tabIndex={-1} ref={mainRef}>
        <Outlet />
      </main>
      <SiteFooter />
    </div>
  );
}
