// The search box: searches as one types (debounced, replacing the address so Back is not flooded) and on
// submit (immediately, as a new history entry). Follows the address when it changes (Back, links).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

const DEBOUNCE_MS = 300;

export function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string, replace: boolean) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(value);
  const sent = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setDraft(value);
    }
  }, [value]);

  useEffect(() => () => clearTimeout(timer.current), []);

  function send(q: string, replace: boolean) {
    clearTimeout(timer.current);
    if (q === sent.current) return;
    sent.current = q;
    onSearch(q, replace);
  }

  function change(q: string) {
    setDraft(q);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => send(q, true), DEBOUNCE_MS);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send(draft, false);
  }

  return (
    <form className="catalog-search" role="search" onSubmit={submit}>
      <label htmlFor={`${id}-q`}>{t('catalog.searchLabel')}</label>
      <div className="catalog-search-row">
        <input
          id={`${id}-q`}
          type="search"
          data-testid="catalog-search"
          autoComplete="off"
          enterKeyHint="search"
          maxLength={200}
          placeholder={t('catalog.searchPlaceholder')}
          value={draft}
          onChange={(e) => change(e.target.value)}
        />
        <button type="submit" className="button button-primary">{t('catalog.searchSubmit')}</button>
      </div>
    </form>
  );
}
