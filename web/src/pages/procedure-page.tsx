// /thu-tuc/:code — one procedure as published in the catalog: where to file, documents, time and fee per
// channel, cases, conditions, results, legal basis; an honest note when a time limit could not be normalised.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fetchProcedure, type Procedure } from '../api/procedures.ts';
import { isApiError } from '../api/client.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { formatDateNumeric } from '../catalog/format.ts';
import { ChannelList } from '../catalog/channel-list.tsx';
import { DocumentTable } from '../catalog/document-table.tsx';
import { useLoader } from '../hooks/use-loader.ts';
import { ProcedureQuestions } from '../feedback/procedure-questions.tsx';
import { useDocumentTitle } from '../layout/use-document-title.ts';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="procedure-section" data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function Folded({ title, text }: { title: string; text: string }) {
  return (
    <details className="procedure-section procedure-folded">
      <summary>{title}</summary>
      <TextBlock text={text} />
    </details>
  );
}

function TextBlock({ text }: { text: string }) {
  return <p className="procedure-text">{text.trim()}</p>;
}

function hasUnparsedTime(procedure: Procedure): boolean {
  return (
    procedure.timeLimit.unit === 'unparsed' ||
    procedure.channels.some((c) => c.duration.unit === 'unparsed') ||
    procedure.problems.some((p) => p.severity === 'unparsed' && p.code.startsWith('DURATION_'))
  );
}

function ProcedureView({ procedure }: { procedure: Procedure }) {
  const { t } = useTranslation();
  const agencies = [procedure.agencies.competent, procedure.agencies.implementing].filter((a): a is string => Boolean(a));
  const cases = procedure.cases.filter((c) => c.documents.length > 0 || c.channels.length > 0);
  return (
    <article className="procedure" data-testid="procedure-page" data-code={procedure.code}>
      <header className="procedure-head">
        <p className="procedure-meta">
          <span className="catalog-code">{t('catalog.code', { code: procedure.code })}</span>
          {procedure.locationFree ? <span className="catalog-badge">{t('catalog.badgeLocationFree')}</span> : null}
        </p>
        <h1 data-testid="procedure-name">{procedure.name}</h1>
        <dl className="procedure-facts">
          <div>
            <dt>{t('catalog.fieldLabel')}</dt>
            <dd>{procedure.field}</dd>
          </div>
          <div>
            <dt>{t('catalog.levelLabel')}</dt>
            <dd>{t(`catalog.levels.${procedure.level}`)}</dd>
          </div>
          <div>
            <dt>{t('catalog.onlineTitle')}</dt>
            <dd data-online={procedure.onlineLevel}>{t(`catalog.online.${procedure.onlineLevel}`)}</dd>
          </div>
        </dl>
      </header>

      <section className="procedure-where card" data-testid="procedure-where" data-where={procedure.whereToFile}>
        <h2>{t('catalog.whereTitle')}</h2>
        <p className="procedure-where-text">{procedure.whereToFile === 'any_unit' ? t('catalog.whereAny') : t('catalog.whereOwn')}</p>
        {procedure.agencies.receivingAddress ? (
          <p className="muted">{t('catalog.receivingAddress', { address: procedure.agencies.receivingAddress })}</p>
        ) : null}
        <p>
          <Link className="button button-primary" data-testid="procedure-submit" to={`/nop-ho-so?thu-tuc=${encodeURIComponent(procedure.code)}`}>
            {t('catalog.submit')}
          </Link>
        </p>
      </section>

      <Section title={t('catalog.channelsTitle')}>
        {hasUnparsedTime(procedure) ? (
          <p className="alert procedure-unparsed" data-testid="procedure-unparsed">{t('catalog.unparsedNote')}</p>
        ) : null}
        {procedure.channels.length > 0 ? (
          <ChannelList channels={procedure.channels} testId="procedure-channels" />
        ) : (
          <p className="muted" data-testid="procedure-channels">{t('catalog.channelsNone')}</p>
        )}
      </Section>

      <Section title={t('catalog.documentsTitle')}>
        {procedure.documents.length > 0 ? (
          <DocumentTable documents={procedure.documents} caption={t('catalog.documentsTitle')} testId="procedure-documents" />
        ) : (
          <p className="muted" data-testid="procedure-documents">{t('catalog.documentsNone')}</p>
        )}
      </Section>

      {cases.length > 0 ? (
        <Section title={t('catalog.casesTitle')} testId="procedure-cases">
          {cases.map((c, index) => (
            <div key={index} className="procedure-case">
              <h3>{c.name.replace(/^\s*[*\-+]\s*/, '')}</h3>
              {c.documents.length > 0 ? <DocumentTable documents={c.documents} caption={c.name} /> : null}
              {c.channels.length > 0 ? <ChannelList channels={c.channels} /> : null}
            </div>
          ))}
        </Section>
      ) : null}

      {procedure.applicants ? (
        <Section title={t('catalog.applicantsTitle')}>
          <TextBlock text={procedure.applicants} />
        </Section>
      ) : null}
      {agencies.length > 0 ? (
        <Section title={t('catalog.agencyTitle')}>
          <TextBlock text={agencies.join('\n')} />
        </Section>
      ) : null}
      {procedure.conditions ? (
        <Section title={t('catalog.conditionsTitle')}>
          <TextBlock text={procedure.conditions} />
        </Section>
      ) : null}
      {procedure.steps ? (
        <Folded title={t('catalog.stepsTitle')} text={procedure.steps} />
      ) : null}
      {procedure.results.length > 0 ? (
        <Section title={t('catalog.resultsTitle')}>
          <ul className="procedure-results">
            {procedure.results.map((r, index) => (
              <li key={index}>{r.name}</li>
            ))}
          </ul>
        </Section>
      ) : null}
      {procedure.legalBasis ? (
        <Folded title={t('catalog.legalTitle')} text={procedure.legalBasis} />
      ) : null}

      <ProcedureQuestions procedureCode={procedure.code} />

      <footer className="procedure-foot muted">
        <p>{t('catalog.version', { version: procedure.version, date: formatDateNumeric(procedure.validFrom) })}</p>
        {procedure.sourceUrl && /^https:\/\//.test(procedure.sourceUrl) ? (
          <p>
            <a href={procedure.sourceUrl} rel="noopener noreferrer" target="_blank">{t('catalog.sourceLink')}</a>
          </p>
        ) : null}
      </footer>
    </article>
  );
}

export function ProcedurePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const state = useLoader(code, (signal) => fetchProcedure(code, signal));
  const procedure = state.data?.code === code ? state.data : null;
  useDocumentTitle(procedure?.name ?? t('catalog.title'));

  return (
    <div className="procedure-page">
      <p className="procedure-back">
        <Link to="/thu-tuc">{t('catalog.back')}</Link>
      </p>
      {state.error ? (
        isApiError(state.error) && state.error.code === 'PROCEDURE_NOT_FOUND' ? (
          <p className="alert alert-error" role="alert" data-testid="procedure-not-found">{t('catalog.notFound')}</p>
        ) : (
          <div className="catalog-error">
            <ErrorAlert error={state.error} testId="procedure-error" />
            <button type="button" className="button" onClick={state.reload}>{t('catalog.retry')}</button>
          </div>
        )
      ) : procedure ? (
        <ProcedureView procedure={procedure} />
      ) : (
        <p className="muted" role="status">{t('catalog.loading')}</p>
      )}
    </div>
  );
}
