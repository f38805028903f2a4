// The supplement request handed over instead of a receipt when required papers are missing (Mẫu 02
// content: what to bring, once and completely). No dossier exists yet, so it prints from the page.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureSummary } from '../api/procedures.ts';
import { provinceNow } from '../calendar/dates.ts';
import { formatDateShort } from '../calendar/format-date.ts';

interface Props {
  procedure: ProcedureSummary;
  applicantName: string;
  missing: readonly string[];
  officer: string;
  unit: string;
  onBack: () => void;
}

export function SupplementNotice({ procedure, applicantName, missing, officer, unit, onBack }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card supplement-notice printable" data-testid="counter-supplement-notice" aria-labelledby="supplement-title">
      <h2 id="supplement-title" tabIndex={-1} ref={heading}>{t('counter.supplement.title')}</h2>
      <p>{t('counter.supplement.procedure', { name: procedure.name, code: procedure.code })}</p>
      <p>{t('counter.supplement.lead', { name: applicantName.trim() || '…' })}</p>
      <ol data-testid="counter-supplement-missing">
        {missing.map((name) => <li key={name}>{name}</li>)}
      </ol>
      <p className="muted">{t('counter.supplement.issuedBy', { officer, unit, date: formatDateShort(provinceNow().date, t) })}</p>
      <div className="action-buttons no-print">
        <button type="button" className="button button-primary" onClick={() => window.print()}>{t('counter.supplement.print')}</button>
        <button type="button" className="button" data-testid="counter-supplement-back" onClick={onBack}>{t('counter.supplement.back')}</button>
      </div>
    </section>
  );
}
