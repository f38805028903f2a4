// The structure switch of the reports (issue 9): read per-unit rows as recorded, in the units of a date
// ("Theo cơ cấu tại ngày…") or carried onto today's successors ("Quy về đơn vị kế thừa hiện nay").
import { useTranslation } from 'react-i18next';

export interface StructureChoice {
  structure?: string | undefined;
  structureAt?: string | undefined;
}

export function StructureSelect({ value, onChange, testId = 'filter-structure' }: { value: StructureChoice; onChange: (v: StructureChoice) => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <label>{t('dashboard.structure.label')}
        <select value={value.structure ?? ''} onChange={(e) => onChange({ structure: e.target.value || undefined, structureAt: e.target.value === 'asOf' ? value.structureAt : undefined })} data-testid={testId}>
          <option value="">{t('dashboard.structure.current')}</option>
          <option value="asOf">{t('dashboard.structure.asOf')}</option>
          <option value="mapped">{t('dashboard.structure.mapped')}</option>
        </select>
      </label>
      {value.structure === 'asOf' && (
        <label>{t('dashboard.structure.at')}
          <input type="date" value={value.structureAt ?? ''} onChange={(e) => onChange({ structure: 'asOf', structureAt: e.target.value || undefined })} data-testid={`${testId}-at`} />
        </label>
      )}
    </>
  );
}

/** The note under a report's title when its rows are read in another structure. */
export function StructureNote({ structure, testId }: { structure: { mode: 'asOf' | 'mapped'; at: string } | undefined; testId: string }) {
  const { t } = useTranslation();
  if (!structure) return null;
  return <p className="note" data-testid={testId}>{t(`dashboard.structure.note.${structure.mode}`, { at: structure.at.split('-').reverse().join('/') })}</p>;
}
