// Inter-agency sub-dossiers (hồ sơ liên thông, migration 0008). Kept out of `dossiers` on purpose: a
// sub-dossier is part of its parent's work and is never counted as a dossier.
import type { Duration } from '../domain/calendar/index.ts';
import type { Db } from './database.ts';

export type SubDossierStatus = 'open' | 'answered' | 'closed';

export interface SubDossierRecord {
  code: string;
  parentCode: string;
  seq: number;
  coordinatingUnitCode: string;
  request: string;
  budget: Duration;
  status: SubDossierStatus;
  openedBy: string;
  openedAt: Date;
  dueAt: Date;
  assigneeUsername: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  answer: string | null;
  closedBy: string | null;
  closedAt: Date | null;
  closeReason: string | null;
}

type Row = {
  code: string; parent_code: string; seq: number; coordinating_unit_code: string; request: string; budget: unknown; status: SubDossierStatus;
  opened_by: string; opened_at: Date; due_at: Date; assignee_username: string | null; answered_by: string | null; answered_at: Date | null;
  answer: string | null; closed_by: string | null; closed_at: Date | null; close_reason: string | null;
};

const toRecord = (r: Row): SubDossierRecord => ({
  code: r.code, parentCode: r.parent_code, seq: r.seq, coordinatingUnitCode: r.coordinating_unit_code, request: r.request,
  budget: r.budget as Duration, status: r.status, openedBy: r.opened_by, openedAt: r.opened_at, dueAt: r.due_at,
  assigneeUsername: r.assignee_username, answeredBy: r.answered_by, answeredAt: r.answered_at, answer: r.answer,
  closedBy: r.closed_by, closedAt: r.closed_at, closeReason: r.close_reason,
});

export async function nextSubDossierSeq(db: Db, provinceCode: string, parentCode: string): Promise<number> {
  const row = await db.selectFrom('sub_dossiers').select((eb) => eb.fn.max('seq').as('seq'))
    .where('province_code', '=', provinceCode).where('parent_code', '=', parentCode).executeTakeFirst();
  return Number(row?.seq ?? 0) + 1;
}

export async function insertSubDossier(db: Db, provinceCode: string, s: Omit<SubDossierRecord, 'assigneeUsername' | 'answeredBy' | 'answeredAt' | 'answer' | 'closedBy' | 'closedAt' | 'closeReason'>): Promise<void> {
  await db.insertInto('sub_dossiers').values({
    province_code: provinceCode, code: s.code, parent_code: s.parentCode, seq: s.seq, coordinating_unit_code: s.coordinatingUnitCode,
    request: s.request, budget: JSON.stringify(s.budget), status: s.status, opened_by: s.openedBy, opened_at: s.openedAt, due_at: s.dueAt,
  }).execute();
}

export async function findSubDossier(db: Db, provinceCode: string, code: string): Promise<SubDossierRecord | undefined> {
  const row = await db.selectFrom('sub_dossiers').selectAll().where('province_code', '=', provinceCode).where('code', '=', code).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export async function listSubDossiersOf(db: Db, provinceCode: string, parentCode: string): Promise<SubDossierRecord[]> {
  const rows = await db.selectFrom('sub_dossiers').selectAll().where('province_code', '=', provinceCode).where('parent_code', '=', parentCode).orderBy('seq').execute();
  return rows.map(toRecord);
}

export async function countOpenSubDossiers(db: Db, provinceCode: string, parentCode: string): Promise<number> {
  const row = await db.selectFrom('sub_dossiers').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('province_code', '=', provinceCode).where('parent_code', '=', parentCode).where('status', '=', 'open').executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether one of the units coordinates on the dossier (read access to the parent). */
export async function coordinatesOn(db: Db, provinceCode: string, parentCode: string, unitCodes: readonly string[]): Promise<boolean> {
  if (unitCodes.length === 0) return false;
  const row = await db.selectFrom('sub_dossiers').select('code').where('province_code', '=', provinceCode).where('parent_code', '=', parentCode)
    .where('coordinating_unit_code', 'in', unitCodes).executeTakeFirst();
  return row !== undefined;
}

/** The coordinating units' sub-dossiers: open ones first by deadline, then the latest answered/closed. */
export async function listSubDossiersForUnits(db: Db, provinceCode: string, unitCodes: readonly string[], q: { openOnly: boolean; limit: number }): Promise<{ items: SubDossierRecord[]; total: number }> {
  if (unitCodes.length === 0) return { items: [], total: 0 };
  let base = db.selectFrom('sub_dossiers').where('province_code', '=', provinceCode).where('coordinating_unit_code', 'in', unitCodes);
  if (q.openOnly) base = base.where('status', '=', 'open');
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base.selectAll().orderBy((eb) => eb.case().when('status', '=', 'open').then(0).else(1).end()).orderBy('due_at').limit(q.limit).execute();
  return { items: rows.map(toRecord), total: Number(n) };
}

/** Moves an open sub-dossier; false when it is no longer open (someone else answered or closed it). */
export async function updateOpenSubDossier(
  db: Db, provinceCode: string, code: string,
  change: { status?: SubDossierStatus; assigneeUsername?: string; answeredBy?: string; answeredAt?: Date; answer?: string; closedBy?: string; closedAt?: Date; closeReason?: string },
): Promise<boolean> {
  const result = await db.updateTable('sub_dossiers').set({
    ...(change.status ? { status: change.status } : {}),
    ...(change.assigneeUsername !== undefined ? { assignee_username: change.assigneeUsername } : {}),
    ...(change.answeredBy !== undefined ? { answered_by: change.answeredBy, answered_at: change.answeredAt ?? null, answer: change.answer ?? null } : {}),
    ...(change.closedBy !== undefined ? { closed_by: change.closedBy, closed_at: change.closedAt ?? null, close_reason: change.closeReason ?? null } : {}),
  }).where('province_code', '=', provinceCode).where('code', '=', code).where('status', '=', 'open').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The parent ended (refused, withdrawn): its open sub-dossiers close with it. */
export async function closeOpenSubDossiersOf(db: Db, provinceCode: string, parentCode: string, by: string, at: Date, reason: string): Promise<string[]> {
  const rows = await db.updateTable('sub_dossiers').set({ status: 'closed', closed_by: by, closed_at: at, close_reason: reason })
    .where('province_code', '=', provinceCode).where('parent_code', '=', parentCode).where('status', '=', 'open').returning('code').execute();
  return rows.map((r) => r.code);
}
