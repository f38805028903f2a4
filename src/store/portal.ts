// Online filings, fee payments and their gateway callbacks, satisfaction ratings, public lookup attempts.
import { sql } from 'kysely';
import type { Db } from './database.ts';

export interface OnlineFilingRecord {
  dossierCode: string;
  citizenId: string;
  submittedAt: Date;
  onlineLevel: 'full' | 'partial';
  caseName: string | null;
  form: Record<string, unknown>;
  resultDelivery: 'unit' | 'online' | 'post';
  postalAddress: string | null;
  feeAmount: number;
}

export async function insertOnlineFiling(db: Db, provinceCode: string, f: OnlineFilingRecord): Promise<void> {
  await db.insertInto('online_filings').values({
    province_code: provinceCode, dossier_code: f.dossierCode, citizen_id: f.citizenId, submitted_at: f.submittedAt, online_level: f.onlineLevel,
    case_name: f.caseName, form: JSON.stringify(f.form), result_delivery: f.resultDelivery, postal_address: f.postalAddress, fee_amount: f.feeAmount,
  }).execute();
}

export async function findOnlineFiling(db: Db, provinceCode: string, dossierCode: string): Promise<OnlineFilingRecord | undefined> {
  const r = await db.selectFrom('online_filings').selectAll().where('province_code', '=', provinceCode).where('dossier_code', '=', dossierCode).executeTakeFirst();
  return r ? {
    dossierCode: r.dossier_code, citizenId: r.citizen_id, submittedAt: r.submitted_at, onlineLevel: r.online_level, caseName: r.case_name,
    form: r.form as Record<string, unknown>, resultDelivery: r.result_delivery, postalAddress: r.postal_address, feeAmount: r.fee_amount,
  } : undefined;
}

/** Codes of the citizen's dossiers: filed by them online, or filed anywhere under their verified CCCD;
 * for a citizen signed in with a one-time code, those whose applicant gave that phone or e-mail. The
 * rule must agree with `ownsDossier` (services/portal/citizen-dossiers.ts). */
export async function listCitizenDossierCodes(db: Db, provinceCode: string, citizenId: string,
  identity: { idNumber: string | null; contact: { channel: 'sms' | 'email'; identifier: string } | undefined }): Promise<string[]> {
  const { idNumber, contact } = identity;
  const rows = await db
    .selectFrom('dossiers as d')
    .leftJoin('online_filings as f', (j) => j.onRef('f.province_code', '=', 'd.province_code').onRef('f.dossier_code', '=', 'd.code'))
    .select('d.code')
    .where('d.province_code', '=', provinceCode)
    .where((eb) => {
      const mine = eb('f.citizen_id', '=', citizenId);
      if (contact?.channel === 'sms') return eb.or([mine, eb('d.applicant_phone', '=', contact.identifier)]);
      if (contact?.channel === 'email') return eb.or([mine, eb(sql<string>`lower(d.applicant->>'email')`, '=', contact.identifier)]);
      // Under a verified CCCD, except dossiers someone else filed online (those belong to their filer).
      return idNumber ? eb.or([mine, eb.and([eb('d.applicant_id_number', '=', idNumber), eb('f.citizen_id', 'is', null)])]) : mine;
    })
    .orderBy('d.updated_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => r.code);
}

/** The officer's receipt of an online filing: the receipt instant and officer replace the submission's. */
export async function markReceived(db: Db, provinceCode: string, code: string, expectedActionCount: number,
  next: { status: string; receivedAt: Date; receivedBy: string; dueAt: Date | null; finishedAt: Date | null }): Promise<boolean> {
  const result = await db.updateTable('dossiers')
    .set({ status: next.status, received_at: next.receivedAt, received_by: next.receivedBy, due_at: next.dueAt, finished_at: next.finishedAt,
      action_count: expectedActionCount + 1, updated_at: next.receivedAt })
    .where('province_code', '=', provinceCode).where('code', '=', code).where('action_count', '=', expectedActionCount)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A step that keeps the status (a payment, a citizen's supplement): bumps the concurrency token. */
export async function touchDossier(db: Db, provinceCode: string, code: string, expectedActionCount: number, at: Date, documents?: unknown[]): Promise<boolean> {
  const result = await db.updateTable('dossiers')
    .set({ action_count: expectedActionCount + 1, updated_at: at, ...(documents ? { documents: JSON.stringify(documents) } : {}) })
    .where('province_code', '=', provinceCode).where('code', '=', code).where('action_count', '=', expectedActionCount)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ── Payments ─────────────────────────────────────────────────────────────────────────────────────
export interface PaymentRecord {
  id: string;
  dossierCode: string;
  gateway: string;
  amount: number;
  status: 'pending' | 'paid' | 'failed' | 'expired';
  gatewayRef: string | null;
  createdAt: Date;
  expiresAt: Date;
  completedAt: Date | null;
}

const toPayment = (r: { id: string; dossier_code: string; gateway: string; amount: number; status: PaymentRecord['status']; gateway_ref: string | null;
  created_at: Date; expires_at: Date; completed_at: Date | null }): PaymentRecord => ({
  id: r.id, dossierCode: r.dossier_code, gateway: r.gateway, amount: r.amount, status: r.status, gatewayRef: r.gateway_ref,
  createdAt: r.created_at, expiresAt: r.expires_at, completedAt: r.completed_at,
});

export async function insertPayment(db: Db, provinceCode: string, p: { dossierCode: string; gateway: string; amount: number; createdAt: Date; expiresAt: Date }): Promise<PaymentRecord> {
  const row = await db.insertInto('payments').values({
    province_code: provinceCode, dossier_code: p.dossierCode, gateway: p.gateway, amount: p.amount, created_at: p.createdAt, expires_at: p.expiresAt,
  }).returningAll().executeTakeFirstOrThrow();
  return toPayment(row);
}

export async function findPayment(db: Db, id: string, forUpdate = false): Promise<(PaymentRecord & { provinceCode: string }) | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  let query = db.selectFrom('payments').selectAll().where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? { ...toPayment(row), provinceCode: row.province_code } : undefined;
}

export async function listPayments(db: Db, provinceCode: string, dossierCode: string): Promise<PaymentRecord[]> {
  const rows = await db.selectFrom('payments').selectAll().where('province_code', '=', provinceCode).where('dossier_code', '=', dossierCode)
    .orderBy('created_at').execute();
  return rows.map(toPayment);
}

export async function settlePayment(db: Db, id: string, status: 'paid' | 'failed' | 'expired', at: Date, gatewayRef: string | null): Promise<void> {
  await db.updateTable('payments').set({ status, completed_at: at, gateway_ref: gatewayRef }).where('id', '=', id).where('status', '=', 'pending').execute();
}

/** Records a callback once; false when this transaction id was seen before (a replay). */
export async function recordCallback(db: Db, c: { gateway: string; transactionId: string; paymentId: string; outcome: string; receivedAt: Date; payload: unknown }): Promise<boolean> {
  const rows = await sql<{ transaction_id: string }>`
    INSERT INTO payment_callbacks (gateway, transaction_id, payment_id, outcome, received_at, payload)
    VALUES (${c.gateway}, ${c.transactionId}, ${c.paymentId}::uuid, ${c.outcome}, ${c.receivedAt}, ${JSON.stringify(c.payload)}::jsonb)
    ON CONFLICT (gateway, transaction_id) DO NOTHING RETURNING transaction_id`.execute(db);
  return rows.rows.length === 1;
}

// ── Ratings ──────────────────────────────────────────────────────────────────────────────────────
export interface RatingRecord {
  dossierCode: string;
  ratedAt: Date;
  overall: 'very_satisfied' | 'satisfied' | 'dissatisfied';
  criteria: Record<string, unknown>;
  points: number;
  comment: string | null;
  via: 'portal' | 'lookup' | 'kiosk';
}

/** Inserts the rating; false when the dossier already has one (once per dossier, enforced by the key). */
export async function insertRating(db: Db, provinceCode: string, r: RatingRecord & { citizenId: string | null }): Promise<boolean> {
  const rows = await sql<{ dossier_code: string }>`
    INSERT INTO dossier_ratings (province_code, dossier_code, rated_at, overall, criteria, points, comment, via, citizen_id)
    VALUES (${provinceCode}, ${r.dossierCode}, ${r.ratedAt}, ${r.overall}, ${JSON.stringify(r.criteria)}::jsonb, ${r.points}, ${r.comment}, ${r.via}, ${r.citizenId}::uuid)
    ON CONFLICT (province_code, dossier_code) DO NOTHING RETURNING dossier_code`.execute(db);
  return rows.rows.length === 1;
}

export async function findRating(db: Db, provinceCode: string, dossierCode: string): Promise<RatingRecord | undefined> {
  const r = await db.selectFrom('dossier_ratings').selectAll().where('province_code', '=', provinceCode).where('dossier_code', '=', dossierCode).executeTakeFirst();
  return r ? { dossierCode: r.dossier_code, ratedAt: r.rated_at, overall: r.overall, criteria: r.criteria as Record<string, unknown>, points: r.points,
    comment: r.comment, via: r.via } : undefined;
}

// ── Public lookup rate limit ─────────────────────────────────────────────────────────────────────
/** An address's failed lookups since an instant (the rate limit's count), as a query (its plan is tested). */
export function lookupFailuresQuery(db: Db, address: string, since: Date) {
  // A literal false, so that the planner proves the partial index of failures applies (migration 0029).
  return db.selectFrom('public_lookup_attempts').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('address', '=', address).where('succeeded', '=', sql.lit(false)).where('at', '>=', since);
}

export async function countLookupFailures(db: Db, address: string, since: Date): Promise<number> {
  const row = await lookupFailuresQuery(db, address, since).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function recordLookupAttempt(db: Db, address: string, succeeded: boolean, at: Date): Promise<void> {
  await db.insertInto('public_lookup_attempts').values({ address, succeeded, at }).execute();
}

/**
 * The rate limit's check and the attempt's record in one statement: the address's failures since
 * `since` (counted before this attempt), and this attempt recorded only when they are under `max` (a
 * refused attempt is not recorded, as when the check and the insert were two statements).
 */
export async function checkAndRecordLookup(db: Db, address: string, since: Date, max: number, succeeded: boolean, at: Date): Promise<number> {
  const result = await db.with('prior', () => lookupFailuresQuery(db, address, since))
    .with('attempt', (qb) => qb.insertInto('public_lookup_attempts').columns(['address', 'succeeded', 'at'])
      .expression((eb) => eb.selectFrom('prior').select([sql<string>`${address}::text`.as('address'), sql<boolean>`${succeeded}::boolean`.as('succeeded'), sql<Date>`${at}::timestamptz`.as('at')]).where('prior.n', '<', max)))
    .selectFrom('prior').select('prior.n').executeTakeFirstOrThrow();
  return Number(result.n);
}

/** Ratings given between two local days (inclusive) on dossiers of the filter's scope, by overall level. */
export async function countRatings(db: Db, provinceCode: string, f: {
  fromDay: string; toDay: string; unitCodes: readonly string[]; procedureCodes?: readonly string[] | undefined; channel?: string | undefined;
  receivingCodes?: readonly string[] | undefined; competentUnitCode?: string | undefined;
}): Promise<{ total: number; satisfied: number }> {
  if (f.unitCodes.length === 0) return { total: 0, satisfied: 0 };
  let query = db
    .selectFrom('dossier_ratings as r')
    .innerJoin('dossiers as d', (j) => j.onRef('d.province_code', '=', 'r.province_code').onRef('d.code', '=', 'r.dossier_code'))
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.count<number>('r.dossier_code').filterWhere('r.overall', 'in', ['very_satisfied', 'satisfied']).as('satisfied'),
    ])
    .where('r.province_code', '=', provinceCode)
    // A range on rated_at (not a cast of it), so the (province_code, rated_at) index serves as history grows.
    .where(sql<boolean>`r.rated_at >= (${f.fromDay}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AND r.rated_at < (${f.toDay}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`)
    .where((eb) => eb.or([eb('d.receiving_unit_code', 'in', f.unitCodes), eb('d.competent_unit_code', 'in', f.unitCodes)]));
  if (f.procedureCodes) query = f.procedureCodes.length === 0 ? query.where(sql<boolean>`false`) : query.where('d.procedure_code', 'in', f.procedureCodes);
  if (f.channel) query = query.where('d.channel', '=', f.channel as 'direct' | 'online' | 'postal');
  if (f.receivingCodes) query = f.receivingCodes.length === 0 ? query.where(sql<boolean>`false`) : query.where('d.receiving_unit_code', 'in', f.receivingCodes);
  if (f.competentUnitCode) query = query.where('d.competent_unit_code', '=', f.competentUnitCode);
  const row = await query.executeTakeFirstOrThrow();
  return { total: Number(row.total), satisfied: Number(row.satisfied) };
}
