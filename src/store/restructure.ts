// Rows of restructuring: plans, the open work of the units a plan closes, and the moves themselves
// (batched, so a plan that moves thousands of dossiers stays one short transaction).
import { sql } from 'kysely';
import type { Db } from './database.ts';
import { TERMINAL_STATUSES } from '../domain/dossier/status.ts';
import type { Unit } from '../domain/network/unit.ts';

export type PlanStatus = 'scheduled' | 'applied' | 'undone';

export interface StoredPlan {
  id: string;
  version: number;
  title: string;
  plan: Record<string, unknown>;
  digest: string;
  effectiveAt: Date;
  status: PlanStatus;
  touched: string[];
  undo: PlanUndo;
  impact: Record<string, unknown>;
  createdBy: string;
  createdAt: Date;
  appliedAt: Date | null;
  undoneAt: Date | null;
}

export interface StoredClosure {
  code: string;
  successors: string[];
  communeMap: Record<string, string>;
  fallback: string | null;
}

/** What a plan wrote to the network, so that a plan not yet in effect can be taken back exactly. */
export interface PlanUndo {
  created: string[];
  closed: Array<{ code: string; validToBefore: string | null }>;
  renamed: Array<{ code: string; nameBefore: string }>;
  moved: Array<{ code: string; parentBefore: string | null }>;
  closures: StoredClosure[];
  actor: { username: string; roles: string[]; unitCode: string };
}

const terminal = [...TERMINAL_STATUSES] as string[];

/** Open dossiers per unit, counting each role (receiving, competent, return) the unit plays. */
export async function openWorkByUnit(db: Db, provinceCode: string): Promise<Map<string, number>> {
  const { rows } = await sql<{ unit: string; n: number }>`
    SELECT unit, count(*)::int AS n FROM (
      SELECT receiving_unit_code AS unit FROM dossiers WHERE province_code = ${provinceCode} AND status <> ALL(${terminal})
      UNION ALL
      SELECT competent_unit_code FROM dossiers WHERE province_code = ${provinceCode} AND status <> ALL(${terminal})
        AND competent_unit_code <> receiving_unit_code
      UNION ALL
      SELECT return_unit_code FROM dossiers WHERE province_code = ${provinceCode} AND status <> ALL(${terminal})
        AND return_unit_code <> receiving_unit_code AND return_unit_code <> competent_unit_code
    ) w GROUP BY unit`.execute(db);
  return new Map(rows.map((r) => [r.unit, Number(r.n)]));
}

export interface OpenDossier {
  code: string;
  status: string;
  communeCode: string;
  receivingUnitCode: string;
  competentUnitCode: string;
  returnUnitCode: string;
  actionCount: number;
}

export async function openDossiersOf(db: Db, provinceCode: string, unitCodes: readonly string[]): Promise<OpenDossier[]> {
  if (unitCodes.length === 0) return [];
  const codes = [...unitCodes];
  const rows = await db
    .selectFrom('dossiers')
    .select(['code', 'status', 'applicant_commune_code', 'receiving_unit_code', 'competent_unit_code', 'return_unit_code', 'action_count'])
    .where('province_code', '=', provinceCode)
    .where('status', 'not in', terminal)
    .where((eb) => eb.or([eb('receiving_unit_code', 'in', codes), eb('competent_unit_code', 'in', codes), eb('return_unit_code', 'in', codes)]))
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    code: r.code, status: r.status, communeCode: r.applicant_commune_code, receivingUnitCode: r.receiving_unit_code,
    competentUnitCode: r.competent_unit_code, returnUnitCode: r.return_unit_code, actionCount: r.action_count,
  }));
}

/** One of a dossier's units that a restructuring replaced: as receiving, competent or return unit. */
export interface RoleMove {
  role: 'receiving' | 'competent' | 'return';
  from: string;
  to: string;
}

export interface DossierMove {
  code: string;
  status: string;
  actionCount: number;
  receivingUnitCode: string;
  competentUnitCode: string;
  returnUnitCode: string;
  /** Which roles moved from where to where (the history row's payload: `{ moves, planId }`). */
  roleMoves: RoleMove[];
}

/** Moves dossiers to their new units and appends one history row to each (status unchanged). */
export async function moveDossiers(
  db: Db,
  provinceCode: string,
  moves: readonly DossierMove[],
  action: { at: Date; username: string; roles: string[]; unitCode: string; reason: string; planId: string },
): Promise<void> {
  for (let i = 0; i < moves.length; i += 500) {
    const batch = moves.slice(i, i + 500);
    await db
      .insertInto('dossier_actions')
      .values(batch.map((m) => ({
        province_code: provinceCode,
        dossier_code: m.code,
        seq: m.actionCount + 1,
        type: 'restructure',
        at: action.at,
        actor_username: action.username,
        actor_roles: action.roles,
        actor_unit_code: action.unitCode,
        from_status: m.status,
        to_status: m.status,
        reason: action.reason,
        payload: JSON.stringify({ moves: m.roleMoves, planId: action.planId }),
        clock_events: '[]',
      })))
      .execute();
    const values = sql.join(batch.map((m) => sql`(${m.code}, ${m.actionCount}::int, ${m.receivingUnitCode}, ${m.competentUnitCode}, ${m.returnUnitCode})`));
    await sql`
      UPDATE dossiers d SET receiving_unit_code = v.receiving, competent_unit_code = v.competent, return_unit_code = v.ret,
        action_count = d.action_count + 1, updated_at = ${action.at}
      FROM (VALUES ${values}) AS v(code, expected, receiving, competent, ret)
      WHERE d.province_code = ${provinceCode} AND d.code = v.code AND d.action_count = v.expected`.execute(db);
  }
}

export async function staffOfUnits(db: Db, provinceCode: string, unitCodes: readonly string[]): Promise<Array<{ username: string; unitCode: string }>> {
  if (unitCodes.length === 0) return [];
  const rows = await db.selectFrom('staff_users').select(['username', 'unit_code']).where('province_code', '=', provinceCode)
    .where('unit_code', 'in', [...unitCodes]).where('active', '=', true).orderBy('username').execute();
  return rows.map((r) => ({ username: r.username, unitCode: r.unit_code }));
}

export async function moveStaff(db: Db, provinceCode: string, moves: ReadonlyArray<{ username: string; to: string }>, at: Date): Promise<void> {
  const byTarget = new Map<string, string[]>();
  for (const m of moves) byTarget.set(m.to, [...(byTarget.get(m.to) ?? []), m.username]);
  for (const [to, usernames] of byTarget) {
    await db.updateTable('staff_users').set({ unit_code: to, updated_at: at }).where('province_code', '=', provinceCode).where('username', 'in', usernames).execute();
  }
}

const toPlan = (r: {
  id: string; version: number; title: string; plan: unknown; digest: string; effective_at: Date; status: PlanStatus; touched: string[];
  undo: unknown; impact: unknown; created_by: string; created_at: Date; applied_at: Date | null; undone_at: Date | null;
}): StoredPlan => ({
  id: r.id, version: r.version, title: r.title, plan: r.plan as Record<string, unknown>, digest: r.digest, effectiveAt: r.effective_at,
  status: r.status, touched: r.touched, undo: r.undo as PlanUndo, impact: r.impact as Record<string, unknown>, createdBy: r.created_by,
  createdAt: r.created_at, appliedAt: r.applied_at, undoneAt: r.undone_at,
});

export async function listPlans(db: Db, provinceCode: string): Promise<StoredPlan[]> {
  const rows = await db.selectFrom('restructure_plans').selectAll().where('province_code', '=', provinceCode).orderBy('effective_at').orderBy('created_at').execute();
  return rows.map(toPlan);
}

export async function livePlan(db: Db, provinceCode: string, id: string): Promise<StoredPlan | undefined> {
  const row = await db.selectFrom('restructure_plans').selectAll().where('province_code', '=', provinceCode).where('id', '=', id).where('status', '<>', 'undone').executeTakeFirst();
  return row ? toPlan(row) : undefined;
}

export async function insertPlan(db: Db, provinceCode: string, p: Omit<StoredPlan, 'version' | 'createdAt' | 'undoneAt'>): Promise<number> {
  const prior = await db.selectFrom('restructure_plans').select((eb) => eb.fn.max('version').as('v')).where('province_code', '=', provinceCode).where('id', '=', p.id).executeTakeFirst();
  const version = Number(prior?.v ?? 0) + 1;
  await db.insertInto('restructure_plans').values({
    province_code: provinceCode, id: p.id, version, title: p.title, plan: JSON.stringify(p.plan), digest: p.digest, effective_at: p.effectiveAt,
    status: p.status, touched: p.touched, undo: JSON.stringify(p.undo), impact: JSON.stringify(p.impact), created_by: p.createdBy, applied_at: p.appliedAt,
  }).execute();
  return version;
}

export async function markPlan(db: Db, provinceCode: string, id: string, version: number, status: PlanStatus, at: Date): Promise<void> {
  await db.updateTable('restructure_plans')
    .set(status === 'applied' ? { status, applied_at: at } : { status, undone_at: at })
    .where('province_code', '=', provinceCode).where('id', '=', id).where('version', '=', version).execute();
}

/** Writes the network side of a plan: closures (validTo), lineage, renames and moves (with revisions). */
export async function writeNetworkChange(
  db: Db,
  planId: string,
  at: Date,
  change: { closed: string[]; lineage: Array<{ predecessor: string; successor: string }>; renames: Array<{ code: string; from: string; to: string }>; moves: Array<{ code: string; from: string | null; to: string }>; units: Map<string, Unit> },
): Promise<void> {
  if (change.closed.length > 0) await db.updateTable('units').set({ valid_to: at }).where('code', 'in', change.closed).execute();
  if (change.lineage.length > 0) {
    await db.insertInto('unit_lineage')
      .values(change.lineage.map((l) => ({ predecessor_code: l.predecessor, successor_code: l.successor, effective_at: at, plan_id: planId })))
      .onConflict((oc) => oc.columns(['predecessor_code', 'successor_code']).doNothing())
      .execute();
  }
  for (const r of change.renames) {
    const unit = change.units.get(r.code);
    await db.insertInto('unit_revisions').values({ code: r.code, changed_at: at, plan_id: planId, name_before: r.from, parent_before: unit?.parentCode ?? null }).onConflict((oc) => oc.doNothing()).execute();
    await db.updateTable('units').set({ name: r.to }).where('code', '=', r.code).execute();
  }
  for (const m of change.moves) {
    const unit = change.units.get(m.code);
    await db.insertInto('unit_revisions').values({ code: m.code, changed_at: at, plan_id: planId, name_before: unit?.name ?? m.code, parent_before: m.from }).onConflict((oc) => oc.doNothing()).execute();
    await db.updateTable('units').set({ parent_code: m.to }).where('code', '=', m.code).execute();
  }
}

/** Takes back a plan's network side (only for a plan whose instant has not come). */
export async function undoNetworkChange(db: Db, planId: string, undo: PlanUndo): Promise<void> {
  await db.deleteFrom('unit_lineage').where('plan_id', '=', planId).execute();
  for (const c of undo.closed) await db.updateTable('units').set({ valid_to: c.validToBefore }).where('code', '=', c.code).execute();
  for (const r of undo.renamed) await db.updateTable('units').set({ name: r.nameBefore }).where('code', '=', r.code).execute();
  for (const m of undo.moved) await db.updateTable('units').set({ parent_code: m.parentBefore }).where('code', '=', m.code).execute();
  await db.deleteFrom('unit_revisions').where('plan_id', '=', planId).execute();
  if (undo.created.length > 0) {
    // Children first (a created unit may be the parent of another).
    const remaining = new Set(undo.created);
    while (remaining.size > 0) {
      const parents = await db.selectFrom('units').select('parent_code').where('parent_code', 'in', [...remaining]).execute();
      const leaves = [...remaining].filter((c) => !parents.some((p) => p.parent_code === c));
      if (leaves.length === 0) throw new Error('restructure undo: cycle among created units');
      await db.deleteFrom('units').where('code', 'in', leaves).execute();
      for (const l of leaves) remaining.delete(l);
    }
  }
}
