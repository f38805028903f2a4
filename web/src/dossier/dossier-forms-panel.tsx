// Links to the dossier's printable forms (PDF). Only the forms that apply now are offered: the receipt
// and the control sheet always; the supplement request, refusal and apology once those steps happened
// (the server answers 409 otherwise, so the page never links to a refusal).
import { useTranslation } from 'react-i18next';
import { dossierFormUrl, type DossierFormName } from '../api/dossier-files.ts';
import type { Dossier } from '../api/dossiers.ts';
import '../styles/dossier-files.css';

export function applicableForms(dossier: Pick<Dossier, 'status' | 'timeline'>): DossierFormName[] {
  const happened = new Set(dossier.timeline.map((event) => event.type));
  const forms: DossierFormName[] = ['mau-01'];
  if (happened.has('request_supplement')) forms.push('mau-02');
  if (dossier.status === 'rejected') forms.push('mau-03');
  if (happened.has('extend')) forms.push('mau-04');
  forms.push('mau-05');
  return forms;
}

export function DossierFormsPanel({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="forms-title" data-testid="dossier-forms">
      <h2 id="forms-title">{t('files.forms.title')}</h2>
      <p className="muted form-links-lead">{t('files.forms.lead')}</p>
      <ul className="form-links">
        {applicableForms(dossier).map((form) => (
          <li key={form}>
            <a href={dossierFormUrl(dossier.code, form)} target="_blank" rel="noopener" data-testid={`form-link-${form}`}>
              {t(`files.forms.${form}`)}
            </a>{' '}
            <span className="sr-only">{t('files.forms.opensInNewTab')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
