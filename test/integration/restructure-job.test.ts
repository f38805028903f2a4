// Scheduled restructuring plans take effect through the job runner, on each engine: the job is a
// singleton under a lease (an instance that does not hold it skips the tick), and two instances ticking
// together after the instant apply the plan exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import { createJobs, RESTRUCTURE_JOB, type BackgroundJobs } from '../../src/jobs/index.ts';
import { claimJobLease } from '../../src/store/job-leases.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

describe.each(ENGINES)('scheduled restructuring plans as a job on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let a: BackgroundJobs;
  let b: BackgroundJobs;
  const clock = testClock('2024-12-20T09:00:00+07:00');

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const ctx = testContext(handle, clock);
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    a = createJobs(ctx, { holder: 'instance-a' });
    b = createJobs(ctx, { holder: 'instance-b' });
  }, 240_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await app?.close();
    await handle?.close();
  });

  const planStatus = async () => (await sql<{ status: string }>`SELECT status FROM restructure_plans WHERE id = 'bd-phase-2'`.execute(handle.db)).rows.map((r) => r.status);
  const applyAudits = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'restructure.apply'`.execute(handle.db)).rows[0]!.n;

  it('applies a plan once at its instant, whichever instance ticks', async () => {
    const token = (await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: DEMO_PASSWORD } })).json().token;
    const bundled = (await app.inject({ url: '/api/v1/admin/restructure/bundled', headers: { authorization: `Bearer ${token}` } })).json().items;
    const res = await app.inject({ method: 'POST', url: '/api/v1/admin/restructure', headers: { authorization: `Bearer ${token}` }, payload: { plan: bundled.find((p: { id: string }) => p.id === 'bd-phase-2'), dryRun: false } });
    expect(res.json().status).toBe('scheduled');

    // Before the instant: the tick holds the lease and applies nothing.
    expect(await a.runOnce(RESTRUCTURE_JOB)).toEqual({ leaseHeld: true, applied: 0 });
    expect(await planStatus()).toEqual(['scheduled']);

    // After it: an instance that finds the lease held by another skips the tick.
    clock.set('2025-01-01T00:00:30+07:00');
    expect(await claimJobLease(handle.db, RESTRUCTURE_JOB, 'instance-c', clock.now(), 60_000)).toBe(true);
    expect(await b.runOnce(RESTRUCTURE_JOB)).toEqual({ leaseHeld: false, applied: 0 });
    expect(await planStatus()).toEqual(['scheduled']);

    // The lease expires; two instances tick together: the plan is applied exactly once.
    clock.set('2025-01-01T00:02:00+07:00');
    const [ra, rb] = await Promise.all([a.runOnce(RESTRUCTURE_JOB), b.runOnce(RESTRUCTURE_JOB)]);
    expect(ra.applied as number + (rb.applied as number)).toBe(1);
    expect(await planStatus()).toEqual(['applied']);
    expect(await a.runOnce(RESTRUCTURE_JOB)).toEqual({ leaseHeld: true, applied: 0 });
    expect(await applyAudits()).toBe(1);
    const points = (await app.inject({ url: '/api/v1/units?type=reception_point&limit=1' })).json().total;
    expect(points).toBe(82);
  });

  it('seals the audit log as a job', async () => {
    await a.runOnce('audit-seal');
    const unsealed = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log l WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.audit_id = l.id)`.execute(handle.db)).rows[0]!.n;
    expect(unsealed).toBe(0);
  });
});
