// The HTTP bench's table (each scenario against its target and as a share of the hello-world ceiling)
// and its JSON record in bench/results/.
import { writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem, hostname } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Measured } from './load.ts';
import type { ScenarioResult, Target } from './scenarios.ts';

export function machine() {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch { /* not a checkout */ }
  return {
    host: hostname(), cores: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30 * 10) / 10,
    node: process.version, platform: `${process.platform} ${process.arch}`, commit,
  };
}

export function load(): string {
  return loadavg().map((l) => l.toFixed(2)).join(', ');
}

export type Verdict = 'met' | 'MISSED' | 'see note' | '-';

export function verdict(target: Target, m: Measured): Verdict {
  if (target.elsewhere) return 'see note';
  if (target.perSecond === undefined && target.p99Ms === undefined) return '-';
  const rate = target.perSecond === undefined || m.okPerSecond >= target.perSecond;
  const latency = target.p99Ms === undefined || m.latencyMs.p99 < target.p99Ms;
  return rate && latency && m.non2xx === 0 && m.errors === 0 ? 'met' : 'MISSED';
}

function targetText(t: Target): string {
  if (t.elsewhere) return t.elsewhere;
  return [t.perSecond !== undefined ? `≥ ${t.perSecond.toLocaleString('en')}/s` : '', t.p99Ms !== undefined ? `p99 < ${t.p99Ms} ms` : ''].filter(Boolean).join(', ') || '-';
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

export function printTable(hello: Measured, rows: Array<ScenarioResult & { engine: string }>, rss: { peakMb: number; targetMb: number }): void {
  const header = ['scenario', 'engine', '2xx/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', '× hello', 'RSS MB', 'CPU ms/req', 'target', 'verdict'];
  const widths = [12, 8, 9, 7, 7, 8, 7, 8, 7, 13, 46, 8];
  const line = (cells: string[]) => console.log(cells.map((c, i) => (i >= 2 && i <= 9 ? lpad(c, widths[i]!) : pad(c, widths[i]!))).join('  '));
  // Server + PostgreSQL CPU per answer: steadier than the rate when other work shares the machine.
  const cpu = (m: Measured) => (m.cpuMsPerRequest ? [m.cpuMsPerRequest.server, m.cpuMsPerRequest.postgres].filter((v) => v !== undefined).map((v) => v!.toFixed(2)).join(' + ') : '-');
  console.log('');
  line(header);
  line(widths.map((w) => '-'.repeat(w)));
  const row = (name: string, engine: string, m: Measured, target: string, v: string) => line([
    name, engine, Math.round(m.okPerSecond).toLocaleString('en'), m.latencyMs.p50.toFixed(1), m.latencyMs.p99.toFixed(1), String(m.non2xx), String(m.errors),
    (m.okPerSecond / hello.okPerSecond).toFixed(3), m.rss ? m.rss.peakMb.toFixed(0) : '-', cpu(m), target, v,
  ]);
  row('hello-world', 'none', hello, 'the ceiling of this machine', '-');
  for (const r of rows) row(r.name, r.engine, r.measured, targetText(r.target), verdict(r.target, r.measured));
  console.log(`${pad('server RSS', 12)}  peak ${rss.peakMb.toFixed(0)} MB under load (PostgreSQL scenarios) — target < ${rss.targetMb} MB: ${rss.peakMb < rss.targetMb ? 'met' : 'MISSED'}`);
}

export function writeResults(root: string, record: Record<string, unknown>): string {
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:]/g, '').replace(/\.\d+Z$/, 'Z');
  const file = join(dir, `http-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}
