// The receipt on screen after a dossier is filed: its legal code, the promised instant, who decides and
// where the result comes back, with the link that prints Mẫu 01 (receipt and appointment).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { receiptFormUrl, type IntakeAnswer, type IntakeRequest } from '../api/counter.ts';
import { formatInstant } from '../calendar/format-date.ts';

interface Props {
  answer: IntakeAnswer;
  request: IntakeRequest;
  unitName: (code: string) => string;
  onNext: () => void;
}

export function Receipt({ answer, request, unitName, onNext }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card receipt" data-testid="counter-receipt" data-code={answer.code} aria-labelledby="receipt-title">
      <h2 id="receipt-title" tabIndex={-1} ref={heading}>{t('counter.receipt.title')}</h2>
      <dl className="facts fact-strong">
        <div><dt>{t('counter.receipt.code')}</dt><dd className="dossier-code receipt-code" data-testid="counter-receipt-code">{answer.code}</dd></div>
        <div><dt>{t('counter.receipt.receivedAt')}</dt><dd><time dateTime={answer.receivedAt}>{formatInstant(answer.receivedAt, t)}</time></dd></div>
        <div><dt>{t('counter.receipt.dueAt')}</dt><dd data-testid="counter-receipt-due"><time dateTime={answer.dueAt}>{formatInstant(answer.dueAt, t)}</time></dd></div>
        <div><dt>{t('counter.receipt.competent')}</dt><dd data-testid="counter-receipt-competent" data-code={answer.competentUnitCode}>{unitName(answer.competentUnitCode)}</dd></div>
        <div>
          <dt>{t('counter.receipt.returnPoint')}</dt>
          <dd data-testid="counter-receipt-return" data-code={answer.returnUnitCode}>
            {unitName(answer.returnUnitCode)}
            {request.returnByPost && request.returnAddress ? <><br />{t('counter.receipt.byPost', { address: request.returnAddress })}</> : null}
          </dd>
        </div>
      </dl>
      <div className="action-buttons">
        <a className="button button-primary" href={receiptFormUrl(answer.code)} target="_blank" rel="noopener" data-testid="counter-print-receipt">
          {t('counter.receipt.print')}
        </a>
        <Link className="button" to={`/xu-ly/${encodeURIComponent(answer.code)}`}>{t('counter.receipt.open')}</Link>
        <button type="button" className="button button-quiet" data-testid="counter-next" onClick={onNext}>{t('counter.receipt.next')}</button>
      </div>
    </section>
  );
}
