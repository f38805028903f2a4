// Named statements on PostgreSQL connections (src/store/prepared-statements.ts): the same query text runs
// under one name per connection, varying texts stop being named past the cap, statements without
// parameters stay unnamed, and a schema change under a prepared `SELECT *` costs one failed query, after
// which the connection prepares afresh.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { MAX_PER_CONNECTION, prepareStatementsOn } from '../../src/store/prepared-statements.ts';
import { openPostgres, type DatabaseHandle } from '../../src/store/database.ts';

describe('prepareStatementsOn (a recording client)', () => {
  function recordingClient() {
    const calls: unknown[][] = [];
    const client = { query: (...args: unknown[]) => { calls.push(args); return Promise.resolve({ rows: [] }); } };
    prepareStatementsOn(client as unknown as pg.PoolClient);
    return { client: client as unknown as { query: (text: string, values?: unknown[]) => Promise<unknown> }, calls };
  }

  it('names a parameterised text once and reuses the name; leaves the others unnamed', async () => {
    const { client, calls } = recordingClient();
    await client.query('SELECT $1::int', [1]);
    await client.query('SELECT $1::int', [2]);
    await client.query('SELECT $1::text', ['a']);
    await client.query('begin', []);
    await client.query('SELECT 1');
    const named = calls.map((c) => (typeof c[0] === 'object' ? (c[0] as { name: string }).name : null));
    expect(named[0]).toBe(named[1]);
    expect(named[2]).not.toBe(named[0]);
    expect(named.slice(3)).toEqual([null, null]);
    expect(calls[1]![0]).toMatchObject({ text: 'SELECT $1::int', values: [2] });
  });

  it('stops naming past the cap per connection (varying texts cannot grow a backend without bound)', async () => {
    const { client, calls } = recordingClient();
    for (let i = 0; i <= MAX_PER_CONNECTION; i++) await client.query(`SELECT $1::int + ${i}`, [i]);
    expect(typeof calls[MAX_PER_CONNECTION - 1]![0]).toBe('object');
    expect(calls[MAX_PER_CONNECTION]).toEqual([`SELECT $1::int + ${MAX_PER_CONNECTION}`, [MAX_PER_CONNECTION]]);
  });

  it('gives one text the same name on every connection, and different texts different names', async () => {
    const a = recordingClient();
    const b = recordingClient();
    await a.client.query('SELECT $1::int', [1]);
    await b.client.query('SELECT $1::text', ['x']);
    await b.client.query('SELECT $1::int', [1]);
    const nameOf = (call: unknown[]) => (call[0] as { name: string }).name;
    expect(nameOf(a.calls[0]!)).toBe(nameOf(b.calls[1]!));
    expect(nameOf(b.calls[0]!)).not.toBe(nameOf(b.calls[1]!));
  });
});

describe.each(ENGINES.filter((e) => e === 'postgres'))('named statements on the server (%s)', (engine) => {
  let handle: DatabaseHandle;

  let plain: DatabaseHandle & { url?: string };

  beforeAll(async () => {
    // A database of its own, opened a second time with named statements on (MOTCUA_PG_PREPARED_STATEMENTS).
    plain = await openTestDatabase(engine);
    handle = await openPostgres(plain.url!, 2, true);
    await sql`CREATE TABLE prepared_probe (id int PRIMARY KEY, name text)`.execute(handle.db);
    await sql`INSERT INTO prepared_probe VALUES (1, 'một'), (2, 'hai')`.execute(handle.db);
  });

  afterAll(async () => {
    await handle?.close();
  });

  it('answers a repeated query correctly and PostgreSQL holds it as a prepared statement', async () => {
    const names = await handle.db.connection().execute(async (db) => {
      for (const id of [1, 2, 1, 2, 1, 2, 1]) {
        const row = await db.selectFrom('prepared_probe' as never).selectAll().where('id' as never, '=', id as never).executeTakeFirst() as { name: string } | undefined;
        expect(row?.name).toBe(id === 1 ? 'một' : 'hai');
      }
      return (await sql<{ name: string; statement: string }>`SELECT name, statement FROM pg_prepared_statements`.execute(db)).rows;
    });
    expect(names.some((n) => n.name.startsWith('motcua_') && n.statement.includes('prepared_probe'))).toBe(true);
  });

  it('survives a schema change under a prepared SELECT *: one query fails, the next ones work', async () => {
    await handle.db.connection().execute(async (db) => {
      const read = () => db.selectFrom('prepared_probe' as never).selectAll().where('id' as never, '=', 1 as never).executeTakeFirst() as Promise<Record<string, unknown> | undefined>;
      expect(await read()).toEqual({ id: 1, name: 'một' });
      await sql`ALTER TABLE prepared_probe ADD COLUMN note text`.execute(db);
      let failure: { code?: string } | undefined;
      try {
        await read();
      } catch (error) {
        failure = error as { code?: string };
      }
      // PostgreSQL may also re-plan silently; either way the connection must work afterwards.
      if (failure) expect(failure.code).toBe('0A000');
      expect(await read()).toEqual({ id: 1, name: 'một', note: null });
      expect(await read()).toEqual({ id: 1, name: 'một', note: null });
    });
  });
});
