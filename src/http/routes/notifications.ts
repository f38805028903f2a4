import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { dossierNotifications, myNotifications, receiveSmsReceipt } from '../../services/notification-views.ts';
import type { ServiceContext } from '../../services/context.ts';
import { errorResponseSchema } from '../error-handler.ts';
import { originOf, requireStaff } from '../staff-auth.ts';

const staffSecurity: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const Nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()]);

export function notificationRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/dossiers/:code/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Các thông báo (e-mail, SMS, trong ứng dụng) về một hồ sơ và tình trạng gửi: queued, sent, delivered, failed',
        security: staffSecurity,
        params: Type.Object({ code: Type.String({ maxLength: 60 }) }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({
              id: Type.Integer(), channel: Type.String(), recipient: Type.String(), template: Type.String(), label: Type.String(),
              status: Type.String(), attempts: Type.Integer(), lastError: Nullable(Type.String()), createdAt: Type.String(),
              sentAt: Nullable(Type.String()), deliveredAt: Nullable(Type.String()),
            })),
          }),
          401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request);
      return dossierNotifications(ctx, actor, (request.params as { code: string }).code, originOf(request));
    },
  );

  app.get(
    '/notifications/mine',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Thông báo trong ứng dụng gửi cho tôi (cảnh báo sắp đến hạn, nhắc lập phiếu xin lỗi, hồ sơ quá hạn), mới nhất trước',
        security: staffSecurity,
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({
              id: Type.Integer(), template: Type.String(), label: Type.String(), title: Type.String(),
              dossierCode: Nullable(Type.String()), createdAt: Type.String(),
            })),
          }),
          401: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request);
      return myNotifications(ctx, actor, (request.query as { limit: number }).limit);
    },
  );

  app.post(
    '/notifications/sms-receipts',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Báo nhận của nhà cung cấp SMS (header X-Motcua-Secret = MOTCUA_SMS_CALLBACK_SECRET)',
        headers: Type.Object({ 'x-motcua-secret': Type.Optional(Type.String({ maxLength: 500 })) }),
        body: Type.Object({
          providerRef: Type.String({ minLength: 1, maxLength: 200 }),
          status: Type.String({ enum: ['delivered', 'failed'] }),
          error: Type.Optional(Type.String({ maxLength: 1000 })),
        }, { additionalProperties: false }),
        response: {
          200: Type.Object({ providerRef: Type.String(), status: Type.String() }),
          400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const body = request.body as { providerRef: string; status: 'delivered' | 'failed'; error?: string };
      return receiveSmsReceipt(ctx, (request.headers as Record<string, string | undefined>)['x-motcua-secret'], body);
    },
  );
}
