// The full server (API + built web app) on a fresh seeded test database, listening on a free port.
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, type EngineKind } from './db.ts';
import { DEMO_PASSWORD, testContext } from './context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import { WEB_DIST } from '../../src/cli/web-build.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import type { Settings } from '../../src/config/settings.ts';
import { createJobs, type JobOptions } from '../../src/jobs/index.ts';

export interface WebServerOptions {
  settings?: Partial<Settings>;
  /** Run the background jobs (timers, outbox, delivery) as `motcua serve` does, on the settings' intervals. */
  jobs?: JobOptions;
}

export interface RunningServer {
  baseUrl: string;
  ctx: ServiceContext;
  app: FastifyInstance;
  stop(): Promise<void>;
}

export async function startWebServer(engine: EngineKind = 'pglite', options: WebServerOptions = {}): Promise<RunningServer> {
  const handle: DatabaseHandle = await openTestDatabase(engine);
  const ctx = { ...testContext(handle, undefined, options.settings), now: () => new Date() };
  await seedDemo(ctx, DEMO_PASSWORD);
  const app = await buildServer(ctx, { webDir: WEB_DIST });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const jobs = options.jobs ? createJobs(ctx, options.jobs) : undefined;
  jobs?.runner.start();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    ctx,
    app,
    stop: async () => {
      await Promise.all([app.close(), jobs?.stop()]);
      await handle.close();
    },
  };
}
