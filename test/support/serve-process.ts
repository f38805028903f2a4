// A real `motcua` process (bin/motcua.js) for the CLI tests: its output, a wait for a line, its exit.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'motcua.js');

export interface Running {
  pid: number;
  output: () => string;
  waitFor: (pattern: RegExp, ms?: number) => Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
  kill: (signal: NodeJS.Signals) => void;
}

/** Starts `motcua ARGS` with a clean environment (no MOTCUA_* or DATABASE_URL of the test run) plus `env`. */
export function startMotcua(args: string[], env: Record<string, string> = {}): Running {
  const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MOTCUA_') && k !== 'DATABASE_URL'));
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...cleanEnv, MOTCUA_LOG_LEVEL: 'warn', ...env } });
  let text = '';
  child.stdout.on('data', (d) => (text += d));
  child.stderr.on('data', (d) => (text += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    pid: child.pid!,
    output: () => text,
    exited,
    kill: (signal) => child.kill(signal),
    waitFor: async (pattern, ms = 90_000) => {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        const match = text.match(pattern);
        if (match) return match;
        if (child.exitCode !== null || child.signalCode !== null) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`did not print ${pattern}; output:\n${text}`);
    },
  };
}

/** The port a started server prints ("motcua đang chạy tại http://localhost:PORT"). */
export async function servedPort(run: Running, ms?: number): Promise<number> {
  const [, port] = await run.waitFor(/motcua đang chạy tại http:\/\/localhost:(\d+)/, ms);
  return Number(port);
}
