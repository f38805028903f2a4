// The full server (API + built web app) on a fresh seeded test database, listening on a free port.
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, type EngineKind } from './db.ts';
import { DEMO_PASSWORD, testContext } from './context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import { WEB_DIST } from '../../src/cli/web-build.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';
import type { ServiceContext } from '../../src/services/context.ts';

export interface RunningServer {
  baseUrl: string;
  ctx: ServiceContext;
  app: FastifyInstance;
  stop(): Promise<void>;
}

export async function startWebServer(engine: EngineKind = 'pglite'): Promise<RunningServer> {
  const handle: DatabaseHandle = await openTestDatabase(engine);
  const ctx = { ...testContext(handle), now: () => new Date() };
  await seedDemo(ctx, DEMO_PASSWORD);
  const app = await buildServer(ctx, { webDir: WEB_DIST });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    ctx,
    app,
    stop: async () => {
      await app.close();
      await handle.close();
    },
  };
}
