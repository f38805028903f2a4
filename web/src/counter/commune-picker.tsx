// A commune (xã, phường) of the network, filtered on the client: 91 communes load once.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commune } from '../api/counter.ts';
import { Combobox } from './combobox.tsx';
import { matchesWords } from './counter-rules.ts';

interface Props {
  label: string;
  hint?: string;
  testId: string;
  communes: readonly Commune[];
  value: Commune | null;
  onChange: (commune: Commune | null) => void;
  invalid?: boolean;
}

export const communeLabel = (c: Commune) => (c.districtName ? `${c.name} — ${c.districtName}` : c.name);

export function CommunePicker({ label, hint, testId, communes, value, onChange, invalid }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState(value ? communeLabel(value) : '');
  const options = useMemo(
    () => (query.trim() === '' ? [] : communes.filter((c) => matchesWords(`${communeLabel(c)} ${c.code}`, query)).slice(0, 10)),
    [communes, query],
  );
  return (
    <Combobox
      label={label}
      hint={hint ?? t('counter.intake.communeHint')}
      placeholder={t('counter.intake.communePlaceholder')}
      testId={testId}
      query={query}
      onQuery={(q) => {
        setQuery(q);
        if (value) onChange(null);
      }}
      options={options}
      optionKey={(c) => c.code}
      emptyText={t('counter.intake.chooseCommune')}
      required
      invalid={invalid}
      onSelect={(c) => {
        setQuery(communeLabel(c));
        onChange(c);
      }}
      renderOption={(c) => (
        <>
          <span className="option-title">{c.name}</span>
          <span className="option-meta">{c.districtName ?? ''} · {c.code}</span>
        </>
      )}
    />
  );
}
