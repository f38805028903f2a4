// One measured load: autocannon on loopback with the run's settings, the server's RSS sampled meanwhile.
// Throughput counts 2xx answers only: a refusal (4xx) or a failure (5xx, socket error, timeout) is
// counted and reported beside it, never as work done.
import autocannon, { type RequestSpec, type Result } from 'autocannon';
import { sampleRss } from './processes.ts';

export interface LoadSettings {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

export interface Measured {
  /** 2xx answers per second over the measured run. */
  okPerSecond: number;
  /** Every answer (and error) per second, for comparison. */
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  ok: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  durationSeconds: number;
  rss: { peakMb: number; meanMb: number; samples: number } | null;
  /**
   * CPU milliseconds per answer (2xx or not) over the measured run, per process group (the server, the
   * PostgreSQL cluster): what a request costs, much steadier than the rate on a shared machine.
   */
  cpuMsPerRequest: Record<string, number> | null;
}

/** Cumulative CPU seconds of the processes under test, by name (see processes.ts). */
export type CpuClock = () => Record<string, number>;

interface LoadOptions {
  base: string;
  requests: RequestSpec[];
  settings: LoadSettings;
  /** Stop after this many requests instead of after the duration (the warm-up is skipped). */
  amount?: number;
  pid?: number;
  cpu?: CpuClock | undefined;
}

function cpuPerRequest(before: Record<string, number> | undefined, after: Record<string, number> | undefined, answers: number): Measured['cpuMsPerRequest'] {
  if (!before || !after || answers === 0) return null;
  return Object.fromEntries(Object.keys(after).map((k) => [k, Math.round(((after[k]! - before[k]!) * 1000 / answers) * 100) / 100]));
}

function summarise(result: Result, elapsedMs: number, rss: Measured['rss'], cpu: { before?: Record<string, number> | undefined; after?: Record<string, number> | undefined } = {}): Measured {
  const seconds = elapsedMs / 1000;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, Number(s.count)]));
  const ok = result['2xx'];
  return {
    okPerSecond: ok / seconds,
    requestsPerSecond: (ok + result.non2xx + result.errors) / seconds,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.mean },
    ok,
    non2xx: result.non2xx,
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
    durationSeconds: seconds,
    rss,
    cpuMsPerRequest: cpuPerRequest(cpu.before, cpu.after, ok + result.non2xx),
  };
}

export async function runLoad(options: LoadOptions): Promise<{ measured: Measured; warmup: Measured | null }> {
  const common = { url: options.base, connections: options.settings.connections, pipelining: 1, timeout: 10, requests: options.requests };
  let warmup: Measured | null = null;
  if (options.amount === undefined && options.settings.warmupSeconds > 0) {
    const started = performance.now();
    const result = await autocannon({ ...common, duration: options.settings.warmupSeconds });
    warmup = summarise(result, performance.now() - started, null);
  }
  const stopSampling = options.pid !== undefined ? sampleRss(options.pid) : undefined;
  const before = options.cpu?.();
  const started = performance.now();
  const result = await autocannon({ ...common, ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.settings.durationSeconds }) });
  const elapsed = performance.now() - started;
  const after = options.cpu?.();
  return { measured: summarise(result, elapsed, stopSampling ? stopSampling() : null, { before, after }), warmup };
}
