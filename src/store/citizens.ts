// Citizens signed in through OpenID Connect, their sessions and the pending authorization requests.
import type { Db } from './database.ts';

export interface CitizenRecord {
  id: string;
  oidcIssuer: string;
  oidcSubject: string;
  fullName: string;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  communeCode: string | null;
  addressDetail: string | null;
}

export interface CitizenProfile {
  fullName: string;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  communeCode: string | null;
  addressDetail: string | null;
}

const toCitizen = (r: {
  id: string; oidc_issuer: string; oidc_subject: string; full_name: string; id_number: string | null; phone: string | null;
  email: string | null; commune_code: string | null; address_detail: string | null;
}): CitizenRecord => ({
  id: r.id, oidcIssuer: r.oidc_issuer, oidcSubject: r.oidc_subject, fullName: r.full_name, idNumber: r.id_number, phone: r.phone,
  email: r.email, communeCode: r.commune_code, addressDetail: r.address_detail,
});

/** Creates the citizen on first sign-in; later sign-ins refresh the profile from the provider. */
export async function upsertCitizen(db: Db, provinceCode: string, issuer: string, subject: string, profile: CitizenProfile, at: Date): Promise<CitizenRecord> {
  const values = {
    full_name: profile.fullName, id_number: profile.idNumber, phone: profile.phone, email: profile.email,
    commune_code: profile.communeCode, address_detail: profile.addressDetail, last_login_at: at,
  };
  const row = await db
    .insertInto('citizens')
    .values({ province_code: provinceCode, oidc_issuer: issuer, oidc_subject: subject, ...values, created_at: at })
    .onConflict((oc) => oc.columns(['oidc_issuer', 'oidc_subject']).doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCitizen(row);
}

export async function findCitizen(db: Db, id: string): Promise<CitizenRecord | undefined> {
  const row = await db.selectFrom('citizens').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCitizen(row) : undefined;
}

export async function insertCitizenSession(db: Db, s: { tokenHash: string; citizenId: string; createdAt: Date; expiresAt: Date; address: string; userAgent: string | null }): Promise<void> {
  await db.insertInto('citizen_sessions').values({
    token_hash: s.tokenHash, citizen_id: s.citizenId, created_at: s.createdAt, expires_at: s.expiresAt, address: s.address, user_agent: s.userAgent,
  }).execute();
}

export type SessionLookup = { state: 'live'; citizen: CitizenRecord; expiresAt: Date } | { state: 'expired' } | { state: 'unknown' };

export async function findCitizenSession(db: Db, tokenHash: string, now: Date): Promise<SessionLookup> {
  const row = await db
    .selectFrom('citizen_sessions as s')
    .innerJoin('citizens as c', 'c.id', 's.citizen_id')
    .selectAll('c')
    .select(['s.expires_at', 's.revoked_at'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return { state: 'unknown' };
  if (row.revoked_at !== null) return { state: 'unknown' };
  if (row.expires_at.getTime() <= now.getTime()) return { state: 'expired' };
  return { state: 'live', citizen: toCitizen(row), expiresAt: row.expires_at };
}

export async function revokeCitizenSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable('citizen_sessions').set({ revoked_at: now }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).execute();
}

export async function insertLoginRequest(db: Db, r: { state: string; nonce: string; codeVerifier: string; returnTo: string; createdAt: Date; expiresAt: Date }): Promise<void> {
  await db.insertInto('oidc_login_requests').values({
    state: r.state, nonce: r.nonce, code_verifier: r.codeVerifier, return_to: r.returnTo, created_at: r.createdAt, expires_at: r.expiresAt,
  }).execute();
}

/** Takes the pending request for `state` exactly once: a second callback with the same state finds nothing. */
export async function takeLoginRequest(db: Db, state: string, now: Date): Promise<{ nonce: string; codeVerifier: string; returnTo: string } | 'expired' | undefined> {
  const row = await db
    .updateTable('oidc_login_requests')
    .set({ used_at: now })
    .where('state', '=', state)
    .where('used_at', 'is', null)
    .returning(['nonce', 'code_verifier', 'return_to', 'expires_at'])
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.expires_at.getTime() <= now.getTime()) return 'expired';
  return { nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to };
}
