// Main navigation: a horizontal bar on wide screens, a disclosure menu on phones.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { AREAS } from '../areas.ts';

export function MainNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);

  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <div className="container nav-inner">
        <button
          type="button"
          className="nav-toggle"
          aria-expanded={open}
          aria-controls="main-nav-list"
          onClick={() => setOpen((value) => !value)}
        >
          <span className="nav-toggle-icon" aria-hidden="true" />
          {t('nav.menu')}
        </button>
        <ul id="main-nav-list" className={open ? 'nav-list is-open' : 'nav-list'}>
          {AREAS.map((area, index) => (
            <li key={area.key} className={area.staff && !AREAS[index - 1]?.staff ? 'nav-staff-start' : undefined}>
              <NavLink to={area.path} data-testid={`nav-${area.key}`}>
                {t(`nav.${area.key}`)}
                {area.staff ? <span className="sr-only"> ({t('nav.staffOnly')})</span> : null}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
