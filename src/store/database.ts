// Opening the database is the only place that knows which PostgreSQL it talks to: embedded PGlite
// (default, persisted in a directory) or a PostgreSQL server (DATABASE_URL, a node-postgres pool).
// Everything above uses the same Kysely handle and the same SQL.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { PGlitePool } from './pglite-pool.ts';
import { prepareStatementsOn } from './prepared-statements.ts';
import type { DatabaseSchema } from './schema.ts';

export type Db = Kysely<DatabaseSchema>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

// Same value shapes on both engines: dates as 'YYYY-MM-DD' strings (a civil date has no time zone),
// int8 counts as numbers, timestamptz as Date.
const OID_INT8 = 20;
const OID_DATE = 1082;
const pgliteParsers = { [OID_DATE]: (value: string) => value, [OID_INT8]: (value: string) => Number(value) };

export const PGLITE_EXTENSIONS = { pg_trgm, unaccent, pgcrypto, btree_gin };

export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

/** A PGlite instance with the extensions and value parsers motcua expects. */
export async function createPGlite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<PGlite> {
  const pglite = new PGlite({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: PGLITE_EXTENSIONS,
    parsers: pgliteParsers,
  });
  await pglite.waitReady;
  await pglite.exec(`SET TIME ZONE '${TIME_ZONE}'`);
  return pglite;
}

export async function openPGlite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<DatabaseHandle> {
  return overPGlite(await createPGlite(options));
}

export function overPGlite(pglite: PGlite): DatabaseHandle {
  const pool = new PGlitePool(pglite);
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool: pool as never }) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

/** `preparedStatements`: name the queries per connection (MOTCUA_PG_PREPARED_STATEMENTS, decision 0033). */
export async function openPostgres(url: string, poolSize = 10, preparedStatements = false): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 10_000,
    options: `-c TimeZone=${TIME_ZONE}`,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === OID_DATE) return (value: string) => value;
        if (oid === OID_INT8) return (value: string) => Number(value);
        return pg.types.getTypeParser(oid, format as 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  pool.on('error', () => {
    // An idle client lost its server; the pool replaces it. Queries in flight get their own error.
  });
  // A client in use that loses its server (PostgreSQL restarted, a failover) also emits 'error': without
  // a listener that would end the process. Its query fails with the same error, the pool drops the broken
  // client on release, and the next request gets a fresh connection.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    if (preparedStatements) prepareStatementsOn(client);
  });
  let timeZone: string;
  try {
    const client = await pool.connect();
    try {
      timeZone = (await client.query<{ tz: string }>("SELECT current_setting('TimeZone') AS tz")).rows[0]!.tz;
    } finally {
      client.release();
    }
  } catch (cause) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnavailableError(`Không kết nối được cơ sở dữ liệu PostgreSQL (cannot reach DATABASE_URL): ${(cause as Error).message}`, { cause });
  }
  // A pooler such as pgbouncer may drop the `options` startup parameter: then the database's own default
  // must be Vietnam's time zone, or local days would silently shift. Refuse rather than guess.
  if (timeZone !== TIME_ZONE) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnavailableError(
      `Múi giờ phiên PostgreSQL là ${timeZone}, cần ${TIME_ZONE} (session time zone is ${timeZone}): `
      + `ALTER DATABASE <tên> SET timezone TO '${TIME_ZONE}' (see docs/deployment.md)`,
    );
  }
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/** Whether the database answers a trivial query. */
export async function pingDatabase(db: Db): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

export function openDatabase(options: { databaseUrl?: string | undefined; dataDir: string; poolSize?: number; preparedStatements?: boolean }): Promise<DatabaseHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize, options.preparedStatements) : openPGlite({ dataDir: options.dataDir });
}
