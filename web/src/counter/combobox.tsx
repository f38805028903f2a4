// A keyboard-first combobox (WAI-ARIA 1.2 pattern): type to filter, ↓/↑ to move, Enter to pick,
// Esc to close. The parent owns the query and the options, so the same box serves the catalog
// search (server-side) and the commune list (client-side).
import { useId, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';

interface Props<T> {
  label: string;
  hint?: string | undefined;
  placeholder?: string | undefined;
  testId: string;
  query: string;
  onQuery: (q: string) => void;
  options: readonly T[];
  optionKey: (option: T) => string;
  renderOption: (option: T) => ReactNode;
  onSelect: (option: T) => void;
  loading?: boolean | undefined;
  loadingText?: string | undefined;
  emptyText: string;
  required?: boolean | undefined;
  invalid?: boolean | undefined;
  autoFocus?: boolean | undefined;
  inputRef?: Ref<HTMLInputElement> | undefined;
}

export function Combobox<T>(props: Props<T>) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const { options } = props;
  const shown = open && props.query.trim() !== '';
  const current = Math.min(active, Math.max(0, options.length - 1));

  function pick(option: T | undefined) {
    if (option === undefined) return;
    props.onSelect(option);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter' && shown && options.length > 0) {
      event.preventDefault();
      pick(options[current]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  }

  return (
    <div className="field combobox">
      <label htmlFor={`${id}-input`}>{props.label}</label>
      <input
        id={`${id}-input`}
        ref={props.inputRef}
        type="text"
        role="combobox"
        aria-expanded={shown}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={shown && options.length > 0 ? `${id}-opt-${current}` : undefined}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        aria-invalid={props.invalid || undefined}
        data-testid={props.testId}
        autoComplete="off"
        spellCheck={false}
        required={props.required}
        autoFocus={props.autoFocus}
        placeholder={props.placeholder}
        value={props.query}
        maxLength={200}
        onChange={(e) => {
          props.onQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {props.hint ? <p id={`${id}-hint`} className="field-hint">{props.hint}</p> : null}
      {shown ? (
        <ul id={`${id}-list`} role="listbox" className="combobox-list" data-testid={`${props.testId}-options`} aria-label={props.label}>
          {props.loading && options.length === 0 ? <li className="combobox-note" role="presentation">{props.loadingText}</li> : null}
          {!props.loading && options.length === 0 ? <li className="combobox-note" role="presentation">{props.emptyText}</li> : null}
          {options.map((option, i) => (
            <li
              key={props.optionKey(option)}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === current}
              className={i === current ? 'combobox-option is-active' : 'combobox-option'}
              data-testid={`${props.testId}-option`}
              data-value={props.optionKey(option)}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(option);
              }}
              onMouseEnter={() => setActive(i)}
            >
              {props.renderOption(option)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
