// Stored first answers of commands, keyed by who sent them and their idempotency key.
import { sql } from 'kysely';
import type { Db } from './database.ts';

export interface StoredAnswer {
  command: string;
  requestHash: string;
  response: unknown;
}

export async function findAnswer(db: Db, scope: string, key: string): Promise<StoredAnswer | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['command', 'request_hash', 'response'])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? { command: row.command, requestHash: row.request_hash, response: row.response } : undefined;
}

/** Records the answer; false when another request with the same key won the race. */
export async function saveAnswer(db: Db, scope: string, key: string, answer: StoredAnswer): Promise<boolean> {
  const result = await sql`
    INSERT INTO idempotency_keys (scope, key, command, request_hash, response)
    VALUES (${scope}, ${key}, ${answer.command}, ${answer.requestHash}, ${JSON.stringify(answer.response)}::jsonb)
    ON CONFLICT (scope, key) DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}
