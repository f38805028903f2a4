import { describe, expect, it } from 'vitest';
import { JobRunner, type Job } from './runner.ts';
import { backoffMs, MAX_BACKOFF_MS } from './backoff.ts';
import { SILENT_LOGGER } from '../services/notifications/channel.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('JobRunner', () => {
  it('never overlaps a job with itself and waits for the run in flight on stop', async () => {
    let running = 0;
    let maxRunning = 0;
    let finished = 0;
    const job: Job = {
      name: 'slow', intervalMs: 5,
      run: async () => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await sleep(40);
        running -= 1;
        finished += 1;
        return { done: 1 };
      },
    };
    const runner = new JobRunner([job], SILENT_LOGGER);
    runner.start();
    await sleep(1100); // first run starts within 1–2 s of start
    const [a, b] = [runner.runOnce('slow'), runner.runOnce('slow')];
    expect(a).toBe(b); // a second request joins the run in flight
    await runner.stop();
    expect(running).toBe(0); // stop() returned only after the run finished
    expect(maxRunning).toBe(1);
    const after = finished;
    await sleep(100);
    expect(finished).toBe(after); // nothing scheduled after stop
  });

  it('keeps running after a failed run and reports errors to the log', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const runner = new JobRunner([{ name: 'flaky', intervalMs: 10, run: async () => { calls += 1; throw new Error('boom'); } }],
      { ...SILENT_LOGGER, error: (o) => errors.push(o) });
    runner.start();
    await sleep(2100);
    await runner.stop();
    expect(calls).toBeGreaterThan(1);
    expect(errors.length).toBe(calls);
    await expect(runner.runOnce('flaky')).rejects.toThrow('boom');
  });
});

describe('backoffMs', () => {
  it('doubles from the base and stops at 6 hours', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(60_000, n))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(backoffMs(60_000, 30)).toBe(MAX_BACKOFF_MS);
  });
});
