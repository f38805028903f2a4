// A throwaway pgbouncer in transaction-pooling mode in front of the test PostgreSQL server, for the
// deployment test: the production topology of docs/deployment.md (app → pgbouncer → PostgreSQL).
// As root it runs as the `postgres` user (pgbouncer refuses root), like scripts/pg-cluster.sh.
import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PGBOUNCER = '/usr/sbin/pgbouncer';

export interface Pgbouncer {
  url: string;
  poolSize: number;
  stop(): Promise<void>;
}

const freePort = () => new Promise<number>((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    server.close(() => resolve(port));
  });
});

const accepts = (port: number) => new Promise<boolean>((resolve) => {
  const socket = connect(port, '127.0.0.1', () => { socket.end(); resolve(true); });
  socket.on('error', () => resolve(false));
});

/** Starts pgbouncer for one database of `serverUrl` (a trust-auth test server). */
export async function startPgbouncer(serverUrl: string, database: string, poolSize = 3): Promise<Pgbouncer> {
  const server = new URL(serverUrl);
  const dir = mkdtempSync(join(tmpdir(), 'motcua-pgbouncer-'));
  const port = await freePort();
  writeFileSync(join(dir, 'pgbouncer.ini'), [
    '[databases]',
    `${database} = host=${server.hostname} port=${server.port} dbname=${database} user=${server.username}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    'unix_socket_dir =',
    'auth_type = any',
    'pool_mode = transaction',
    `default_pool_size = ${poolSize}`,
    'max_client_conn = 500',
    // node-postgres sends the session time zone as `options`; pgbouncer must let it through unread.
    'ignore_startup_parameters = extra_float_digits,options',
    `logfile = ${join(dir, 'pgbouncer.log')}`,
    `pidfile = ${join(dir, 'pgbouncer.pid')}`,
    '',
  ].join('\n'));
  const root = process.getuid?.() === 0;
  if (root) chownSync(dir, ...ownerIds());
  const child: ChildProcess = root
    ? spawn('runuser', ['-u', 'postgres', '--', PGBOUNCER, join(dir, 'pgbouncer.ini')], { stdio: 'ignore' })
    : spawn(PGBOUNCER, [join(dir, 'pgbouncer.ini')], { stdio: 'ignore' });
  const deadline = Date.now() + 15_000;
  while (!(await accepts(port))) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`pgbouncer did not start (exit ${child.exitCode})`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `postgres://${server.username}@127.0.0.1:${port}/${database}`,
    poolSize,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // Signal pgbouncer itself (runuser may not pass signals on); SIGTERM = immediate shutdown.
      const pidFile = join(dir, 'pgbouncer.pid');
      if (existsSync(pidFile)) process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 'SIGTERM');
      else child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function ownerIds(): [number, number] {
  // The `postgres` user's ids, read from /etc/passwd (no extra dependency).
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l: string) => l.startsWith('postgres:'));
  if (!line) throw new Error('no postgres user to run pgbouncer as');
  const [, , uid, gid] = line.split(':');
  return [Number(uid), Number(gid)];
}
