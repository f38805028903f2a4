// /quan-tri/can-bo: an administrator finds, creates and edits the officers of its unit subtree;
// deactivates (never deletes), forces sign-out, and hands out one-time password reset links.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ROLES } from '../../api/auth.ts';
import { fetchUnits } from '../../api/counter.ts';
import { PAGE_SIZE, staffApi, type StaffListItem, type StaffQuery } from '../../api/staff.ts';
import { ErrorAlert } from '../../calendar/error-alert.tsx';
import { useLoader } from '../../hooks/use-loader.ts';
import { useDocumentTitle } from '../../layout/use-document-title.ts';
import { CreateStaffForm } from '../../staff/create-staff-form.tsx';
import { EditStaffForm } from '../../staff/edit-staff-form.tsx';
import { ImportStaffForm } from '../../staff/import-staff-form.tsx';
import { UnitSelect } from '../../staff/unit-select.tsx';

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export function AdminStaffPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('staff.title'));
  const units = useLoader('units', (signal) => fetchUnits(signal));
  const unitList = (units.data?.items ?? []).slice().sort((a, b) => a.code.localeCompare(b.code));
  const [draft, setDraft] = useState<StaffQuery>({ q: '', unitCode: '', role: '', active: '' });
  const [query, setQuery] = useState<StaffQuery>({ offset: 0 });
  const list = useLoader(JSON.stringify(query), (signal) => staffApi.list(query, signal));
  const [editing, setEditing] = useState<StaffListItem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const applyFilters = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ ...draft, offset: 0 });
  };
  const act = async (run: () => Promise<string>) => {
    setError(null);
    setNotice(null);
    try {
      setNotice(await run());
      list.reload();
    } catch (caught) {
      setError(caught);
    }
  };
  const toggleActive = (a: StaffListItem) => {
    if (a.active && !window.confirm(t('staff.confirmDeactivate', { username: a.username }))) return;
    void act(async () => (await staffApi.update(a.username, { active: !a.active }), t('staff.saved', { username: a.username })));
  };
  const signOut = (a: StaffListItem) => void act(async () => {
    const r = await staffApi.signOut(a.username);
    return t('staff.signedOut', { count: r.sessionsEnded, username: a.username });
  });
  const resetLink = (a: StaffListItem) => void act(async () => {
    const r = await staffApi.resetLink(a.username);
    return `${t('staff.linkIssued', { username: a.username, expiresAt: when(r.expiresAt) })} ${window.location.origin}${r.path}`;
  });

  const offset = query.offset ?? 0;
  const total = list.data?.total ?? 0;
  return (
    <div className="page admin-staff-page">
      <nav className="breadcrumb" aria-label={t('staff.back')}>
        <Link to="/quan-tri">{t('staff.back')}</Link>
        <span aria-hidden="true"> › </span>
        <span>{t('staff.title')}</span>
      </nav>
      <h1>{t('staff.title')}</h1>
      <p className="lead">{t('staff.lead')}</p>

      <form className="filters" onSubmit={applyFilters} role="search">
        <div className="field">
          <label htmlFor="staff-q">{t('staff.search')}</label>
          <input id="staff-q" data-testid="staff-q" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        </div>
        <UnitSelect id="staff-unit" testId="staff-unit" units={unitList} value={draft.unitCode ?? ''} onChange={(unitCode) => setDraft({ ...draft, unitCode })} emptyLabel={t('staff.anyUnit')} />
        <div className="field">
          <label htmlFor="staff-role">{t('staff.role')}</label>
          <select id="staff-role" data-testid="staff-role" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value })}>
            <option value="">{t('staff.anyRole')}</option>
            {ROLES.map((r) => <option key={r} value={r}>{t(`staff.roleNames.${r}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="staff-active">{t('staff.status')}</label>
          <select id="staff-active" data-testid="staff-active" value={draft.active} onChange={(e) => setDraft({ ...draft, active: e.target.value })}>
            <option value="">{t('staff.anyStatus')}</option>
            <option value="true">{t('staff.active')}</option>
            <option value="false">{t('staff.inactive')}</option>
          </select>
        </div>
        <button type="submit" className="button" data-testid="staff-filter">{t('staff.filter')}</button>
      </form>

      {notice ? <p className="alert alert-success" role="status" data-testid="staff-notice">{notice}</p> : null}
      <ErrorAlert error={error ?? list.error} testId="staff-error" />
      {editing ? (
        <EditStaffForm key={editing.username} account={editing} units={unitList}
          onDone={(saved) => { if (saved) { setNotice(t('staff.saved', { username: editing.username })); list.reload(); } setEditing(null); }} />
      ) : null}

      <p className="muted" data-testid="staff-total">{t('staff.total', { count: total })}</p>
      <table className="data-table" data-testid="staff-table">
        <thead>
          <tr><th>{t('staff.username')}</th><th>{t('staff.fullName')}</th><th>{t('staff.unit')}</th><th>{t('staff.roles')}</th>
            <th>{t('staff.status')}</th><th>{t('staff.lastSignIn')}</th><th>{t('staff.actions')}</th></tr>
        </thead>
        <tbody>
          {(list.data?.items ?? []).map((a) => (
            <tr key={a.username} data-testid={`staff-row-${a.username}`}>
              <td>{a.username}</td>
              <td>{a.fullName}</td>
              <td>{a.unitCode} — {a.unitName}</td>
              <td>{a.roles.map((r) => t(`staff.roleNames.${r as 'admin'}`)).join(', ')}</td>
              <td>{a.active ? t('staff.active') : t('staff.inactive')}</td>
              <td>{a.lastSignInAt ? when(a.lastSignInAt) : t('staff.never')}</td>
              <td className="row-actions">
                <button type="button" className="button" onClick={() => setEditing(a)}>{t('staff.edit')}</button>
                <button type="button" className="button" data-testid={`toggle-${a.username}`} onClick={() => toggleActive(a)}>{a.active ? t('staff.deactivate') : t('staff.reactivate')}</button>
                <button type="button" className="button" data-testid={`signout-${a.username}`} onClick={() => signOut(a)}>{t('staff.signOut')}</button>
                {a.active ? <button type="button" className="button" data-testid={`reset-${a.username}`} onClick={() => resetLink(a)}>{t('staff.resetLink')}</button> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="pager">
        <button type="button" className="button" disabled={offset === 0} onClick={() => setQuery({ ...query, offset: Math.max(0, offset - PAGE_SIZE) })}>{t('staff.prev')}</button>
        {' '}
        <button type="button" className="button" disabled={offset + PAGE_SIZE >= total} onClick={() => setQuery({ ...query, offset: offset + PAGE_SIZE })}>{t('staff.next')}</button>
      </nav>

      <CreateStaffForm units={unitList} onCreated={(username) => { setNotice(t('staff.created', { username })); list.reload(); }} />
      <ImportStaffForm onImported={() => list.reload()} />
    </div>
  );
}
