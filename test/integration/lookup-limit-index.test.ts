// The public lookup's rate limit counts an address's failures only, however many lookups of that
// address succeeded in the window (a portal or a kiosk looks up thousands a day from one address), and
// the count reads the partial index of failures, not every attempt (migration 0029, found by the HTTP
// bench: the count walked all of the window's successes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { checkAndRecordLookup, countLookupFailures, lookupFailuresQuery, recordLookupAttempt } from '../../src/store/portal.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

const PORTAL = '203.0.113.7';
const NOW = new Date('2026-11-26T09:00:00+07:00');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

describe.each(ENGINES)('lookup failure count (%s)', (engine) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    // Many successes and a few failures from the portal, within and before the window; another address's failures.
    await sql`INSERT INTO public_lookup_attempts (address, succeeded, at)
      SELECT ${PORTAL}, true, ${NOW}::timestamptz - (g || ' seconds')::interval FROM generate_series(1, 3000) AS g`.execute(handle.db);
    for (const m of [1, 5, 14]) await recordLookupAttempt(handle.db, PORTAL, false, minutesAgo(m));
    await recordLookupAttempt(handle.db, PORTAL, false, minutesAgo(20));
    for (const m of [2, 3]) await recordLookupAttempt(handle.db, '198.51.100.1', false, minutesAgo(m));
    await sql`ANALYZE public_lookup_attempts`.execute(handle.db);
  });

  afterAll(async () => {
    await handle?.close();
  });

  it('counts the failures of the address within the window, never its successes', async () => {
    expect(await countLookupFailures(handle.db, PORTAL, minutesAgo(15))).toBe(3);
    expect(await countLookupFailures(handle.db, PORTAL, minutesAgo(30))).toBe(4);
    expect(await countLookupFailures(handle.db, '198.51.100.1', minutesAgo(15))).toBe(2);
    expect(await countLookupFailures(handle.db, '192.0.2.99', minutesAgo(15))).toBe(0);
  });

  it('checks and records in one statement: counts before this attempt, records it only under the limit', async () => {
    const kiosk = '192.0.2.50';
    const attempts = async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM public_lookup_attempts WHERE address = ${kiosk}`.execute(handle.db)).rows[0]!.n);
    // Two failures allowed: the first two attempts are recorded (counted before themselves: 0, then 1).
    expect(await checkAndRecordLookup(handle.db, kiosk, minutesAgo(15), 2, false, NOW)).toBe(0);
    expect(await checkAndRecordLookup(handle.db, kiosk, minutesAgo(15), 2, false, NOW)).toBe(1);
    expect(await attempts()).toBe(2);
    // At the limit: refused (the caller answers 429), and neither a failure nor a success is recorded.
    expect(await checkAndRecordLookup(handle.db, kiosk, minutesAgo(15), 2, false, NOW)).toBe(2);
    expect(await checkAndRecordLookup(handle.db, kiosk, minutesAgo(15), 2, true, NOW)).toBe(2);
    expect(await attempts()).toBe(2);
    // A success under the limit is recorded as a success and does not count toward it.
    expect(await checkAndRecordLookup(handle.db, '192.0.2.51', minutesAgo(15), 2, true, NOW)).toBe(0);
    expect(await countLookupFailures(handle.db, '192.0.2.51', minutesAgo(15))).toBe(0);
    expect(Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM public_lookup_attempts WHERE address = '192.0.2.51' AND succeeded`.execute(handle.db)).rows[0]!.n)).toBe(1);
  });

  it('reads the partial index of failures', async () => {
    const compiled = lookupFailuresQuery(handle.db, PORTAL, minutesAgo(15)).compile();
    const plan = await handle.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      const explained = await trx.executeQuery<{ 'QUERY PLAN': string }>({ ...compiled, sql: `EXPLAIN ${compiled.sql}` });
      return explained.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('public_lookup_attempts_failures_idx');
  });
});
