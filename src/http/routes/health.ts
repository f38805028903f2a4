import type { FastifyInstance } from 'fastify';
import { pingDatabase } from '../../store/database.ts';
import type { ServiceContext } from '../../services/context.ts';
import { sendError } from '../error-handler.ts';

export function healthRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Tình trạng hệ thống: "ok" khi cơ sở dữ liệu trả lời',
        response: { 200: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } } } },
      },
    },
    async (_request, reply) => {
      if (await pingDatabase(ctx.db)) return { status: 'ok' };
      return sendError(reply, 503, 'DATABASE_UNAVAILABLE', 'Cơ sở dữ liệu không phản hồi.');
    },
  );
}
