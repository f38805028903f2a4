// Once per test run: a migrated PGlite template (each test file loads a copy, ~0.3 s instead of ~3 s
// for a new database) and, when a PostgreSQL server is given, a migrated template database there.
import { mkdir, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createPGlite, overPGlite, openPostgres } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { ensureWebBuild } from '../src/cli/web-build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresUrl: string | null;
    postgresTemplate: string | null;
    runId: string;
    strict: boolean;
  }
}

const TMP = join(import.meta.dirname, '..', '.tmp');

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export default async function setup(project: TestProject) {
  const strict = process.env.MOTCUA_TEST_STRICT === '1';
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  await mkdir(TMP, { recursive: true });

  const pglite = await createPGlite();
  const handle = overPGlite(pglite);
  await migrate(handle.db);
  const dump = await pglite.dumpDataDir('none');
  const templatePath = join(TMP, `pglite-template-${runId}.tar`);
  await writeFile(templatePath, Buffer.from(await dump.arrayBuffer()));
  await handle.close();

  const serverUrl = process.env.MOTCUA_TEST_DATABASE_URL?.trim() || null;
  if (!serverUrl && strict) {
    throw new Error('MOTCUA_TEST_STRICT=1 but MOTCUA_TEST_DATABASE_URL is not set: the PostgreSQL suites would be skipped');
  }
  let postgresTemplate: string | null = null;
  if (serverUrl) {
    postgresTemplate = `motcua_tpl_${runId}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${postgresTemplate}`);
    await admin.end();
    const server = await openPostgres(withDatabase(serverUrl, postgresTemplate), 2);
    await migrate(server.db);
    await server.close();
  }

  // Built once here, before any worker starts, so that tests that serve the web app never race to build it.
  await ensureWebBuild((line) => console.log(line));

  project.provide('pgliteTemplate', templatePath);
  project.provide('postgresUrl', serverUrl);
  project.provide('postgresTemplate', postgresTemplate);
  project.provide('runId', runId);
  project.provide('strict', strict);

  return async () => {
    await rm(templatePath, { force: true });
    if (serverUrl && postgresTemplate) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`motcua_%${runId}%`]);
      for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      await admin.end();
    }
  };
}
