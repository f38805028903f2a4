// A fresh, migrated database per test file, on each engine the run has: PGlite always, the PostgreSQL
// server when the run was given one (CI always is: a missing server fails the run, never skips).
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openPGlite, openPostgres, type DatabaseHandle } from '../../src/store/database.ts';

export type EngineKind = 'pglite' | 'postgres';

export const ENGINES: EngineKind[] = inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];

let counter = 0;

/**
 * `url`: the server database's address (PostgreSQL only), for tests that open a second connection.
 * `empty`: no migration applied (a test of a migration itself), instead of a copy of the migrated template.
 */
export async function openTestDatabase(kind: EngineKind, options: { empty?: boolean } = {}): Promise<DatabaseHandle & { url?: string }> {
  if (kind === 'pglite') {
    if (options.empty) return openPGlite();
    const template = await readFile(inject('pgliteTemplate'));
    return openPGlite({ loadDataDir: new Blob([template]) });
  }
  const serverUrl = inject('postgresUrl');
  const template = options.empty ? 'template1' : inject('postgresTemplate');
  if (!serverUrl || !template) throw new Error('no PostgreSQL server for this run');
  const name = `motcua_t_${inject('runId')}_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        break;
      } catch (error) {
        // Two workers copying the template at the same instant: PostgreSQL asks one to wait.
        if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), 4);
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
