// Live queue events across server instances: NOTIFY inside the command's transaction (delivered only if
// it commits) and one LISTEN connection per instance on the PostgreSQL server. PGlite is one process:
// there the in-process emitter of services/queue-live.ts is the whole story.
import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from './database.ts';

export const QUEUE_CHANNEL = 'motcua_queue';

export async function notifyQueue(db: Db, payload: unknown): Promise<void> {
  await sql`SELECT pg_notify(${QUEUE_CHANNEL}, ${JSON.stringify(payload)})`.execute(db);
}

export interface QueueListener {
  close(): Promise<void>;
}

/** Listens on the server until closed; reconnects after a lost connection. */
export async function listenQueue(url: string, onPayload: (payload: unknown) => void, onError: (error: Error) => void = () => undefined): Promise<QueueListener> {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel !== QUEUE_CHANNEL || !message.payload) return;
      try {
        onPayload(JSON.parse(message.payload));
      } catch {
        // Not ours or truncated: ignore.
      }
    });
    next.on('error', (error) => {
      onError(error);
      if (closed) return;
      client = undefined;
      next.end().catch(() => undefined);
      retry = setTimeout(() => void connect().catch(onError), 1000);
    });
    await next.connect();
    await next.query(`LISTEN ${QUEUE_CHANNEL}`);
    if (closed) {
      await next.end();
      return;
    }
    client = next;
  };
  await connect();
  return {
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
