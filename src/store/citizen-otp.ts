// One-time sign-in codes (hashes only), one active per identifier, and the counts behind the rate limits.
import { sql } from 'kysely';
import type { Db } from './database.ts';

export interface OtpCodeRecord {
  id: string;
  channel: 'sms' | 'email';
  identifier: string;
  codeHash: string;
  createdAt: Date;
  expiresAt: Date;
  attempts: number;
}

/** Serialises requests and checks for one identifier across instances (inside the caller's transaction). */
export async function lockIdentifier(trx: Db, provinceCode: string, identifier: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`otp:${provinceCode}:${identifier}`}))`.execute(trx);
}

export async function countRecentCodes(db: Db, by: { provinceCode: string; identifier: string } | { address: string }, since: Date): Promise<number> {
  let query = db.selectFrom('citizen_otp_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('created_at', '>=', since);
  query = 'address' in by ? query.where('address', '=', by.address)
    : query.where('province_code', '=', by.provinceCode).where('identifier', '=', by.identifier);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** The identifier's code that is neither used, superseded nor locked (it may have expired). */
export async function findActiveCode(db: Db, provinceCode: string, identifier: string, forUpdate = false): Promise<OtpCodeRecord | undefined> {
  let query = db.selectFrom('citizen_otp_codes').selectAll().where('province_code', '=', provinceCode).where('identifier', '=', identifier)
    .where('closed_at', 'is', null);
  if (forUpdate) query = query.forUpdate();
  const r = await query.executeTakeFirst();
  return r ? { id: r.id, channel: r.channel, identifier: r.identifier, codeHash: r.code_hash, createdAt: r.created_at, expiresAt: r.expires_at, attempts: r.attempts } : undefined;
}

export async function closeCode(db: Db, id: string, at: Date, reason: 'used' | 'superseded' | 'locked'): Promise<void> {
  await db.updateTable('citizen_otp_codes').set({ closed_at: at, closed_reason: reason }).where('id', '=', id).where('closed_at', 'is', null).execute();
}

export async function insertCode(db: Db, provinceCode: string, c: { channel: 'sms' | 'email'; identifier: string; codeHash: string; createdAt: Date; expiresAt: Date; address: string }): Promise<string> {
  const row = await db.insertInto('citizen_otp_codes').values({
    province_code: provinceCode, channel: c.channel, identifier: c.identifier, code_hash: c.codeHash, created_at: c.createdAt, expires_at: c.expiresAt, address: c.address,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Counts a wrong attempt; answers the number of wrong attempts now recorded. */
export async function countWrongAttempt(db: Db, id: string): Promise<number> {
  const row = await db.updateTable('citizen_otp_codes').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('id', '=', id)
    .returning('attempts').executeTakeFirstOrThrow();
  return row.attempts;
}

/** A citizen known by a verified phone or e-mail (no identity provider): issuer `motcua:otp:<channel>`. */
export const OTP_ISSUER_PREFIX = 'motcua:otp:';
