// Dossier rows, their append-only actions, the gap-free daily sequence and the outbox.
import { sql } from 'kysely';
import type { Db } from './database.ts';

export interface DossierRecord {
  code: string;
  procedureCode: string;
  procedureVersion: number;
  procedureName: string;
  channel: 'direct' | 'online' | 'postal';
  applicant: Record<string, unknown>;
  applicantPhone: string;
  applicantIdNumber: string | null;
  applicantCommuneCode: string;
  receivingUnitCode: string;
  competentUnitCode: string;
  returnUnitCode: string;
  returnByPost: boolean;
  receivedAt: Date;
  receivedBy: string;
  clock: unknown;
  documents: unknown[];
  status: string;
  dueAt: Date | null;
  finishedAt: Date | null;
  actionCount: number;
}

export interface ActionRecord {
  seq: number;
  type: string;
  at: Date;
  actorUsername: string;
  actorRoles: string[];
  actorUnitCode: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
  payload: Record<string, unknown>;
  clockEvents: unknown[];
}

/** The next number of the agency's day, taken under the counter row's lock (released at commit). */
export async function nextDailySequence(db: Db, provinceCode: string, agencyIdentifier: string, day: string): Promise<number> {
  const result = await sql<{ last_value: number }>`
    INSERT INTO dossier_sequences (province_code, agency_identifier, day, last_value)
    VALUES (${provinceCode}, ${agencyIdentifier}, ${day}::date, 1)
    ON CONFLICT (province_code, agency_identifier, day) DO UPDATE SET last_value = dossier_sequences.last_value + 1
    RETURNING last_value`.execute(db);
  return Number(result.rows[0]!.last_value);
}

export async function insertDossier(db: Db, provinceCode: string, d: Omit<DossierRecord, 'actionCount' | 'finishedAt'>): Promise<void> {
  await db
    .insertInto('dossiers')
    .values({
      province_code: provinceCode,
      code: d.code,
      procedure_code: d.procedureCode,
      procedure_version: d.procedureVersion,
      procedure_name: d.procedureName,
      channel: d.channel,
      applicant: JSON.stringify(d.applicant),
      applicant_phone: d.applicantPhone,
      applicant_id_number: d.applicantIdNumber,
      applicant_commune_code: d.applicantCommuneCode,
      receiving_unit_code: d.receivingUnitCode,
      competent_unit_code: d.competentUnitCode,
      return_unit_code: d.returnUnitCode,
      return_by_post: d.returnByPost,
      received_at: d.receivedAt,
      received_by: d.receivedBy,
      clock: JSON.stringify(d.clock),
      documents: JSON.stringify(d.documents),
      status: d.status,
      due_at: d.dueAt,
      action_count: 1,
    })
    .execute();
}

export async function appendAction(db: Db, provinceCode: string, dossierCode: string, a: ActionRecord): Promise<void> {
  await db
    .insertInto('dossier_actions')
    .values({
      province_code: provinceCode,
      dossier_code: dossierCode,
      seq: a.seq,
      type: a.type,
      at: a.at,
      actor_username: a.actorUsername,
      actor_roles: a.actorRoles,
      actor_unit_code: a.actorUnitCode,
      from_status: a.fromStatus,
      to_status: a.toStatus,
      reason: a.reason,
      payload: JSON.stringify(a.payload),
      clock_events: JSON.stringify(a.clockEvents),
    })
    .execute();
}

/** Moves the cached derived state forward; false when another action got there first. */
export async function advanceDossier(
  db: Db,
  provinceCode: string,
  code: string,
  expectedActionCount: number,
  next: { status: string; dueAt: Date | null; finishedAt: Date | null; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('dossiers')
    .set({ status: next.status, due_at: next.dueAt, finished_at: next.finishedAt, action_count: expectedActionCount + 1, updated_at: next.at })
    .where('province_code', '=', provinceCode)
    .where('code', '=', code)
    .where('action_count', '=', expectedActionCount)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const toRecord = (row: {
  code: string; procedure_code: string; procedure_version: number; procedure_name: string; channel: 'direct' | 'online' | 'postal';
  applicant: unknown; applicant_phone: string; applicant_id_number: string | null; applicant_commune_code: string;
  receiving_unit_code: string; competent_unit_code: string; return_unit_code: string; return_by_post: boolean; received_at: Date;
  received_by: string; clock: unknown; documents: unknown; status: string; due_at: Date | null; finished_at: Date | null; action_count: number;
}): DossierRecord => ({
  code: row.code,
  procedureCode: row.procedure_code,
  procedureVersion: row.procedure_version,
  procedureName: row.procedure_name,
  channel: row.channel,
  applicant: row.applicant as Record<string, unknown>,
  applicantPhone: row.applicant_phone,
  applicantIdNumber: row.applicant_id_number,
  applicantCommuneCode: row.applicant_commune_code,
  receivingUnitCode: row.receiving_unit_code,
  competentUnitCode: row.competent_unit_code,
  returnUnitCode: row.return_unit_code,
  returnByPost: row.return_by_post,
  receivedAt: row.received_at,
  receivedBy: row.received_by,
  clock: row.clock,
  documents: row.documents as unknown[],
  status: row.status,
  dueAt: row.due_at,
  finishedAt: row.finished_at,
  actionCount: row.action_count,
});

export async function findDossier(db: Db, provinceCode: string, code: string): Promise<DossierRecord | undefined> {
  const row = await db.selectFrom('dossiers').selectAll().where('province_code', '=', provinceCode).where('code', '=', code).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Several dossiers by code (any order; unknown codes are left out). */
export async function findDossiers(db: Db, provinceCode: string, codes: readonly string[]): Promise<DossierRecord[]> {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom('dossiers').selectAll().where('province_code', '=', provinceCode).where('code', 'in', [...codes]).execute();
  return rows.map(toRecord);
}

/** A dossier with the name of its return unit (the public lookup shows it), in one round trip. */
export async function findDossierWithReturnUnit(db: Db, provinceCode: string, code: string): Promise<(DossierRecord & { returnUnitName: string | null }) | undefined> {
  const row = await db.selectFrom('dossiers as d').leftJoin('units as u', 'u.code', 'd.return_unit_code').selectAll('d').select('u.name as return_unit_name')
    .where('d.province_code', '=', provinceCode).where('d.code', '=', code).executeTakeFirst();
  return row ? { ...toRecord(row), returnUnitName: row.return_unit_name } : undefined;
}

export async function listActions(db: Db, provinceCode: string, code: string): Promise<ActionRecord[]> {
  const rows = await db
    .selectFrom('dossier_actions')
    .selectAll()
    .where('province_code', '=', provinceCode)
    .where('dossier_code', '=', code)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    type: r.type,
    at: r.at,
    actorUsername: r.actor_username,
    actorRoles: r.actor_roles,
    actorUnitCode: r.actor_unit_code,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    reason: r.reason,
    payload: r.payload as Record<string, unknown>,
    clockEvents: r.clock_events as unknown[],
  }));
}

export interface DossierListQuery {
  unitCodes: readonly string[];
  status?: string | undefined;
  /** Workflow step (migration 0008). */
  step?: string | undefined;
  /** Unfinished and past the due instant at this instant. */
  overdueAt?: Date | undefined;
  /** Held by this officer; null = not assigned to anyone yet. */
  handler?: string | null | undefined;
  /** Only unfinished dossiers. */
  openOnly?: boolean | undefined;
  /** Only dossiers where the units are on this side (default: any side). */
  side?: 'receiving' | 'competent' | 'return' | undefined;
  /** Normalised forms of one search text; a dossier matches any of them. */
  search?: { code: string | null; phone: string | null; idNumber: string | null; name: string } | undefined;
  limit: number;
  offset: number;
}

export interface DossierListItem extends DossierRecord {
  currentStep: string | null;
  stepDueAt: Date | null;
  handlerUsername: string | null;
}

/** Dossiers where one of the units is the receiving, competent or return unit; most urgent first. */
export async function listDossiersForUnits(db: Db, provinceCode: string, query: DossierListQuery): Promise<{ items: DossierListItem[]; total: number }> {
  if (query.unitCodes.length === 0) return { items: [], total: 0 };
  let base = db
    .selectFrom('dossiers')
    .where('province_code', '=', provinceCode)
    .where((eb) => {
      const sides = {
        receiving: eb('receiving_unit_code', 'in', query.unitCodes),
        competent: eb('competent_unit_code', 'in', query.unitCodes),
        return: eb('return_unit_code', 'in', query.unitCodes),
      };
      return query.side ? sides[query.side] : eb.or(Object.values(sides));
    });
  if (query.status) base = base.where('status', '=', query.status);
  if (query.step) base = base.where('current_step', '=', query.step);
  if (query.openOnly || query.overdueAt) base = base.where('finished_at', 'is', null);
  if (query.overdueAt) base = base.where('due_at', '<', query.overdueAt);
  if (query.handler !== undefined) base = query.handler === null ? base.where('handler_username', 'is', null) : base.where('handler_username', '=', query.handler);
  const search = query.search;
  if (search) {
    const pattern = `%${search.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) => eb.or([
      ...(search.code ? [eb('code', '=', search.code)] : []),
      ...(search.phone ? [eb('applicant_phone', '=', search.phone)] : []),
      ...(search.idNumber ? [eb('applicant_id_number', '=', search.idNumber)] : []),
      eb(sql`motcua_fold(applicant->>'fullName')`, 'like', sql`motcua_fold(${pattern})`),
    ]));
  }
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy(sql`finished_at IS NOT NULL`)
    .orderBy('due_at', (ob) => ob.asc().nullsLast())
    .orderBy('received_at', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const items = rows.map((row) => ({ ...toRecord(row), currentStep: row.current_step, stepDueAt: row.step_due_at, handlerUsername: row.handler_username }));
  return { items, total: Number(total) };
}

export async function appendOutbox(db: Db, provinceCode: string, topic: string, key: string, payload: Record<string, unknown>): Promise<void> {
  await db.insertInto('outbox').values({ province_code: provinceCode, topic, key, payload: JSON.stringify(payload) }).execute();
}

export interface OpenClock {
  code: string;
  receivingUnitCode: string;
  clock: unknown;
  dueAt: Date | null;
  events: unknown[];
}

/** Every unfinished dossier with its clock events in order (for calendar-change impact). */
export async function listOpenClocks(db: Db, provinceCode: string): Promise<OpenClock[]> {
  const dossiers = await db
    .selectFrom('dossiers')
    .select(['code', 'receiving_unit_code', 'clock', 'due_at'])
    .where('province_code', '=', provinceCode)
    .where('finished_at', 'is', null)
    .execute();
  if (dossiers.length === 0) return [];
  const events = new Map<string, unknown[]>();
  const rows = await db
    .selectFrom('dossier_actions as a')
    .innerJoin('dossiers as d', (join) => join.onRef('d.province_code', '=', 'a.province_code').onRef('d.code', '=', 'a.dossier_code'))
    .select(['a.dossier_code', 'a.clock_events'])
    .where('a.province_code', '=', provinceCode)
    .where('d.finished_at', 'is', null)
    .orderBy('a.dossier_code')
    .orderBy('a.seq')
    .execute();
  for (const row of rows) {
    const list = events.get(row.dossier_code) ?? [];
    list.push(...(row.clock_events as unknown[]));
    events.set(row.dossier_code, list);
  }
  return dossiers.map((d) => ({ code: d.code, receivingUnitCode: d.receiving_unit_code, clock: d.clock, dueAt: d.due_at, events: events.get(d.code) ?? [] }));
}

export async function setDueAt(db: Db, provinceCode: string, code: string, dueAt: Date): Promise<void> {
  await db.updateTable('dossiers').set({ due_at: dueAt }).where('province_code', '=', provinceCode).where('code', '=', code).execute();
}
