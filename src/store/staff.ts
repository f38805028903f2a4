// Staff accounts and their sessions.
import type { Db } from './database.ts';
import { sql } from 'kysely';
import type { Role } from '../domain/staff/roles.ts';

export interface StaffRecord {
  id: string;
  username: string;
  fullName: string;
  unitCode: string;
  roles: Role[];
  passwordHash: string;
  active: boolean;
}

export interface NewStaff {
  provinceCode: string;
  username: string;
  fullName: string;
  unitCode: string;
  roles: Role[];
  passwordHash: string;
  isDemo?: boolean;
}

export async function insertStaff(db: Db, accounts: readonly NewStaff[]): Promise<void> {
  for (let i = 0; i < accounts.length; i += 500) {
    await db
      .insertInto('staff_users')
      .values(
        accounts.slice(i, i + 500).map((a) => ({
          province_code: a.provinceCode,
          username: a.username,
          full_name: a.fullName,
          unit_code: a.unitCode,
          roles: a.roles,
          password_hash: a.passwordHash,
          is_demo: a.isDemo ?? false,
        })),
      )
      .execute();
  }
}

export async function findStaffByUsername(db: Db, username: string): Promise<StaffRecord | undefined> {
  const row = await db
    .selectFrom('staff_users')
    .select(['id', 'username', 'full_name', 'unit_code', 'roles', 'password_hash', 'active'])
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
  return row
    ? { id: row.id, username: row.username, fullName: row.full_name, unitCode: row.unit_code, roles: row.roles as Role[],
        passwordHash: row.password_hash, active: row.active }
    : undefined;
}

export async function countStaff(db: Db): Promise<number> {
  const row = await db.selectFrom('staff_users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertSession(
  db: Db,
  session: { tokenHash: string; userId: string; expiresAt: Date; address: string | null; userAgent: string | null },
): Promise<void> {
  await db
    .insertInto('staff_sessions')
    .values({ token_hash: session.tokenHash, user_id: session.userId, expires_at: session.expiresAt, address: session.address,
      user_agent: session.userAgent })
    .execute();
}

export interface SessionStaff {
  userId: string;
  username: string;
  fullName: string;
  unitCode: string;
  unitName: string;
  roles: Role[];
}

/** The signed-in account behind a live session (not revoked, not expired, account still active). */
export async function findLiveSession(db: Db, tokenHash: string, now: Date): Promise<SessionStaff | undefined> {
  const row = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', 'u.id', 's.user_id')
    .innerJoin('units as unit', 'unit.code', 'u.unit_code')
    .select(['u.id', 'u.username', 'u.full_name', 'u.unit_code', 'u.roles', 'unit.name as unit_name'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where('u.active', '=', true)
    .executeTakeFirst();
  return row
    ? { userId: row.id, username: row.username, fullName: row.full_name, unitCode: row.unit_code, unitName: row.unit_name,
        roles: row.roles as Role[] }
    : undefined;
}

export async function revokeSession(db: Db, tokenHash: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('staff_sessions')
    .set({ revoked_at: now })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function recordLoginAttempt(db: Db, attempt: { username: string; address: string; succeeded: boolean; at: Date }) {
  await db.insertInto('login_attempts').values(attempt).execute();
}

export async function countRecentLoginFailures(
  db: Db,
  by: { username: string; address: string },
  since: Date,
): Promise<{ account: number; address: number }> {
  const row = await db
    .selectFrom('login_attempts')
    .select([
      sql<number>`count(*) FILTER (WHERE lower(username) = ${by.username.toLowerCase()})`.as('account'),
      sql<number>`count(*) FILTER (WHERE address = ${by.address})`.as('address'),
    ])
    .where('at', '>', since)
    .where('succeeded', '=', false)
    .where((eb) => eb.or([eb(sql`lower(username)`, '=', by.username.toLowerCase()), eb('address', '=', by.address)]))
    .executeTakeFirstOrThrow();
  return { account: Number(row.account), address: Number(row.address) };
}

export interface StaffChange {
  active?: boolean;
  unitCode?: string;
  roles?: Role[];
}

export async function updateStaff(db: Db, id: string, change: StaffChange, now: Date): Promise<void> {
  await db
    .updateTable('staff_users')
    .set({
      ...(change.active !== undefined ? { active: change.active } : {}),
      ...(change.unitCode !== undefined ? { unit_code: change.unitCode } : {}),
      ...(change.roles !== undefined ? { roles: change.roles } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function revokeAllSessions(db: Db, userId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('staff_sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Active accounts holding a role, other than `exceptId` (to refuse removing the last administrator). */
export async function countActiveWithRole(db: Db, role: Role, exceptId: string): Promise<number> {
  const row = await db
    .selectFrom('staff_users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('active', '=', true)
    .where(sql<boolean>`${role} = ANY(roles)`)
    .where('id', '!=', exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
