// The accounts a staff import compares its rows with, and the accounts it creates (with the optional
// work contacts of migration 0025).
import { sql } from 'kysely';
import type { Db } from './database.ts';
import type { Role } from '../domain/staff/roles.ts';

export interface ExistingAccount {
  username: string;
  fullName: string;
  unitCode: string;
  roles: Role[];
  email: string | null;
  phone: string | null;
  active: boolean;
}

/** Accounts whose username matches one of `usernames`, case-insensitively, keyed by the lower-case username. */
export async function accountsByUsername(db: Db, usernames: readonly string[]): Promise<Map<string, ExistingAccount>> {
  const found = new Map<string, ExistingAccount>();
  const lower = [...new Set(usernames.map((u) => u.toLowerCase()))];
  for (let i = 0; i < lower.length; i += 1000) {
    const rows = await db.selectFrom('staff_users')
      .select(['username', 'full_name', 'unit_code', 'roles', 'email', 'phone', 'active'])
      .where(sql<string>`lower(username)`, 'in', lower.slice(i, i + 1000))
      .execute();
    for (const r of rows) {
      found.set(r.username.toLowerCase(), { username: r.username, fullName: r.full_name, unitCode: r.unit_code, roles: r.roles as Role[], email: r.email, phone: r.phone, active: r.active });
    }
  }
  return found;
}

export interface ImportedAccount {
  provinceCode: string;
  username: string;
  fullName: string;
  unitCode: string;
  roles: Role[];
  email: string | null;
  phone: string | null;
  /** Never a usable hash: the officer sets a password through the one-time link. */
  passwordHash: string;
  at: Date;
}

/** Inserts the accounts; answers each one's id by username. */
export async function insertImportedAccounts(db: Db, accounts: readonly ImportedAccount[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < accounts.length; i += 500) {
    const rows = await db.insertInto('staff_users')
      .values(accounts.slice(i, i + 500).map((a) => ({
        province_code: a.provinceCode, username: a.username, full_name: a.fullName, unit_code: a.unitCode, roles: a.roles,
        password_hash: a.passwordHash, email: a.email, phone: a.phone, created_at: a.at, updated_at: a.at,
      })))
      .returning(['id', 'username'])
      .execute();
    for (const r of rows) ids.set(r.username, r.id);
  }
  return ids;
}
