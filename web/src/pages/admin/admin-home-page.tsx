// /quan-tri: the administrator's home — the tools that exist, and honestly, those still to come.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../layout/use-document-title.ts';
import { ADMIN_PAGES, type AdminPageKey } from './admin-pages.ts';

const ORDER: readonly AdminPageKey[] = ['calendar', 'catalogImport', 'catalogVersions', 'restructure', 'users', 'audit', 'units', 'queues', 'workflows'];

export function AdminHomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('nav.admin'));
  return (
    <section className="page" aria-labelledby="admin-title" data-testid="area-admin">
      <h1 id="admin-title">{t('nav.admin')}</h1>
      <p className="lead">{t('admin.lead')}</p>
      <ul className="tiles admin-tiles">
        {ORDER.map((key) => {
          const path = ADMIN_PAGES[key];
          const title = t(`admin.${key}Title`);
          const text = t(`admin.${key}Text`);
          return (
            <li key={key}>
              {path ? (
                <Link className="tile" to={path} data-testid={`admin-link-${key}`}>
                  <span className="tile-title">{title}</span>
                  <span className="tile-text">{text}</span>
                </Link>
              ) : (
                <div className="tile tile-soon" data-testid={`admin-soon-${key}`}>
                  <span className="badge">{t('admin.soon')}</span>
                  <span className="tile-title">{title}</span>
                  <span className="tile-text">{text}</span>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
