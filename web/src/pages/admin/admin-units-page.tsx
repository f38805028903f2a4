// /quan-tri/don-vi: the units of the administrator's subtree as a tree; each unit's profile, office hours
// and agency identifier edited in place. Units are created or closed only by a restructuring plan.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { placesApi, formatPeriods, type AdminUnit } from '../../api/places.ts';
import { ErrorAlert } from '../../calendar/error-alert.tsx';
import { useLoader } from '../../hooks/use-loader.ts';
import { useDocumentTitle } from '../../layout/use-document-title.ts';
import { UnitForm } from '../../places/unit-form.tsx';
import { ADMIN_PAGES } from './admin-pages.ts';

export function AdminUnitsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('places.unitsTitle'));
  const units = useLoader('admin-units', (signal) => placesApi.units(signal));
  const [editing, setEditing] = useState<AdminUnit | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = units.data?.items ?? [];
  const codes = new Set(items.map((u) => u.code));
  const children = (parent: string | null) => items.filter((u) => (parent === null ? u.parentCode === null || !codes.has(u.parentCode) : u.parentCode === parent));

  const render = (list: AdminUnit[]): ReactNode => (
    <ul className="unit-tree">
      {list.map((unit) => (
        <li key={unit.code} data-testid={`unit-${unit.code}`}>
          <div className="unit-row">
            <strong>{unit.name}</strong> <span className="muted">({unit.code} · {t(`places.types.${unit.type}`)})</span>
            <span className="muted"> · {t('places.identifierShort')}: {unit.effectiveAgencyIdentifier ?? '—'}</span>
            <span className="muted"> · {formatPeriods(unit.officeHours.workingPeriods)}{unit.officeHours.saturdayReception.enabled ? ` · ${t('places.saturdayShort')}` : ''}</span>
            {' '}
            <button type="button" className="button" data-testid={`unit-edit-${unit.code}`} onClick={() => { setNotice(null); setEditing(unit); }}>{t('places.edit')}</button>
            {unit.type !== 'agency' ? <> {' '}<Link className="button" to={`/quan-tri/${ADMIN_PAGES.queues}?unit=${encodeURIComponent(unit.code)}`}>{t('places.queueLink')}</Link></> : null}
          </div>
          {children(unit.code).length > 0 ? render(children(unit.code)) : null}
        </li>
      ))}
    </ul>
  );

  return (
    <div className="page admin-units-page">
      <nav className="breadcrumb" aria-label={t('places.back')}>
        <Link to="/quan-tri">{t('places.back')}</Link><span aria-hidden="true"> › </span><span>{t('places.unitsTitle')}</span>
      </nav>
      <h1>{t('places.unitsTitle')}</h1>
      <p className="lead">{t('places.unitsLead')}</p>
      <p className="alert alert-info" data-testid="units-restructure-note">
        {t('places.restructureNote')} <Link to={`/quan-tri/${ADMIN_PAGES.restructure}`} data-testid="units-restructure-link">{t('places.restructureLink')}</Link>
      </p>
      {notice ? <p className="alert alert-success" role="status" data-testid="units-notice">{notice}</p> : null}
      <ErrorAlert error={units.error} testId="units-error" />
      {editing ? (
        <UnitForm key={editing.code} unit={editing} onDone={(saved) => {
          if (saved) {
            // The server's answer shows at once; the reload then brings the whole list up to date.
            units.update((list) => ({ ...list, items: list.items.map((u) => (u.code === saved.code ? saved : u)) }));
            setNotice(t('places.saved', { name: saved.name }));
            units.reload();
          }
          setEditing(null);
        }} />
      ) : null}
      {units.loading && !units.data ? <p>{t('places.loading')}</p> : render(children(null))}
    </div>
  );
}
