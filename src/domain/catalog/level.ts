// Levels of government that carry out a procedure (cấp thực hiện). The source also lists the ministry
// level (cấp bộ) and "other agencies" (cơ quan khác); they are kept but a procedure needs a local level.
import { foldVietnamese } from './text.ts';

export type ProcedureLevel = 'province' | 'district' | 'commune';
export type LevelTag = ProcedureLevel | 'ministry' | 'other';

export const PROCEDURE_LEVELS: readonly ProcedureLevel[] = ['province', 'district', 'commune'];
export const LEVEL_LABELS_VI: Record<LevelTag, string> = {
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
  ministry: 'Cấp bộ',
  other: 'Cơ quan khác',
};

const ALIASES: Record<string, LevelTag> = {
  'cap tinh': 'province', tinh: 'province', province: 'province', 'cap thanh pho truc thuoc trung uong': 'province',
  'cap huyen': 'district', huyen: 'district', district: 'district',
  'cap xa': 'commune', xa: 'commune', commune: 'commune', 'cap xa, phuong, thi tran': 'commune',
  'cap bo': 'ministry', bo: 'ministry', ministry: 'ministry', 'cap trung uong': 'ministry',
  'co quan khac': 'other', other: 'other',
};

export function parseLevelTag(text: string): LevelTag | undefined {
  return ALIASES[foldVietnamese(text)];
}

export function isProcedureLevel(tag: string): tag is ProcedureLevel {
  return (PROCEDURE_LEVELS as readonly string[]).includes(tag);
}

/** The level shown for a procedure done at several: the one closest to the citizen (commune first). */
export function primaryLevel(levels: readonly ProcedureLevel[]): ProcedureLevel | undefined {
  return (['commune', 'district', 'province'] as const).find((l) => levels.includes(l));
}
