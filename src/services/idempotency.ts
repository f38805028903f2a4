// Every command carries an idempotency key: a retried command returns the first answer instead of acting
// twice; the same key with a different request is refused. The answer is saved in the command's own
// transaction, so a command that failed leaves no answer behind and may be retried.
import { createHash } from 'node:crypto';
import { conflict, invalid } from '../domain/errors.ts';
import { findAnswer, saveAnswer } from '../store/idempotency.ts';
import type { Db } from '../store/database.ts';

export interface IdempotentCommand {
  scope: string;
  key: string;
  command: string;
  request: unknown;
}

const KEY_RE = /^[A-Za-z0-9._:-]{8,200}$/;

export function requestHash(request: unknown): string {
  return createHash('sha256').update(stableJson(request)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Runs `act` inside one transaction unless this key already has an answer. `act` gets the transaction
 * and returns the answer to store and send.
 */
export async function runIdempotent<T>(db: Db, command: IdempotentCommand, act: (trx: Db) => Promise<T>): Promise<{ answer: T; replayed: boolean }> {
  if (!KEY_RE.test(command.key)) {
    throw invalid('INVALID_IDEMPOTENCY_KEY', 'Khóa chống trùng lặp (idempotencyKey) phải dài 8–200 ký tự chữ, số hoặc . _ : -', { field: 'idempotencyKey' });
  }
  const hash = requestHash(command.request);
  const replay = async () => {
    const stored = await findAnswer(db, command.scope, command.key);
    if (!stored) return undefined;
    if (stored.command !== command.command || stored.requestHash !== hash) {
      throw conflict('IDEMPOTENCY_KEY_REUSED', 'Khóa chống trùng lặp này đã được dùng cho một yêu cầu khác.', { key: command.key });
    }
    return { answer: stored.response as T, replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return await db.transaction().execute(async (trx) => {
      const answer = await act(trx);
      if (!(await saveAnswer(trx, command.scope, command.key, { command: command.command, requestHash: hash, response: answer }))) {
        throw new RaceLost();
      }
      return { answer, replayed: false };
    });
  } catch (error) {
    // A concurrent twin with the same key may have committed first (our insert found its row, or our
    // command tripped over what it wrote): its answer is the answer.
    const winner = await replay();
    if (winner) return winner;
    throw error instanceof RaceLost ? conflict('IDEMPOTENCY_RACE', 'Yêu cầu trùng đang được xử lý, vui lòng thử lại.') : error;
  }
}

class RaceLost extends Error {}
