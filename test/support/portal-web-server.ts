// The full server with the citizen portal's demo services: the local OpenID Connect provider (its
// callback registered at this server's address) and the demo payment gateway.
import { startWebServer, type RunningServer, type WebServerOptions } from './web-server.ts';
import { startDemoPortal } from '../../src/services/portal/demo-portal.ts';

export async function startPortalWebServer(options: WebServerOptions = {}): Promise<RunningServer & { issuer: string }> {
  const server = await startWebServer('pglite', options);
  const portal = await startDemoPortal(server.ctx.settings, server.baseUrl, { port: 0 });
  server.ctx.settings = portal.settings;
  return {
    ...server,
    issuer: portal.issuer!,
    stop: async () => {
      await server.stop();
      await portal.close();
    },
  };
}
