// A one-stop unit (Center, Branch, Reception Point) as the return point, filtered on the client.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkUnit } from '../api/counter.ts';
import { Combobox } from './combobox.tsx';
import { matchesWords } from './counter-rules.ts';

export function UnitPicker({ units, value, onChange }: { units: readonly NetworkUnit[]; value: NetworkUnit | null; onChange: (u: NetworkUnit | null) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState(value?.name ?? '');
  const options = useMemo(() => (query.trim() === '' ? [] : units.filter((u) => matchesWords(`${u.name} ${u.code}`, query)).slice(0, 10)), [units, query]);
  return (
    <Combobox
      label={t('counter.intake.returnOtherUnit')}
      placeholder={t('counter.intake.returnOtherPlaceholder')}
      testId="counter-return-unit"
      query={query}
      onQuery={(q) => {
        setQuery(q);
        if (value) onChange(null);
      }}
      options={options}
      optionKey={(u) => u.code}
      emptyText={t('counter.intake.noMatch')}
      required
      onSelect={(u) => {
        setQuery(u.name);
        onChange(u);
      }}
      renderOption={(u) => <span className="option-title">{u.name}</span>}
    />
  );
}
