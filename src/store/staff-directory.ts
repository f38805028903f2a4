// Reading staff accounts for administration: search and filters within a set of units, and sessions.
import { sql } from 'kysely';
import type { Db } from './database.ts';
import type { Role } from '../domain/staff/roles.ts';

export interface StaffFilter {
  unitCodes: readonly string[];
  q?: string;
  role?: Role;
  active?: boolean;
  limit: number;
  offset: number;
}

export interface StaffListItem {
  username: string;
  fullName: string;
  unitCode: string;
  unitName: string;
  roles: Role[];
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
  lastSignInAt: Date | null;
  /** Counters and service groups the officer is assigned to; empty: any of the unit's. */
  counterCodes: string[];
  serviceGroups: string[];
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listStaff(db: Db, filter: StaffFilter): Promise<{ items: StaffListItem[]; total: number }> {
  if (filter.unitCodes.length === 0) return { items: [], total: 0 };
  let query = db
    .selectFrom('staff_users as u')
    .innerJoin('units as unit', 'unit.code', 'u.unit_code')
    .where('u.unit_code', 'in', [...filter.unitCodes]);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q.toLowerCase())}%`;
    query = query.where((eb) => eb.or([eb(sql`lower(u.username)`, 'like', pattern), eb(sql`lower(u.full_name)`, 'like', pattern)]));
  }
  if (filter.role) query = query.where(sql<boolean>`${filter.role} = ANY(u.roles)`);
  if (filter.active !== undefined) query = query.where('u.active', '=', filter.active);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select(['u.username', 'u.full_name', 'u.unit_code', 'unit.name as unit_name', 'u.roles', 'u.active', 'u.created_at', 'u.updated_at', 'u.counter_codes', 'u.service_groups',
      sql<Date | null>`(SELECT max(s.created_at) FROM staff_sessions s WHERE s.user_id = u.id)`.as('last_sign_in_at')])
    .orderBy('u.unit_code').orderBy('u.username')
    .limit(filter.limit).offset(filter.offset)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({ username: r.username, fullName: r.full_name, unitCode: r.unit_code, unitName: r.unit_name, roles: r.roles as Role[],
      active: r.active, createdAt: r.created_at, updatedAt: r.updated_at, lastSignInAt: r.last_sign_in_at === null ? null : new Date(r.last_sign_in_at),
      counterCodes: r.counter_codes, serviceGroups: r.service_groups })),
  };
}

export interface SessionRow {
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  address: string | null;
  userAgent: string | null;
}

/** An account's live sessions, newest first. */
export async function listLiveSessions(db: Db, userId: string, now: Date): Promise<SessionRow[]> {
  const rows = await db.selectFrom('staff_sessions').select(['token_hash', 'created_at', 'expires_at', 'address', 'user_agent'])
    .where('user_id', '=', userId).where('revoked_at', 'is', null).where('expires_at', '>', now)
    .orderBy('created_at', 'desc').execute();
  return rows.map((r) => ({ tokenHash: r.token_hash, createdAt: r.created_at, expiresAt: r.expires_at, address: r.address, userAgent: r.user_agent }));
}

export async function revokeOtherSessions(db: Db, userId: string, keepTokenHash: string, now: Date): Promise<number> {
  const result = await db.updateTable('staff_sessions').set({ revoked_at: now })
    .where('user_id', '=', userId).where('revoked_at', 'is', null).where('token_hash', '!=', keepTokenHash)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function setPasswordHash(db: Db, userId: string, passwordHash: string, now: Date): Promise<void> {
  await db.updateTable('staff_users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', userId).execute();
}

export async function insertResetToken(db: Db, token: { tokenHash: string; userId: string; createdBy: string; createdAt: Date; expiresAt: Date }): Promise<void> {
  // A new link voids the earlier unused ones: only the latest link an administrator handed out works.
  await db.updateTable('password_reset_tokens').set({ used_at: token.createdAt }).where('user_id', '=', token.userId).where('used_at', 'is', null).execute();
  await db.insertInto('password_reset_tokens').values({ token_hash: token.tokenHash, user_id: token.userId, created_by: token.createdBy,
    created_at: token.createdAt, expires_at: token.expiresAt }).execute();
}

/** Marks a live reset token used and returns its account, or undefined when unknown, used or expired. */
export async function consumeResetToken(db: Db, tokenHash: string, now: Date): Promise<string | undefined> {
  const row = await db.updateTable('password_reset_tokens').set({ used_at: now })
    .where('token_hash', '=', tokenHash).where('used_at', 'is', null).where('expires_at', '>', now)
    .returning('user_id').executeTakeFirst();
  return row?.user_id;
}
