// /danh-gia — the counter tablet (kiosk mode) after a result is returned: code + phone, then the rating;
// the screen clears itself for the next person. `?ma=` prefills the code (the officer's tablet link).
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { lookupParams } from '../api/dossiers.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { RatingForm } from './rating-form.tsx';
import '../styles/portal.css';

const RESET_MS = 8000;

export function KioskRatingPage() {
  const { t } = useTranslation();
  const id = useId();
  const [params] = useSearchParams();
  const initialCode = params.get('ma') ?? params.get('code') ?? '';
  const [code, setCode] = useState(initialCode);
  const [contact, setContact] = useState('');
  const [step, setStep] = useState<'identify' | 'rate' | 'thanks'>('identify');
  useDocumentTitle(t('portal.kiosk.title'));
  useEffect(() => {
    if (step !== 'thanks') return;
    const timer = window.setTimeout(() => {
      setCode(initialCode);
      setContact('');
      setStep('identify');
    }, RESET_MS);
    return () => window.clearTimeout(timer);
  }, [step, initialCode]);
  function next(event: FormEvent) {
    event.preventDefault();
    setStep('rate');
  }
  return (
    <div className="portal kiosk" data-testid="kiosk-rating">
      <header className="page-intro">
        <h1>{t('portal.kiosk.title')}</h1>
        <p className="lead">{step === 'identify' ? t('portal.kiosk.lead') : t('portal.rating.lead')}</p>
      </header>
      <section className="card">
        {step === 'identify' ? (
          <form className="form" onSubmit={next}>
            <div className="field">
              <label htmlFor={`${id}-code`}>{t('portal.kiosk.code')}</label>
              <input id={`${id}-code`} required value={code} onChange={(e) => setCode(e.target.value)} autoCapitalize="characters" data-testid="kiosk-code" />
            </div>
            <div className="field">
              <label htmlFor={`${id}-contact`}>{t('portal.kiosk.contact')}</label>
              <input id={`${id}-contact`} required inputMode="numeric" value={contact} onChange={(e) => setContact(e.target.value)} data-testid="kiosk-phone" />
            </div>
            <button type="submit" className="button button-primary" data-testid="kiosk-next">{t('portal.kiosk.next')}</button>
          </form>
        ) : null}
        {step === 'rate' ? <RatingForm code={code} proof={lookupParams(contact)} kiosk onRated={() => setStep('thanks')} /> : null}
        {step === 'thanks' ? (
          <div role="status" data-testid="kiosk-thanks">
            <p className="kiosk-thanks">{t('portal.rating.thanks')}</p>
            <p className="muted">{t('portal.kiosk.reset')}</p>
          </div>
        ) : null}
      </section>
    </div>
  );
}
