// The processes of the HTTP bench: a throwaway PostgreSQL cluster, `motcua serve` (on it, or on the
// embedded database), the bare Fastify hello-world, and a sampler of a process's resident memory.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startMotcua, servedPort } from '../../test/support/serve-process.ts';

const ROOT = join(import.meta.dirname, '..', '..');

export interface Served {
  base: string;
  pid: number;
  stop: () => Promise<void>;
}

export function startCluster(dir: string): string {
  return execFileSync('bash', [join(ROOT, 'scripts', 'pg-cluster.sh'), 'start', dir], { encoding: 'utf8' }).trim();
}

export function stopCluster(dir: string): void {
  execFileSync('bash', [join(ROOT, 'scripts', 'pg-cluster.sh'), 'stop', dir]);
}

/**
 * `motcua serve --demo` as in production (its own process, jobs on), on DATABASE_URL when given, else on
 * the embedded database in `dataDir`. The clock is moved to `clockAt` (see shift-clock.mjs);
 * MOTCUA_TRUST_PROXY lets the bench play many kiosks through X-Forwarded-For (the ticket rate limit is per
 * kiosk address).
 */
export async function startServer(options: { databaseUrl?: string; dataDir: string; clockAt: string; nodeOptions?: string; env?: Record<string, string> }): Promise<Served> {
  const preload = pathToFileURL(join(import.meta.dirname, 'shift-clock.mjs')).href;
  const run = startMotcua(['serve', '--demo', '--port', '0', '--data-dir', options.dataDir], {
    NODE_OPTIONS: [`--import=${preload}`, options.nodeOptions ?? ''].join(' ').trim(),
    BENCH_CLOCK_AT: options.clockAt,
    HOST: '127.0.0.1',
    MOTCUA_DEMO_OIDC_PORT: '0',
    MOTCUA_TRUST_PROXY: 'true',
    MOTCUA_LOG_LEVEL: 'warn',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  });
  const port = await servedPort(run, 600_000);
  return {
    base: `http://127.0.0.1:${port}`,
    pid: run.pid,
    stop: async () => {
      run.kill('SIGTERM');
      const timer = setTimeout(() => run.kill('SIGKILL'), 30_000);
      await run.exited;
      clearTimeout(timer);
    },
  };
}

export async function startHelloWorld(): Promise<Served> {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'hello-world.mjs')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
      const match = text.match(/listening on (\d+)/);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`hello-world exited with ${code}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Resident memory (VmRSS) of a process, in MB, read from /proc. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(status.match(/^VmRSS:\s+(\d+)\s+kB/m)?.[1] ?? NaN);
  return kb / 1024;
}

/** Samples a process's RSS every `everyMs` until stopped: the peak and the mean. */
export function sampleRss(pid: number, everyMs = 250): () => { peakMb: number; meanMb: number; samples: number } {
  const values: number[] = [];
  const take = () => {
    try {
      values.push(rssMb(pid));
    } catch {
      // the process is gone; the caller notices on its own
    }
  };
  take();
  const timer = setInterval(take, everyMs);
  return () => {
    clearInterval(timer);
    take();
    const peakMb = values.length ? Math.max(...values) : NaN;
    const meanMb = values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
    return { peakMb, meanMb, samples: values.length };
  };
}

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** Fields of /proc/PID/stat after the command name: [state, ppid, …]; undefined when the process is gone. */
function statFields(pid: number | string): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system, every thread) a process has used; with its reaped children's when asked. */
export function cpuSeconds(pid: number, withReapedChildren = false): number {
  const f = statFields(pid);
  if (!f) return NaN;
  // After the command: utime is field 14 of stat, i.e. index 11 here; stime 12, cutime 13, cstime 14.
  const ticks = Number(f[11]) + Number(f[12]) + (withReapedChildren ? Number(f[13]) + Number(f[14]) : 0);
  return ticks / TICKS_PER_SECOND;
}

/**
 * CPU seconds used so far by a PostgreSQL cluster: the postmaster, its live children (backends, writer,
 * …) and the children it has reaped (backends that ended count in its cutime/cstime).
 */
export function clusterCpuSeconds(clusterDir: string): number {
  const postmaster = Number(readFileSync(join(clusterDir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = cpuSeconds(postmaster, true);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(entry);
    if (f && Number(f[1]) === postmaster) total += (Number(f[11]) + Number(f[12])) / TICKS_PER_SECOND;
  }
  return total;
}
