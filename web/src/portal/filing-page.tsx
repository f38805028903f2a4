// /nop-ho-so/thu-tuc/:code — file a procedure online: applicant prefilled from the identity profile,
// the procedure version's documents (and cases), the unit to file at, where to receive the result,
// a review screen, then the dossier code (and payment of the fee on the dossier page).
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { fetchProcedure, type Procedure } from '../api/procedures.ts';
import { fileOnline, type CitizenProfile, type FilingRequest, type ResultDelivery } from '../api/portal.ts';
import { uploadAttachment } from '../api/dossier-files.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { newIdempotencyKey } from '../calendar/edit/idempotency-key.ts';
import { useLoader } from '../hooks/use-loader.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { CitizenGate, FilingNeedsIdentity } from './citizen-gate.tsx';
import { formatVnd } from './expected-text.tsx';

interface UnitItem { code: string; name: string; type: string }

async function oneStopUnits(signal: AbortSignal): Promise<UnitItem[]> {
  const lists = await Promise.all(['center', 'branch', 'reception_point'].map((type) =>
    api.get<{ items: UnitItem[] }>('/units', { type, limit: 500 }, signal)));
  return lists.flatMap((l) => l.items);
}

export function FilingPage() {
  const { code = '' } = useParams();
  return <CitizenGate>{(citizen) => citizen.signInMethod === 'one_time_code'
    ? <FilingNeedsIdentity returnTo={`/nop-ho-so/thu-tuc/${encodeURIComponent(code)}`} />
    : <Filing procedureCode={code} citizen={citizen} />}</CitizenGate>;
}

function feeOf(procedure: Procedure): number {
  const terms = procedure.channels.find((c) => c.channel === 'online') ?? procedure.channels.find((c) => c.channel === 'direct');
  return terms?.fee.kind === 'amount' && terms.fee.currency === 'VND' ? (terms.fee.amount ?? 0) : 0;
}

function Filing({ procedureCode, citizen }: { procedureCode: string; citizen: CitizenProfile }) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const procedure = useLoader(`procedure:${procedureCode}`, (signal) => fetchProcedure(procedureCode, signal));
  const units = useLoader('one-stop-units', oneStopUnits);
  useDocumentTitle(t('portal.form.title'));
  const [applicant, setApplicant] = useState({ fullName: citizen.fullName, phone: citizen.phone ?? '', email: citizen.email ?? '',
    communeCode: citizen.communeCode ?? '', detail: citizen.addressDetail ?? '' });
  const [caseName, setCaseName] = useState('');
  const [checked, setChecked] = useState<Record<string, boolean>>({});
  const [other, setOther] = useState('');
  const [files, setFiles] = useState<Record<string, File | undefined>>({});
  const [receivingUnitCode, setReceiving] = useState('');
  const [delivery, setDelivery] = useState<ResultDelivery>('unit');
  const [returnUnitCode, setReturnUnit] = useState('');
  const [postalAddress, setPostal] = useState('');
  const [reviewing, setReviewing] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [key] = useState(newIdempotencyKey);

  const p = procedure.data;
  const documents = useMemo(() => {
    if (!p) return [];
    const chosen = p.cases.find((c) => c.name === caseName);
    return [...p.documents, ...(chosen?.documents ?? [])].map((d) => d.name);
  }, [p, caseName]);

  if (procedure.error) return <ErrorAlert error={procedure.error} />;
  if (!p) return <p className="muted" role="status">…</p>;
  if (p.onlineLevel === 'none') return <p className="alert alert-error" role="alert">{t('portal.form.notOnline')}</p>;
  const fee = feeOf(p);
  const unitName = (code: string) => units.data?.find((u) => u.code === code)?.name ?? code;
  const chosenDocuments = [...documents.filter((name) => checked[name]), ...(other.trim() ? [other.trim()] : [])];

  const request = (): FilingRequest => ({
    procedureCode: p.code,
    ...(caseName ? { caseName } : {}),
    applicant: { fullName: applicant.fullName.trim(), idNumber: citizen.idNumber ?? '', phone: applicant.phone.trim(),
      ...(applicant.email.trim() ? { email: applicant.email.trim() } : {}),
      address: { communeCode: applicant.communeCode.trim(), ...(applicant.detail.trim() ? { detail: applicant.detail.trim() } : {}) } },
    receivingUnitCode,
    resultDelivery: delivery,
    ...(delivery === 'unit' ? { returnUnitCode: returnUnitCode || receivingUnitCode } : {}),
    ...(delivery === 'post' ? { postalAddress: postalAddress.trim() } : {}),
    documents: chosenDocuments.map((name) => ({ name })),
    idempotencyKey: key,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reviewing) {
      setReviewing(true);
      return;
    }
    setPending(true);
    setError(null);
    try {
      const answer = await fileOnline(request());
      // The scans follow the filing (they need its code); each upload is idempotent on its own key.
      for (const [name, file] of Object.entries(files)) {
        if (file && chosenDocuments.includes(name)) await uploadAttachment(answer.code, file, name, `${key}-f-${chosenDocuments.indexOf(name)}`, 'citizen');
      }
      navigate(`/nop-ho-so/ho-so/${encodeURIComponent(answer.code)}?moi=1`);
    } catch (caught) {
      setError(caught);
      setReviewing(false);
    } finally {
      setPending(false);
    }
  }

  const text = (name: keyof typeof applicant, label: string, extra: { type?: string; inputMode?: 'numeric' | 'tel' | 'email'; autoComplete?: string; required?: boolean } = {}) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input id={`${id}-${name}`} type={extra.type ?? 'text'} inputMode={extra.inputMode} autoComplete={extra.autoComplete} required={extra.required ?? true}
        value={applicant[name]} onChange={(e) => setApplicant((a) => ({ ...a, [name]: e.target.value }))} data-testid={`filing-${name}`} />
    </div>
  );

  return (
    <div className="portal filing-page" data-testid="filing-page">
      <header className="page-intro">
        <h1>{t('portal.form.title')}</h1>
        <p className="lead">{p.name}</p>
        <p className="muted">{p.code} · {t(`portal.onlineLevel.${p.onlineLevel}`)} · {t('portal.form.fee')}: {fee > 0 ? formatVnd(fee) : t('portal.form.free')}</p>
      </header>
      <form className="form card" onSubmit={submit} data-testid="filing-form">
        {reviewing ? (
          <section aria-labelledby="review-title" data-testid="filing-review">
            <h2 id="review-title">{t('portal.form.reviewTitle')}</h2>
            <dl className="facts">
              <div><dt>{t('portal.form.fullName')}</dt><dd>{applicant.fullName}</dd></div>
              <div><dt>{t('portal.form.idNumber')}</dt><dd>{citizen.idNumber}</dd></div>
              <div><dt>{t('portal.form.phone')}</dt><dd>{applicant.phone}</dd></div>
              {caseName ? <div><dt>{t('portal.form.case')}</dt><dd>{caseName}</dd></div> : null}
              <div><dt>{t('portal.form.documents')}</dt><dd><ul>{chosenDocuments.map((d) => <li key={d}>{d}{files[d] ? ` — ${files[d]!.name}` : ''}</li>)}</ul></dd></div>
              <div><dt>{t('portal.form.receivingUnit')}</dt><dd>{unitName(receivingUnitCode)}</dd></div>
              <div><dt>{t('portal.form.delivery')}</dt><dd>{delivery === 'unit' ? unitName(returnUnitCode || receivingUnitCode)
                : delivery === 'online' ? t('portal.form.deliveryOnline') : `${t('portal.form.deliveryPost')}: ${postalAddress}`}</dd></div>
              <div><dt>{t('portal.form.fee')}</dt><dd>{fee > 0 ? formatVnd(fee) : t('portal.form.free')}</dd></div>
            </dl>
            <div className="button-row">
              <button type="button" className="button" onClick={() => setReviewing(false)}>{t('portal.form.back')}</button>
              <button type="submit" className="button button-primary" disabled={pending} data-testid="filing-submit">
                {pending ? t('portal.form.submitting') : t('portal.form.submit')}</button>
            </div>
          </section>
        ) : (
          <>
            <fieldset>
              <legend>{t('portal.form.stepApplicant')}</legend>
              {text('fullName', t('portal.form.fullName'), { autoComplete: 'name' })}
              <div className="field">
                <label htmlFor={`${id}-cccd`}>{t('portal.form.idNumber')}</label>
                <input id={`${id}-cccd`} value={citizen.idNumber ?? ''} readOnly aria-describedby={`${id}-cccd-hint`} />
                <p id={`${id}-cccd-hint`} className="field-hint">{t('portal.form.idNumberHint')}</p>
              </div>
              {text('phone', t('portal.form.phone'), { type: 'tel', inputMode: 'tel', autoComplete: 'tel' })}
              {text('email', t('portal.form.email'), { type: 'email', inputMode: 'email', autoComplete: 'email', required: false })}
              {text('communeCode', t('portal.form.commune'), { inputMode: 'numeric' })}
              {text('detail', t('portal.form.address'), { autoComplete: 'street-address', required: false })}
            </fieldset>
            <fieldset>
              <legend>{t('portal.form.stepDocuments')}</legend>
              {p.cases.length > 0 ? (
                <div className="field">
                  <label htmlFor={`${id}-case`}>{t('portal.form.case')}</label>
                  <select id={`${id}-case`} value={caseName} onChange={(e) => setCaseName(e.target.value)}>
                    <option value="">—</option>
                    {p.cases.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
                  </select>
                </div>
              ) : null}
              <p className="field-hint">{documents.length > 0 ? t('portal.form.documentsHint') : t('portal.form.noDocuments')}</p>
              {documents.map((name, index) => (
                <label key={`${index}-${name}`} className="choice">
                  <input type="checkbox" checked={checked[name] ?? false} onChange={(e) => setChecked((c) => ({ ...c, [name]: e.target.checked }))}
                    data-testid={`filing-document-${index}`} />
                  <span>{name}</span>
                </label>
              ))}
              {documents.filter((name) => checked[name]).map((name) => (
                <div className="field" key={`file-${name}`}>
                  <label htmlFor={`${id}-file-${documents.indexOf(name)}`}>{t('portal.form.scan', { name })}</label>
                  <input id={`${id}-file-${documents.indexOf(name)}`} type="file" accept="application/pdf,image/jpeg,image/png"
                    data-testid={`filing-file-${documents.indexOf(name)}`} onChange={(e) => { const file = e.target.files?.[0]; setFiles((f) => ({ ...f, [name]: file })); }} />
                </div>
              ))}
              <div className="field">
                <label htmlFor={`${id}-other`}>{t('portal.form.otherDocument')}</label>
                <input id={`${id}-other`} value={other} maxLength={500} onChange={(e) => setOther(e.target.value)} data-testid="filing-other-document" />
              </div>
            </fieldset>
            <fieldset>
              <legend>{t('portal.form.stepPlace')}</legend>
              <div className="field">
                <label htmlFor={`${id}-receiving`}>{t('portal.form.receivingUnit')}</label>
                <select id={`${id}-receiving`} required value={receivingUnitCode} onChange={(e) => setReceiving(e.target.value)} aria-describedby={`${id}-receiving-hint`}
                  data-testid="filing-receiving">
                  <option value="">—</option>
                  {units.data?.map((u) => <option key={u.code} value={u.code}>{u.name}</option>)}
                </select>
                <p id={`${id}-receiving-hint`} className="field-hint">{t('portal.form.receivingHint')}</p>
              </div>
              <fieldset className="choice-group">
                <legend>{t('portal.form.delivery')}</legend>
                {(['unit', 'online', 'post'] as const).map((d) => (
                  <label key={d} className="choice">
                    <input type="radio" name={`${id}-delivery`} value={d} checked={delivery === d} disabled={d !== 'unit' && p.onlineLevel !== 'full'}
                      onChange={() => setDelivery(d)} data-testid={`filing-delivery-${d}`} />
                    <span>{t(`portal.form.delivery${d === 'unit' ? 'Unit' : d === 'online' ? 'Online' : 'Post'}`)}</span>
                  </label>
                ))}
                {p.onlineLevel !== 'full' ? <p className="field-hint">{t('portal.form.partialNote')}</p> : null}
              </fieldset>
              {delivery === 'unit' ? (
                <div className="field">
                  <label htmlFor={`${id}-return`}>{t('portal.form.returnUnit')}</label>
                  <select id={`${id}-return`} value={returnUnitCode} onChange={(e) => setReturnUnit(e.target.value)} data-testid="filing-return">
                    <option value="">{receivingUnitCode ? unitName(receivingUnitCode) : '—'}</option>
                    {units.data?.map((u) => <option key={u.code} value={u.code}>{u.name}</option>)}
                  </select>
                </div>
              ) : null}
              {delivery === 'post' ? (
                <div className="field">
                  <label htmlFor={`${id}-postal`}>{t('portal.form.postalAddress')}</label>
                  <input id={`${id}-postal`} required minLength={10} value={postalAddress} onChange={(e) => setPostal(e.target.value)} data-testid="filing-postal" />
                </div>
              ) : null}
            </fieldset>
            {error ? <ErrorAlert error={error} testId="filing-error" /> : null}
            <button type="submit" className="button button-primary" data-testid="filing-review-button">{t('portal.form.review')}</button>
          </>
        )}
      </form>
    </div>
  );
}
