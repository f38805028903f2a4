// Leases of singleton jobs: an instance holds a job while `lease_until` is ahead of its clock; a dead
// instance's lease expires by itself. The claim is one INSERT … ON CONFLICT DO UPDATE … WHERE, which
// PostgreSQL serialises on the row: of two instances claiming together, exactly one gets the row back.
import { sql } from 'kysely';
import type { Db } from './database.ts';

export async function claimJobLease(db: Db, name: string, holder: string, now: Date, leaseMs: number): Promise<boolean> {
  const until = new Date(now.getTime() + leaseMs);
  const result = await sql<{ name: string }>`
    INSERT INTO job_leases (name, holder, lease_until, last_started_at) VALUES (${name}, ${holder}, ${until}, ${now})
    ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, lease_until = EXCLUDED.lease_until, last_started_at = EXCLUDED.last_started_at
      WHERE job_leases.lease_until <= ${now} OR job_leases.holder = EXCLUDED.holder
    RETURNING name`.execute(db);
  return result.rows.length === 1;
}

/** Gives the lease back at once (the next tick of any instance may run the job). */
export async function releaseJobLease(db: Db, name: string, holder: string, finishedAt: Date, error: string | null): Promise<void> {
  await db
    .updateTable('job_leases')
    .set({ lease_until: '-infinity', holder: null, last_finished_at: finishedAt, last_error: error })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .execute();
}
