// /quay/tiep-nhan: the counter's intake. Top to bottom as the officer works: procedure (and case),
// applicant, area, the document checklist, fee and return point. Missing required papers turn the
// submit into the supplement form (Mẫu 02); a complete dossier is filed once (idempotency key of the
// request) and the receipt shows with the link to print Mẫu 01.
import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import {
  fetchChecklist,
  fetchCommunes,
  fetchUnits,
  fileDossier,
  type Checklist,
  type Commune,
  type IntakeAnswer,
  type IntakeRequest,
  type NetworkUnit,
} from '../api/counter.ts';
import type { ProcedureSummary } from '../api/procedures.ts';
import { useSession } from '../auth/session-context.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { useIdempotencyKey } from '../calendar/edit/idempotency-key.ts';
import { feeText, summaryTimeLimit } from '../catalog/format.ts';
import { useLoader } from '../hooks/use-loader.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { ChecklistTable } from './checklist-table.tsx';
import { CommunePicker } from './commune-picker.tsx';
import {
  digitsOnly,
  emptyRow,
  isCccdShape,
  isPropertyProcedure,
  isTaxCodeShape,
  missingRequired,
  receivedDocuments,
  type ReceivedRow,
} from './counter-rules.ts';
import { IssueList } from './issue-list.tsx';
import { ProcedurePicker } from './procedure-picker.tsx';
import { Receipt } from './receipt.tsx';
import { SupplementNotice } from './supplement-notice.tsx';
import { UnitPicker } from './unit-picker.tsx';

const ONE_STOP = new Set(['center', 'branch', 'reception_point']);

interface Applicant {
  kind: 'citizen' | 'organization';
  fullName: string;
  idNumber: string;
  phone: string;
  email: string;
  detail: string;
  hasRepresentative: boolean;
  repName: string;
  repId: string;
  repPhone: string;
  repAuthorisation: string;
}

const EMPTY_APPLICANT: Applicant = {
  kind: 'citizen', fullName: '', idNumber: '', phone: '', email: '', detail: '',
  hasRepresentative: false, repName: '', repId: '', repPhone: '', repAuthorisation: '',
};

type ReturnChoice = 'here' | 'commune' | 'other';
type Outcome = { kind: 'receipt'; answer: IntakeAnswer; request: IntakeRequest } | { kind: 'supplement'; missing: string[] } | null;

export function IntakePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('counter.intake.title'));
  const [params] = useSearchParams();
  const ticket = params.get('ticket')?.slice(0, 100) || null;
  const [round, setRound] = useState(0);
  return (
    <div className="counter-page" data-testid="counter-intake">
      <header className="page-intro">
        <h1>{t('counter.intake.title')}</h1>
        <p className="lead">{t('counter.intake.lead')}</p>
        {ticket ? <p className="ticket-context" data-testid="counter-ticket">{t('counter.intake.ticket', { ticket })}</p> : null}
      </header>
      <IntakeForm key={round} ticket={ticket} onNext={() => setRound((r) => r + 1)} />
    </div>
  );
}

function IntakeForm({ ticket, onNext }: { ticket: string | null; onNext: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { session } = useSession();
  const user = session.status === 'signed-in' ? session.user : null;
  const communes = useLoader('communes', (signal) => fetchCommunes(signal).then((a) => a.items));
  const units = useLoader('units', (signal) => fetchUnits(signal).then((a) => a.items));

  const [procedure, setProcedure] = useState<ProcedureSummary | null>(null);
  const [caseName, setCaseName] = useState('');
  const [applicant, setApplicant] = useState<Applicant>(EMPTY_APPLICANT);
  const [commune, setCommune] = useState<Commune | null>(null);
  const [useProperty, setUseProperty] = useState(false);
  const [propertyCommune, setPropertyCommune] = useState<Commune | null>(null);
  const [rows, setRows] = useState<ReceivedRow[]>([]);
  const [feeAmount, setFeeAmount] = useState('');
  const [feeReceipt, setFeeReceipt] = useState('');
  const [returnChoice, setReturnChoice] = useState<ReturnChoice>('here');
  const [otherUnit, setOtherUnit] = useState<NetworkUnit | null>(null);
  const [byPost, setByPost] = useState(false);
  const [postAddress, setPostAddress] = useState('');
  const [touched, setTouched] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const keyFor = useIdempotencyKey();

  const checklist = useLoader<Checklist | null>(`${procedure?.code ?? ''}|${caseName}`, (signal) =>
    procedure ? fetchChecklist(procedure.code, caseName || null, signal) : Promise.resolve(null));
  const items = checklist.data?.items ?? [];
  useEffect(() => setRows(items.map(emptyRow)), [checklist.data]);
  useEffect(() => {
    const fee = checklist.data?.fee?.fee;
    setFeeAmount(fee?.kind === 'amount' && fee.currency === 'VND' ? String(fee.amount ?? '') : fee?.kind === 'free' ? '0' : '');
  }, [checklist.data]);

  const set = (key: keyof Applicant) => (e: { target: { value: string } }) => setApplicant((a) => ({ ...a, [key]: e.target.value }));
  const missing = missingRequired(items, rows);
  const propertyLikely = procedure ? isPropertyProcedure(procedure.field, procedure.name) : false;
  const oneStopUnits = useMemo(() => (units.data ?? []).filter((u) => ONE_STOP.has(u.type)), [units.data]);
  const unitName = (code: string | null | undefined) => (code ? (units.data ?? []).find((u) => u.code === code)?.name ?? code : '');
  const communePoint = commune?.receptionPointCode && commune.receptionPointCode !== user?.unitCode ? commune.receptionPointCode : null;
  const idOk = applicant.kind === 'citizen' ? isCccdShape(applicant.idNumber) : isTaxCodeShape(applicant.idNumber);
  const repIdOk = !applicant.hasRepresentative || isCccdShape(applicant.repId);
  const noTimeLimit = procedure !== null && procedure.processingDays === null && procedure.processingHours === null;

  function returnUnitCode(): string {
    if (returnChoice === 'commune' && communePoint) return communePoint;
    if (returnChoice === 'other' && otherUnit) return otherUnit.code;
    return user?.unitCode ?? '';
  }

  function buildRequest(): IntakeRequest | null {
    if (!procedure || !commune || !idOk || !repIdOk) return null;
    if (useProperty && !propertyCommune) return null;
    if (returnChoice === 'other' && !otherUnit) return null;
    const text = (v: string) => v.trim() || undefined;
    const idNumber = digitsOnly(applicant.idNumber);
    const amount = feeAmount.trim() === '' ? undefined : Number(feeAmount.replace(/[.\s]/g, ''));
    return {
      procedureCode: procedure.code,
      ...(caseName ? { caseName } : {}),
      applicant: {
        kind: applicant.kind,
        fullName: applicant.fullName.trim(),
        ...(applicant.kind === 'citizen' ? { idNumber } : { taxCode: idNumber }),
        phone: applicant.phone.trim(),
        ...(text(applicant.email) ? { email: text(applicant.email) } : {}),
        address: { communeCode: commune.code, ...(text(applicant.detail) ? { detail: text(applicant.detail) } : {}) },
        ...(applicant.hasRepresentative
          ? { representative: { fullName: applicant.repName.trim(), idNumber: digitsOnly(applicant.repId),
              ...(text(applicant.repPhone) ? { phone: text(applicant.repPhone) } : {}), ...(text(applicant.repAuthorisation) ? { authorisation: text(applicant.repAuthorisation) } : {}) } }
          : {}),
      },
      ...(useProperty && propertyCommune ? { propertyCommuneCode: propertyCommune.code } : {}),
      documents: receivedDocuments(items, rows),
      ...(amount !== undefined && Number.isFinite(amount) ? { fee: { amount, ...(text(feeReceipt) ? { receiptNumber: text(feeReceipt) } : {}) } } : {}),
      returnUnitCode: returnUnitCode(),
      returnByPost: byPost,
      ...(byPost ? { returnAddress: postAddress.trim() } : {}),
      ...(ticket ? { ticketId: ticket } : {}),
      idempotencyKey: '',
    };
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTouched(true);
    if (pending) return;
    if (missing.length > 0) {
      setOutcome({ kind: 'supplement', missing: missing.map((m) => m.name) });
      return;
    }
    const draft = buildRequest();
    if (!draft) {
      setError(null);
      return;
    }
    // The same request keeps its key: a double click or a retry after a lost answer files one dossier.
    const { idempotencyKey: _ignored, ...fingerprint } = draft;
    const request = { ...draft, idempotencyKey: keyFor(JSON.stringify(fingerprint)) };
    setPending(true);
    setError(null);
    try {
      const answer = await fileDossier(request);
      setOutcome({ kind: 'receipt', answer, request });
    } catch (caught) {
      if (isApiError(caught) && caught.code === 'DOCUMENTS_MISSING') {
        const names = (caught.details as { missing?: string[] } | undefined)?.missing ?? [];
        setOutcome({ kind: 'supplement', missing: names });
      } else {
        setError(caught);
      }
    } finally {
      setPending(false);
    }
  }

  if (outcome?.kind === 'receipt') {
    return <Receipt answer={outcome.answer} request={outcome.request} unitName={unitName} onNext={onNext} />;
  }
  if (outcome?.kind === 'supplement' && procedure) {
    return (
      <SupplementNotice procedure={procedure} applicantName={applicant.fullName} missing={outcome.missing}
        officer={user?.fullName ?? ''} unit={user?.unitName ?? ''} onBack={() => setOutcome(null)} />
    );
  }

  const showInvalid = (bad: boolean) => touched && bad;
  return (
    <form className="counter-form" onSubmit={submit} noValidate={false} aria-describedby={`${id}-status`}>
      <fieldset className="card counter-section">
        <legend>{t('counter.intake.procedureSection')}</legend>
        {procedure ? (
          <div className="chosen-procedure" data-testid="counter-chosen-procedure" data-code={procedure.code}>
            <p className="option-title">{procedure.name}</p>
            <p className="option-meta">
              {procedure.code} · {t(`catalog.levels.${procedure.level}`)} · {t('counter.intake.timeLimit', { limit: summaryTimeLimit(procedure, t) })}
              {' · '}
              <span className={procedure.locationFree ? 'tag tag-free' : 'tag tag-own'}>
                {procedure.locationFree ? t('counter.intake.locationFree') : t('counter.intake.ownArea')}
              </span>
            </p>
            {noTimeLimit ? <p className="alert alert-error" role="alert">{t('counter.intake.noTimeLimit')}</p> : null}
            <button type="button" className="button button-quiet" onClick={() => { setProcedure(null); setCaseName(''); }}>{t('counter.intake.change')}</button>
          </div>
        ) : (
          <ProcedurePicker invalid={showInvalid(true)} onSelect={(p) => { setProcedure(p); setCaseName(''); setUseProperty(isPropertyProcedure(p.field, p.name)); }} />
        )}
        {touched && !procedure ? <p className="field-error" role="alert">{t('counter.intake.chooseProcedure')}</p> : null}
        {checklist.data && checklist.data.cases.length > 0 ? (
          <div className="field">
            <label htmlFor={`${id}-case`}>{t('counter.intake.case')}</label>
            <select id={`${id}-case`} data-testid="counter-case" value={caseName} onChange={(e) => setCaseName(e.target.value)}>
              <option value="">{t('counter.intake.caseNone')}</option>
              {checklist.data.cases.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </div>
        ) : null}
      </fieldset>

      <fieldset className="card counter-section">
        <legend>{t('counter.intake.applicantSection')}</legend>
        <div className="radio-row" role="radiogroup" aria-label={t('counter.intake.kind')}>
          {(['citizen', 'organization'] as const).map((kind) => (
            <label key={kind} className="check">
              <input type="radio" name={`${id}-kind`} value={kind} data-testid={`counter-kind-${kind}`} checked={applicant.kind === kind}
                onChange={() => setApplicant((a) => ({ ...a, kind }))} />
              {t(`counter.intake.${kind}`)}
            </label>
          ))}
        </div>
        <div className="field-grid">
          <Field id={`${id}-name`} label={applicant.kind === 'citizen' ? t('counter.intake.fullName') : t('counter.intake.orgName')}>
            <input id={`${id}-name`} data-testid="counter-full-name" required maxLength={200} autoComplete="off" value={applicant.fullName} onChange={set('fullName')} />
          </Field>
          <Field id={`${id}-idnum`} label={applicant.kind === 'citizen' ? t('counter.intake.idNumber') : t('counter.intake.taxCode')}
            hint={applicant.kind === 'citizen' ? t('counter.intake.idNumberHint') : t('counter.intake.taxCodeHint')}
            error={showInvalid(!idOk) || (applicant.idNumber !== '' && !idOk && digitsOnly(applicant.idNumber).length >= (applicant.kind === 'citizen' ? 12 : 10))
              ? (applicant.kind === 'citizen' ? t('counter.intake.idNumberShape') : t('counter.intake.taxCodeShape')) : null}>
            <input id={`${id}-idnum`} data-testid="counter-id-number" required inputMode="numeric" maxLength={20} autoComplete="off" value={applicant.idNumber}
              aria-invalid={showInvalid(!idOk) || undefined} onChange={set('idNumber')} />
          </Field>
          <Field id={`${id}-phone`} label={t('counter.intake.phone')} hint={t('counter.intake.phoneHint')}>
            <input id={`${id}-phone`} data-testid="counter-phone" type="tel" required maxLength={20} autoComplete="off" value={applicant.phone} onChange={set('phone')} />
          </Field>
          <Field id={`${id}-email`} label={t('counter.intake.email')}>
            <input id={`${id}-email`} data-testid="counter-email" type="email" maxLength={200} autoComplete="off" value={applicant.email} onChange={set('email')} />
          </Field>
        </div>
        <label className="check">
          <input type="checkbox" data-testid="counter-has-representative" checked={applicant.hasRepresentative}
            onChange={(e) => setApplicant((a) => ({ ...a, hasRepresentative: e.target.checked }))} />
          {t('counter.intake.hasRepresentative')}
        </label>
        {applicant.hasRepresentative ? (
          <div className="field-grid nested" role="group" aria-label={t('counter.intake.representative')}>
            <Field id={`${id}-rep-name`} label={t('counter.intake.repName')}>
              <input id={`${id}-rep-name`} data-testid="counter-rep-name" required maxLength={200} value={applicant.repName} onChange={set('repName')} />
            </Field>
            <Field id={`${id}-rep-id`} label={t('counter.intake.repId')} error={showInvalid(!repIdOk) ? t('counter.intake.idNumberShape') : null}>
              <input id={`${id}-rep-id`} data-testid="counter-rep-id" required inputMode="numeric" maxLength={20} value={applicant.repId} onChange={set('repId')} />
            </Field>
            <Field id={`${id}-rep-phone`} label={t('counter.intake.repPhone')}>
              <input id={`${id}-rep-phone`} type="tel" maxLength={20} value={applicant.repPhone} onChange={set('repPhone')} />
            </Field>
            <Field id={`${id}-rep-auth`} label={t('counter.intake.repAuthorisation')}>
              <input id={`${id}-rep-auth`} data-testid="counter-rep-authorisation" maxLength={250} value={applicant.repAuthorisation} onChange={set('repAuthorisation')} />
            </Field>
          </div>
        ) : null}
      </fieldset>

      <fieldset className="card counter-section">
        <legend>{t('counter.intake.addressSection')}</legend>
        <div className="field-grid">
          <CommunePicker label={applicant.kind === 'citizen' ? t('counter.intake.commune') : t('counter.intake.communeOrg')} testId="counter-commune"
            communes={communes.data ?? []} value={commune} onChange={setCommune} invalid={showInvalid(!commune)} />
          <Field id={`${id}-detail`} label={t('counter.intake.addressDetail')}>
            <input id={`${id}-detail`} data-testid="counter-address-detail" maxLength={250} value={applicant.detail} onChange={set('detail')} />
          </Field>
        </div>
        {touched && !commune ? <p className="field-error" role="alert">{t('counter.intake.chooseCommune')}</p> : null}
        {procedure && (propertyLikely || useProperty) ? (
          <>
            <label className="check">
              <input type="checkbox" data-testid="counter-use-property" checked={useProperty} onChange={(e) => setUseProperty(e.target.checked)} />
              {t('counter.intake.useProperty')}
            </label>
            {useProperty ? (
              <CommunePicker label={t('counter.intake.propertyCommune')} hint={t('counter.intake.propertyHint')} testId="counter-property-commune"
                communes={communes.data ?? []} value={propertyCommune} onChange={setPropertyCommune} invalid={showInvalid(!propertyCommune)} />
            ) : null}
          </>
        ) : null}
      </fieldset>

      <fieldset className="card counter-section">
        <legend>{t('counter.intake.documentsSection')}</legend>
        {!procedure ? null : checklist.loading && !checklist.data ? (
          <p className="muted" role="status">{t('counter.intake.documentsLoading')}</p>
        ) : checklist.error ? (
          <ErrorAlert error={checklist.error} />
        ) : (
          <ChecklistTable items={items} rows={rows} onChange={setRows} />
        )}
        {procedure && items.length > 0 ? (
          <p className={missing.length > 0 ? 'checklist-status is-missing' : 'checklist-status is-complete'} role="status" data-testid="counter-missing-count">
            {missing.length > 0 ? t('counter.intake.missingCount', { count: missing.length }) : t('counter.intake.allReceived')}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="card counter-section">
        <legend>{t('counter.intake.feeSection')}</legend>
        {checklist.data?.fee ? (
          <p className="muted" data-testid="counter-published-fee">
            {t('counter.intake.publishedFee', { fee: feeText(checklist.data.fee.fee, checklist.data.fee.text, t, i18n.resolvedLanguage ?? 'vi') })}
          </p>
        ) : null}
        <div className="field-grid">
          <Field id={`${id}-fee`} label={t('counter.intake.feeAmount')}>
            <input id={`${id}-fee`} data-testid="counter-fee" inputMode="numeric" pattern="[0-9. ]*" maxLength={16} value={feeAmount} onChange={(e) => setFeeAmount(e.target.value)} />
          </Field>
          <Field id={`${id}-fee-receipt`} label={t('counter.intake.feeReceipt')}>
            <input id={`${id}-fee-receipt`} maxLength={100} value={feeReceipt} onChange={(e) => setFeeReceipt(e.target.value)} />
          </Field>
        </div>
        <div className="field">
          <label htmlFor={`${id}-return`}>{t('counter.intake.returnUnit')}</label>
          <select id={`${id}-return`} data-testid="counter-return-choice" value={returnChoice} onChange={(e) => setReturnChoice(e.target.value as ReturnChoice)}>
            <option value="here">{t('counter.intake.returnHere', { unit: user?.unitName ?? '' })}</option>
            {communePoint ? <option value="commune">{t('counter.intake.returnCommune', { unit: unitName(communePoint) })}</option> : null}
            <option value="other">{t('counter.intake.returnOther')}</option>
          </select>
        </div>
        {returnChoice === 'other' ? <UnitPicker units={oneStopUnits} value={otherUnit} onChange={setOtherUnit} /> : null}
        <label className="check">
          <input type="checkbox" data-testid="counter-by-post" checked={byPost} onChange={(e) => setByPost(e.target.checked)} />
          {t('counter.intake.byPost')}
        </label>
        {byPost ? (
          <Field id={`${id}-post`} label={t('counter.intake.postAddress')}>
            <textarea id={`${id}-post`} data-testid="counter-post-address" rows={2} required minLength={10} maxLength={500} value={postAddress} onChange={(e) => setPostAddress(e.target.value)} />
          </Field>
        ) : null}
      </fieldset>

      <div className="counter-submit" id={`${id}-status`}>
        <ErrorAlert error={error} testId="counter-error" />
        <IssueList error={error} />
        {missing.length > 0 ? (
          <button type="submit" className="button button-warn" data-testid="counter-supplement" disabled={!procedure}>{t('counter.intake.toSupplement')}</button>
        ) : (
          <button type="submit" className="button button-primary" data-testid="counter-submit" disabled={pending || noTimeLimit}>
            {pending ? t('counter.intake.submitting') : t('counter.intake.submit')}
          </button>
        )}
      </div>
    </form>
  );
}

function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string | null; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? <p className="field-hint">{hint}</p> : null}
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </div>
  );
}
