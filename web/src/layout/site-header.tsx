import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Emblem } from './emblem.tsx';
import { LangToggle } from './lang-toggle.tsx';
import { MainNav } from './main-nav.tsx';
import { UserMenu } from './user-menu.tsx';

export function SiteHeader() {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to="/" className="brand">
          <Emblem />
          <span className="brand-text">
            <span className="brand-center">{t('app.center')}</span>
            <span className="brand-product">
              <strong>{t('app.product')}</strong>
              <span className="brand-tagline"> · {t('app.tagline')}</span>
            </span>
          </span>
        </Link>
        <div className="header-tools">
          <UserMenu />
          <LangToggle />
        </div>
      </div>
      <MainNav />
    </header>
  );
}
