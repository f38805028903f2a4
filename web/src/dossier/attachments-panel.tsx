// The dossier's scanned attachments: the list (open or download each), and an upload form that sends the
// file as it is, with its SHA-256 so that damaged bytes are refused. The server checks the type from the
// content and the size; its Vietnamese message is shown as it comes.
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCEPTED_FILE_TYPES, fetchAttachments, uploadAttachment, type Attachment } from '../api/dossier-files.ts';
import type { Dossier } from '../api/dossiers.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { formatInstant } from '../calendar/format-date.ts';
import { newIdempotencyKey } from '../calendar/edit/idempotency-key.ts';
import { ReusableDocuments } from './reusable-documents.tsx';
import '../styles/dossier-files.css';

type Load = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; items: Attachment[] };

/** The checklist items recorded at intake, offered as suggestions for "belongs to document". */
function documentNamesOf(dossier: Dossier): string[] {
  const documents = (dossier as unknown as { documents?: Array<{ name?: unknown }> }).documents ?? [];
  return documents.map((d) => (typeof d.name === 'string' ? d.name : '')).filter(Boolean);
}

export function AttachmentsPanel({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchAttachments(dossier.code, controller.signal).then(
      ({ items }) => setLoad({ state: 'ready', items }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ state: 'error', error });
      },
    );
    return () => controller.abort();
  }, [dossier.code, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  return (
    <section className="card attachments-panel" aria-labelledby="attachments-title" data-testid="attachments-panel">
      <h2 id="attachments-title">{t('files.attachments.title')}</h2>
      {load.state === 'loading' ? <p className="muted" role="status">{t('files.attachments.loading')}</p> : null}
      {load.state === 'error' ? <ErrorAlert error={load.error} testId="attachments-error" /> : null}
      {load.state === 'ready' ? <AttachmentList items={load.items} /> : null}
      <ReusableDocuments dossierCode={dossier.code} onReused={reload}
        reusedIds={new Set(load.state === 'ready' ? load.items.flatMap((a) => (a.reusedFrom ? [a.reusedFrom.attachmentId] : [])) : [])} />
      <UploadForm dossier={dossier} onUploaded={reload} />
    </section>
  );
}

function AttachmentList({ items }: { items: Attachment[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="muted" data-testid="attachments-empty">{t('files.attachments.empty')}</p>;
  return (
    <ul className="attachment-list" data-testid="attachment-list">
      {items.map((a) => (
        <li key={a.id} data-testid="attachment-item">
          <a href={`${a.downloadUrl}?disposition=inline`} target="_blank" rel="noopener" className="attachment-name">{a.fileName}</a>
          <span className="muted attachment-meta">
            {a.documentName ?? t('files.attachments.otherDocument')} · {sizeOf(a.size).unit === 'kilobytes' ? t('files.attachments.kilobytes', { value: sizeOf(a.size).value }) : t('files.attachments.megabytes', { value: sizeOf(a.size).value })} · {a.uploadedBy.name} ·{' '}
            <time dateTime={a.uploadedAt}>{formatInstant(a.uploadedAt, t)}</time>
            {a.reusedFrom ? <> · <span data-testid="attachment-reused">{t('files.reuse.reusedFrom', { code: a.reusedFrom.dossierCode })}</span></> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

function sizeOf(bytes: number): { unit: 'kilobytes' | 'megabytes'; value: string } {
  if (bytes < 1024 * 1024) return { unit: 'kilobytes', value: String(Math.max(1, Math.round(bytes / 1024))) };
  return { unit: 'megabytes', value: (bytes / (1024 * 1024)).toFixed(1) };
}

function UploadForm({ dossier, onUploaded }: { dossier: Dossier; onUploaded: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [documentName, setDocumentName] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const suggestions = documentNamesOf(dossier);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    setDone(null);
    if (!file) {
      fileInput.current?.focus();
      setError(new MissingFile(t('files.attachments.noFile')));
      return;
    }
    setPending(true);
    setError(null);
    try {
      const attachment = await uploadAttachment(dossier.code, file, documentName, newIdempotencyKey());
      setDone(attachment.fileName);
      setDocumentName('');
      if (fileInput.current) fileInput.current.value = '';
      onUploaded();
    } catch (cause) {
      setError(cause);
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="upload-form" onSubmit={submit} noValidate data-testid="upload-form">
      <h3>{t('files.attachments.uploadTitle')}</h3>
      {error instanceof MissingFile ? <p className="alert alert-error" role="alert">{error.message}</p> : <ErrorAlert error={error} testId="upload-error" />}
      {done ? <p className="alert alert-ok" role="status" data-testid="upload-done">{t('files.attachments.uploaded', { name: done })}</p> : null}
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('files.attachments.chooseFile')}</label>
        <input id={`${id}-file`} ref={fileInput} type="file" accept={ACCEPTED_FILE_TYPES} aria-describedby={`${id}-file-hint`} data-testid="upload-file" />
        <p id={`${id}-file-hint`} className="field-hint">{t('files.attachments.chooseFileHint')}</p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-document`}>{t('files.attachments.documentName')}</label>
        <input id={`${id}-document`} value={documentName} onChange={(e) => setDocumentName(e.target.value)} list={`${id}-documents`} maxLength={500}
          aria-describedby={`${id}-document-hint`} data-testid="upload-document" />
        <datalist id={`${id}-documents`}>{suggestions.map((name) => <option key={name} value={name} />)}</datalist>
        <p id={`${id}-document-hint`} className="field-hint">{t('files.attachments.documentNameHint')}</p>
      </div>
      <div>
        <button type="submit" className="button button-primary" disabled={pending} data-testid="upload-submit">
          {pending ? t('files.attachments.uploading') : t('files.attachments.upload')}
        </button>
      </div>
    </form>
  );
}

class MissingFile extends Error {}
