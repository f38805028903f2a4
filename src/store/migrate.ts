// Forward-only SQL migrations, applied at start. A PostgreSQL advisory lock makes instances that start
// together take turns: the first applies, the others find nothing left to do. Each file runs in its
// own transaction, so a failing file leaves the database as it was before that file.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './database.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const MIGRATION_LOCK_KEY = 74_2024_12; // any constant shared by every motcua instance

export interface MigrationFile {
  version: string;
  sql: string;
}

export async function readMigrationFiles(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name)).sort();
  return Promise.all(names.map(async (name) => ({ version: name.replace(/\.sql$/, ''), sql: await readFile(dir + name, 'utf8') })));
}

/**
 * Applies the pending migrations; answers the versions it applied. Each file runs in its own transaction
 * that first takes a transaction-scoped advisory lock and re-reads what is applied, so instances starting
 * together take turns file by file — and it works through a transaction-mode pooler (pgbouncer), where a
 * session-level lock could be released on another server connection than the one that took it.
 */
export async function migrate(db: Db, files?: MigrationFile[]): Promise<string[]> {
  const migrations = files ?? (await readMigrationFiles());
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(trx);
  });
  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
      const done = await trx.selectFrom('schema_migrations').select('version').where('version', '=', migration.version).executeTakeFirst();
      if (done) return false;
      await sql.raw(migration.sql).execute(trx);
      await trx.insertInto('schema_migrations').values({ version: migration.version }).execute();
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}
