// Runs background jobs inside `motcua serve`: each job on its own interval, one run at a time per job
// and instance, never overlapping itself. Safety across instances lives in the jobs (row claims with
// FOR UPDATE SKIP LOCKED, leases, unique marks), not here. `stop()` waits for runs in flight, so a
// SIGTERM never cuts a transaction or an SMTP conversation in half. Tests call `runOnce` instead of
// starting timers, with the context's injected clock.
import type { JobLogger } from '../services/notifications/channel.ts';

export type JobReport = Record<string, number | boolean>;

export interface Job {
  name: string;
  intervalMs: number;
  run(): Promise<JobReport>;
}

export class JobRunner {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Map<string, Promise<JobReport>>();
  private running = false;

  constructor(readonly jobs: readonly Job[], private readonly log: JobLogger) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    // Spread the first runs a little, so instances started together do not poll in lockstep.
    for (const job of this.jobs) this.schedule(job, Math.min(job.intervalMs, 1000 + Math.floor(Math.random() * 1000)));
  }

  /** One run of a job now (or the run already in flight). Errors are thrown to the caller. */
  runOnce(name: string): Promise<JobReport> {
    const job = this.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`no job named "${name}"`);
    const current = this.inFlight.get(name);
    if (current) return current;
    const run = job.run().finally(() => this.inFlight.delete(name));
    this.inFlight.set(name, run);
    return run;
  }

  /** Stops scheduling and waits for the runs in flight. */
  async stop(): Promise<void> {
    this.running = false;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private schedule(job: Job, delayMs: number): void {
    if (!this.running) return;
    const timer = setTimeout(() => {
      this.timers.delete(job.name);
      this.runOnce(job.name).then(
        (report) => {
          if (Object.values(report).some((v) => typeof v === 'number' && v > 0)) this.log.info({ job: job.name, ...report }, 'job run');
        },
        (error: unknown) => this.log.error({ job: job.name, err: error }, 'job run failed'),
      ).finally(() => this.schedule(job, job.intervalMs));
    }, delayMs);
    timer.unref();
    this.timers.set(job.name, timer);
  }
}
