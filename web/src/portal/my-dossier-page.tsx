// /nop-ho-so/ho-so/:code — one of my dossiers, refreshed every few seconds: status, due date, what is
// expected of me now (pay, supplement, collect, rate) with the form to do it, and the timeline.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { fetchMyDossier, sendSupplement, startPayment, type CitizenDossier } from '../api/portal.ts';
import { uploadAttachment } from '../api/dossier-files.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { newIdempotencyKey } from '../calendar/edit/idempotency-key.ts';
import { formatInstant } from '../calendar/format-date.ts';
import { StatusBadge } from '../dossier/status-badge.tsx';
import { Timeline } from '../dossier/timeline.tsx';
import { useLoader } from '../hooks/use-loader.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { CitizenGate } from './citizen-gate.tsx';
import { ExpectedText, formatVnd } from './expected-text.tsx';
import { RatingForm } from './rating-form.tsx';

const REFRESH_MS = 5000;

export function MyDossierPage() {
  const { code = '' } = useParams();
  return <CitizenGate>{() => <MyDossier code={code} />}</CitizenGate>;
}

function MyDossier({ code }: { code: string }) {
  const { t } = useTranslation();
  const { data, error, reload } = useLoader(`my-dossier:${code}`, (signal) => fetchMyDossier(code, signal));
  useDocumentTitle(t('portal.dossier.title', { code }));
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  if (error && !data) return <ErrorAlert error={error} />;
  if (!data) return <p className="muted" role="status">…</p>;
  return (
    <div className="portal my-dossier" data-testid="my-dossier" data-status={data.status}>
      <header className="card dossier-head">
        <div className="result-head">
          <h1 className="dossier-code" data-testid="my-dossier-code">{t('portal.dossier.title', { code: data.code })}</h1>
          <StatusBadge status={data.status} label={data.statusLabel} testId="my-dossier-status" />
        </div>
        <p className="lead">{data.procedureName}</p>
        <p className="field-hint">{t('portal.dossier.lookupHint')}</p>
      </header>
      <section className="card expected-card" aria-labelledby="expected-title" aria-live="polite">
        <h2 id="expected-title">{t('portal.dossier.expected')}</h2>
        <ExpectedText expected={data.expected} />
        {data.expected.kind === 'pay' ? <PayButton code={data.code} /> : null}
        {data.expected.kind === 'supplement' ? <SupplementForm dossier={data} onSent={reload} /> : null}
        {data.expected.kind === 'rate' ? <RatingForm code={data.code} onRated={reload} /> : null}
      </section>
      <section className="card" aria-labelledby="facts-title">
        <h2 id="facts-title" className="visually-hidden">{t('portal.dossier.title', { code: data.code })}</h2>
        <dl className="facts">
          {data.submittedAt ? <div><dt>{t('portal.dossier.submitted')}</dt><dd><time dateTime={data.submittedAt}>{formatInstant(data.submittedAt, t)}</time></dd></div> : null}
          {data.receivedAt ? <div><dt>{t('portal.dossier.received')}</dt><dd><time dateTime={data.receivedAt}>{formatInstant(data.receivedAt, t)}</time></dd></div> : null}
          {data.dueAt ? <div className="fact-strong"><dt>{t('portal.dossier.due')}</dt><dd data-testid="my-dossier-due"><time dateTime={data.dueAt}>{formatInstant(data.dueAt, t)}</time></dd></div> : null}
          {data.remainingText ? <div><dt>{t('portal.dossier.remaining')}</dt><dd>{data.remainingText}</dd></div> : null}
          <div><dt>{t('portal.dossier.receivingUnit')}</dt><dd>{data.receivingUnitName}</dd></div>
          <div><dt>{t('portal.dossier.returnPlace')}</dt><dd>{data.resultDelivery === 'unit' ? data.returnUnitName
            : data.resultDelivery === 'online' ? t('portal.form.deliveryOnline') : `${t('portal.form.deliveryPost')}: ${data.postalAddress ?? ''}`}</dd></div>
          {data.fee.amount > 0 ? <div><dt>{t('portal.form.fee')}</dt><dd>{formatVnd(data.fee.amount)}{data.fee.paid ? ` — ${t('portal.paymentStatus.paid')}` : ''}</dd></div> : null}
        </dl>
        {data.attachments.length > 0 ? (
          <>
            <h3>{t('portal.dossier.attachments')}</h3>
            <ul data-testid="my-attachments">{data.attachments.map((a) => (
              <li key={a.id}>{a.documentName ?? a.fileName} — {a.fileName} ({Math.ceil(a.size / 1024)} KB)</li>
            ))}</ul>
          </>
        ) : null}
        {data.fee.payments.length > 0 ? (
          <>
            <h3>{t('portal.payments')}</h3>
            <ul data-testid="my-payments">{data.fee.payments.map((p) => (
              <li key={p.id} data-status={p.status}>{formatInstant(p.createdAt, t)} — {formatVnd(p.amount)} — {t(`portal.paymentStatus.${p.status}`)}</li>
            ))}</ul>
          </>
        ) : null}
      </section>
      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('portal.dossier.timeline')}</h2>
        <Timeline testId="my-dossier-timeline" label={t('portal.dossier.timeline')}
          entries={data.timeline.map((s) => ({ key: s.seq, at: s.at, title: <span className="first-upper">{s.label}</span>,
            detail: [s.unitName, s.reason].filter(Boolean).join(' — ') || undefined }))} />
      </section>
    </div>
  );
}

function PayButton({ code }: { code: string }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function pay() {
    setPending(true);
    setError(null);
    try {
      const payment = await startPayment(code);
      window.location.assign(payment.redirectUrl);
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  }
  return (
    <>
      {error ? <ErrorAlert error={error} /> : null}
      <button type="button" className="button button-primary" onClick={() => void pay()} disabled={pending} data-testid="pay">
        {pending ? t('portal.paying') : t('portal.pay')}</button>
    </>
  );
}

function SupplementForm({ dossier, onSent }: { dossier: CitizenDossier; onSent: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const request = dossier.supplementRequest;
  const [names, setNames] = useState<string[]>(() => (request?.missingDocuments.length ? request.missingDocuments : ['']));
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<Array<File | undefined>>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [key] = useState(newIdempotencyKey);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      // Scans first: the answer that tells the officer "sent" comes once every file is in.
      for (const [index, file] of files.entries()) {
        if (file && names[index]?.trim()) await uploadAttachment(dossier.code, file, names[index]!.trim(), `${key}-f-${index}`, 'citizen');
      }
      await sendSupplement(dossier.code, names.filter((n) => n.trim()).map((name) => ({ name: name.trim() })), note.trim() || undefined, key);
      onSent();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }
  return (
    <form className="form" onSubmit={submit} data-testid="supplement-form">
      {request?.reason ? <p className="supplement-reason" data-testid="supplement-reason">{request.reason}</p> : null}
      {names.map((name, index) => (
        <div className="field" key={index}>
          <label htmlFor={`${id}-doc-${index}`}>{t('portal.supplement.document')} {index + 1}</label>
          <input id={`${id}-doc-${index}`} required value={name} maxLength={500} data-testid={`supplement-document-${index}`}
            onChange={(e) => setNames((list) => list.map((n, i) => (i === index ? e.target.value : n)))} />
          <label htmlFor={`${id}-file-${index}`}>{t('portal.form.scan', { name: name || `${index + 1}` })}</label>
          <input id={`${id}-file-${index}`} type="file" accept="application/pdf,image/jpeg,image/png" data-testid={`supplement-file-${index}`}
            onChange={(e) => { const file = e.target.files?.[0]; setFiles((list) => { const next = [...list]; next[index] = file; return next; }); }} />
        </div>
      ))}
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('portal.supplement.note')}</label>
        <textarea id={`${id}-note`} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      <button type="submit" className="button button-primary" disabled={pending} data-testid="supplement-submit">{t('portal.supplement.send')}</button>
    </form>
  );
}
