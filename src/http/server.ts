// The HTTP server: API under /api/v1 (schemas → OpenAPI at /api/openapi.json, docs at /api/docs),
// the built web app for every other path, security headers, redacted logs.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import type { ServiceContext } from '../services/context.ts';
import { installErrorHandler } from './error-handler.ts';
import { protectAgainstForgery } from './csrf.ts';
import { validatorCompiler } from './validation.ts';
import { REDACT_PATHS, redactUrl } from './redact.ts';
import { authenticateStaffRoutes } from './staff-auth.ts';
import { healthRoutes } from './routes/health.ts';
import { authRoutes } from './routes/auth.ts';
import { unitRoutes } from './routes/units.ts';
import { adminUserAccountRoutes, adminUserRoutes } from './routes/admin-users.ts';
import { adminAuditRoutes } from './routes/admin-audit.ts';
import { adminPlaceRoutes } from './routes/admin-places.ts';
import { accountRoutes } from './routes/account.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { dossierRoutes } from './routes/dossiers.ts';
import { dossierWorkflowRoutes } from './routes/dossier-workflow.ts';
import { dossierAttachmentRoutes } from './routes/dossier-attachments.ts';
import { documentReuseRoutes } from './routes/document-reuse.ts';
import { dossierFormRoutes } from './routes/dossier-forms.ts';
import { procedureRoutes } from './routes/procedures.ts';
import { portalRoutes } from './routes/portal.ts';
import { statsRoutes } from './routes/stats.ts';
import { statsIndexRoutes } from './routes/stats-index.ts';
import { feedbackRoutes } from './routes/feedback.ts';
import { feedbackAttachmentRoutes } from './routes/feedback-attachments.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { queueRoutes } from './routes/queue.ts';
import { counterRoutes } from './routes/counter.ts';
import { catalogAdminRoutes } from './routes/catalog-admin.ts';
import { workflowAdminRoutes } from './routes/workflow-admin.ts';
import { staffImportRoutes } from './routes/staff-import.ts';
import { restructureRoutes } from './routes/restructure.ts';

export interface ServerOptions {
  /** Directory of the built web app (web/dist); omitted in API-only tests. */
  webDir?: string | undefined;
  logger?: FastifyServerOptions['logger'];
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    serializers: {
      req: (req: { method: string; url: string; ip?: string; id?: string }) => ({ method: req.method, url: redactUrl(req.url), id: req.id }),
    },
  };
}

export async function buildServer(ctx: ServiceContext, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: ctx.settings.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    // Long path segments reach the route's own schema (a 400 in the contract's shape), not a bare 414.
    routerOptions: { maxParamLength: 8192 },
  });
  app.setValidatorCompiler(validatorCompiler);

  const webDir = options.webDir && existsSync(options.webDir) ? options.webDir : undefined;
  installErrorHandler(app, { spaIndex: webDir !== undefined });
  await app.register(cookie);
  protectAgainstForgery(app, ctx.settings.publicUrl);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'motcua API',
        description: 'API của hệ thống một cửa phi địa giới hành chính (public contract v1).',
        version: '1.0.0',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'motcua_session' },
          citizenCookie: { type: 'apiKey', in: 'cookie', name: 'motcua_citizen' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      authenticateStaffRoutes(api, ctx);
      healthRoutes(api, ctx);
      authRoutes(api, ctx);
      unitRoutes(api, ctx);
      adminUserRoutes(api, ctx);
      staffImportRoutes(api, ctx);
      adminUserAccountRoutes(api, ctx);
      adminAuditRoutes(api, ctx);
      adminPlaceRoutes(api, ctx);
      accountRoutes(api, ctx);
      calendarRoutes(api, ctx);
      dossierRoutes(api, ctx);
      dossierWorkflowRoutes(api, ctx);
      dossierAttachmentRoutes(api, ctx);
      documentReuseRoutes(api, ctx);
      dossierFormRoutes(api, ctx);
      procedureRoutes(api, ctx);
      portalRoutes(api, ctx);
      statsRoutes(api, ctx);
      statsIndexRoutes(api, ctx);
      feedbackRoutes(api, ctx);
      feedbackAttachmentRoutes(api, ctx);
      notificationRoutes(api, ctx);
      queueRoutes(api, ctx);
      counterRoutes(api, ctx);
      catalogAdminRoutes(api, ctx);
      workflowAdminRoutes(api, ctx);
      restructureRoutes(api, ctx);
    },
    { prefix: '/api/v1' },
  );

  if (webDir) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // Built assets carry a content hash in their names: cache them for good; always revalidate the page.
      setHeaders: (reply, filePath) => {
        reply.header('cache-control', filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return app;
}
