// PGlite is one embedded PostgreSQL session on the main thread. Kysely's PostgresDialect expects a
// node-postgres-like pool, so this adapter hands out that single session to one borrower at a time:
// a transaction (BEGIN … COMMIT) is never interleaved with another caller's statements.
import type { PGlite } from '@electric-sql/pglite';

interface QueryResultLike {
  command: string;
  rowCount: number;
  rows: unknown[];
}

interface PoolClientLike {
  query(sql: string, parameters?: readonly unknown[]): Promise<QueryResultLike>;
  release(): void;
}

const ACQUIRE_TIMEOUT_MS = 60_000;

export class PGlitePool {
  private busy = false;
  private readonly waiters: Array<() => void> = [];

  constructor(readonly pglite: PGlite) {}

  async connect(): Promise<PoolClientLike> {
    await this.acquire();
    let released = false;
    return {
      query: (sql, parameters) => this.run(sql, parameters ?? []),
      release: () => {
        if (released) return;
        released = true;
        this.releaseNext();
      },
    };
  }

  async end(): Promise<void> {
    await this.acquire();
    try {
      await this.pglite.close();
    } finally {
      this.releaseNext();
    }
  }

  private async run(sql: string, parameters: readonly unknown[]): Promise<QueryResultLike> {
    // Without parameters use the simple protocol, as node-postgres does: it accepts several
    // statements at once (migration files), like a PostgreSQL server would.
    if (parameters.length === 0) {
      const results = await this.pglite.exec(sql);
      const last = results[results.length - 1];
      return {
        command: commandOf(sql),
        rowCount: last ? (last.affectedRows ?? last.rows.length) : 0,
        rows: last?.rows ?? [],
      };
    }
    const result = await this.pglite.query(sql, parameters as unknown[]);
    const command = commandOf(sql);
    return {
      command,
      rowCount: isWrite(command) ? (result.affectedRows ?? 0) : result.rows.length,
      rows: result.rows,
    };
  }

  private acquire(): Promise<void> {
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const index = this.waiters.indexOf(grant);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(new Error('PGlite session busy for 60 s: a query inside a transaction probably used the outer handle'));
      }, ACQUIRE_TIMEOUT_MS);
      const grant = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(grant);
    });
  }

  private releaseNext(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.busy = false;
  }
}

function commandOf(sql: string): string {
  const match = /^\s*(?:with\b[\s\S]*?\)\s*)?(insert|update|delete|merge|select)\b/i.exec(sql);
  return (match?.[1] ?? sql.trim().split(/\s+/)[0] ?? '').toUpperCase();
}

function isWrite(command: string): boolean {
  return command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE';
}
