// The applicant's papers already digitised in their earlier dossiers (any point of the province), offered
// for reuse so the officer does not scan them again (tái sử dụng dữ liệu đã số hóa). Hidden when the
// dossier carries no identity number; the server decides what is listed and audits the look.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchReusableDocuments, reuseDocument, type ReusableDocument } from '../api/dossier-files.ts';
import { ApiError } from '../api/client.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { formatInstant } from '../calendar/format-date.ts';
import { newIdempotencyKey } from '../calendar/edit/idempotency-key.ts';

type Load = { state: 'loading' } | { state: 'hidden' } | { state: 'error'; error: unknown } | { state: 'ready'; items: ReusableDocument[] };

export function ReusableDocuments({ dossierCode, reusedIds, onReused }: { dossierCode: string; reusedIds: ReadonlySet<string>; onReused: () => void }) {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchReusableDocuments(dossierCode, controller.signal).then(
      ({ items }) => setLoad({ state: 'ready', items }),
      (cause: unknown) => {
        if (controller.signal.aborted) return;
        // No identity number on the dossier: nothing to look up, nothing to say.
        setLoad(cause instanceof ApiError && cause.code === 'REUSE_NO_ID_NUMBER' ? { state: 'hidden' } : { state: 'error', error: cause });
      },
    );
    return () => controller.abort();
  }, [dossierCode]);

  if (load.state === 'hidden' || load.state === 'loading') return null;
  const reuse = async (item: ReusableDocument) => {
    setPending(item.attachmentId);
    setError(null);
    try {
      await reuseDocument(dossierCode, item.attachmentId, newIdempotencyKey());
      onReused();
    } catch (cause) {
      setError(cause);
    } finally {
      setPending(null);
    }
  };

  return (
    <section className="reusable-documents" aria-labelledby="reusable-title" data-testid="reusable-documents">
      <h3 id="reusable-title">{t('files.reuse.title')}</h3>
      <p className="muted">{t('files.reuse.lead')}</p>
      {load.state === 'error' ? <ErrorAlert error={load.error} testId="reusable-error" /> : null}
      <ErrorAlert error={error} testId="reuse-error" />
      {load.state === 'ready' && load.items.length === 0 ? <p className="muted" data-testid="reusable-empty">{t('files.reuse.empty')}</p> : null}
      {load.state === 'ready' && load.items.length > 0 ? (
        <ul className="attachment-list">
          {load.items.map((item) => (
            <li key={item.attachmentId} data-testid="reusable-item">
              <span className="attachment-name">{item.documentName ?? item.fileName}</span>
              <span className="muted attachment-meta">
                {item.fileName} · {t('files.reuse.from', { code: item.dossierCode, procedure: item.procedureName })} ·{' '}
                <time dateTime={item.uploadedAt}>{formatInstant(item.uploadedAt, t)}</time>
              </span>
              {reusedIds.has(item.attachmentId) ? (
                <span className="badge" data-testid="reusable-done">{t('files.reuse.done')}</span>
              ) : (
                <button type="button" className="button" disabled={pending !== null} onClick={() => void reuse(item)} data-testid="reusable-use"
                  aria-label={t('files.reuse.useLabel', { name: item.documentName ?? item.fileName })}>
                  {pending === item.attachmentId ? t('files.reuse.using') : t('files.reuse.use')}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
