// The procedure, searched as one types over the catalog (/procedures, accent-insensitive, typo-tolerant).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchProcedures, type ProcedureSummary } from '../api/procedures.ts';
import { summaryTimeLimit } from '../catalog/format.ts';
import { Combobox } from './combobox.tsx';

const DEBOUNCE_MS = 150;

export function ProcedurePicker({ onSelect, invalid }: { onSelect: (p: ProcedureSummary) => void; invalid?: boolean }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<ProcedureSummary[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const q = query.trim();
    if (q === '') {
      setOptions([]);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    const timer = setTimeout(() => {
      searchProcedures({ q, limit: 8 }, controller.signal).then(
        (answer) => {
          setOptions(answer.items);
          setLoading(false);
        },
        () => {
          if (!controller.signal.aborted) setLoading(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  return (
    <Combobox
      label={t('counter.intake.procedure')}
      hint={t('counter.intake.procedureHint')}
      placeholder={t('counter.intake.procedurePlaceholder')}
      testId="counter-procedure"
      query={query}
      onQuery={setQuery}
      options={options}
      optionKey={(p) => p.code}
      loading={loading}
      loadingText={t('counter.intake.searching')}
      emptyText={t('counter.intake.noMatch')}
      autoFocus
      invalid={invalid}
      onSelect={(p) => {
        setQuery('');
        onSelect(p);
      }}
      renderOption={(p) => (
        <>
          <span className="option-title">{p.name}</span>
          <span className="option-meta">
            {p.code} · {t(`catalog.levels.${p.level}`)} · {summaryTimeLimit(p, t)}
            {' · '}
            <span className={p.locationFree ? 'tag tag-free' : 'tag tag-own'}>{p.locationFree ? t('counter.intake.locationFree') : t('counter.intake.ownArea')}</span>
          </span>
        </>
      )}
    />
  );
}
