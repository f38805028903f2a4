// The document checklist: one row per paper, "received" plus the number of originals, certified copies
// and photocopies; required papers are starred. Counts tick the row, unticking clears nothing typed.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '../api/counter.ts';
import { setCount, tickRow, type ReceivedRow } from './counter-rules.ts';

const COUNTS = ['originals', 'certifiedCopies', 'photocopies'] as const;

export function ChecklistTable({ items, rows, onChange }: { items: readonly ChecklistItem[]; rows: readonly ReceivedRow[]; onChange: (rows: ReceivedRow[]) => void }) {
  const { t } = useTranslation();
  const id = useId();
  if (items.length === 0) return <p className="muted">{t('counter.intake.documentsNone')}</p>;
  const update = (index: number, row: ReceivedRow) => onChange(rows.map((r, i) => (i === index ? row : r)));
  return (
    <>
      <p className="field-hint">{t('counter.intake.documentsLead')}</p>
      <table className="checklist-table" data-testid="counter-checklist">
        <thead>
          <tr>
            <th scope="col">{t('counter.intake.received')}</th>
            <th scope="col" className="checklist-name">{t('counter.intake.documentsSection').replace(/^\d+\.\s*/, '')}</th>
            {COUNTS.map((key) => <th key={key} scope="col">{t(`counter.intake.${key}`)}</th>)}
          </tr>
        </thead>
        <tbody>
          {items.map((item, i) => {
            const row = rows[i];
            if (!row) return null;
            const rowId = `${id}-doc-${i}`;
            return (
              <tr key={`${i}-${item.name}`} data-testid="counter-document" data-required={item.optional ? 'false' : 'true'} data-received={row.received ? 'true' : 'false'}
                className={!item.optional && !row.received ? 'is-missing' : undefined}>
                <td data-label={t('counter.intake.received')}>
                  <input id={rowId} type="checkbox" data-testid="counter-document-received" checked={row.received}
                    onChange={(e) => update(i, tickRow(row, item, e.target.checked))} />
                </td>
                <td className="checklist-name">
                  <label htmlFor={rowId}>
                    {item.optional ? null : <span aria-hidden="true" className="required-star">* </span>}
                    {item.name}
                    <span className="sr-only"> ({item.optional ? t('counter.intake.optional') : t('counter.intake.required')})</span>
                  </label>
                  {item.optional ? <span className="muted"> ({t('counter.intake.optional')})</span> : null}
                </td>
                {COUNTS.map((key) => (
                  <td key={key} data-label={t(`counter.intake.${key}`)}>
                    <input type="number" min={0} max={100} inputMode="numeric" className="count-input" aria-label={`${t(`counter.intake.${key}`)}: ${item.name}`}
                      value={row[key] === 0 ? '' : row[key]} placeholder="0" onChange={(e) => update(i, setCount(row, key, Number(e.target.value)))} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
