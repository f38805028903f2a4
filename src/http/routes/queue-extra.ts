// Queue routes beyond the counter: appointments (slots, booking, check-in, cancel), "where to go now"
// and the statistics managers and dashboards read.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ServiceContext } from '../../services/context.ts';
import { bookAppointment, cancelAppointment, checkIn, listSlots, type BookingRequest } from '../../services/queue-appointments.ts';
import { whereToGo } from '../../services/queue-where.ts';
import { queueStatistics } from '../../services/queue-stats.ts';
import { errorResponseSchema } from '../error-handler.ts';
import { requireStaff } from '../staff-auth.ts';

const staffSecurity: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const UnitParams = Type.Object({ unitCode: Type.String({ maxLength: 50 }) });
const CodeParams = Type.Object({ unitCode: Type.String({ maxLength: 50 }), code: Type.String({ maxLength: 20 }) });
const PhoneBody = Type.Object({ phone: Type.String({ minLength: 1, maxLength: 20 }) }, { additionalProperties: false });

export function queueExtraRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/queue/:unitCode/appointment-slots', {
    schema: {
      tags: ['queue'], summary: 'Khung giờ hẹn của một ngày theo lịch làm việc của đơn vị (không có khung giờ vào ngày nghỉ, lễ), với số chỗ còn trống',
      params: UnitParams,
      querystring: Type.Object({ serviceGroup: Type.String({ maxLength: 20 }), date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) }, { additionalProperties: false }),
      response: errors,
    },
  }, async (request) => {
    const q = request.query as { serviceGroup: string; date: string };
    return listSlots(ctx, (request.params as { unitCode: string }).unitCode, q.serviceGroup, q.date);
  });

  app.post('/queue/:unitCode/appointments', {
    schema: {
      tags: ['queue'], summary: 'Đặt lịch hẹn vào một khung giờ còn chỗ', params: UnitParams,
      body: Type.Object({
        serviceGroup: Type.String({ minLength: 1, maxLength: 20 }), slotStart: Type.String({ maxLength: 40 }),
        fullName: Type.String({ minLength: 1, maxLength: 200 }), phone: Type.String({ minLength: 1, maxLength: 20 }),
        idempotencyKey: Type.Optional(Type.String({ maxLength: 200 })),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ code: Type.String(), unitCode: Type.String(), unitName: Type.String(), serviceGroup: Type.String(), slotStart: Type.String(),
        slotEnd: Type.String(), status: Type.String() }), ...errors },
    },
  }, async (request, reply) => reply.status(201).send(await bookAppointment(ctx, (request.params as { unitCode: string }).unitCode, request.body as BookingRequest)));

  app.post('/queue/:unitCode/appointments/:code/check-in', {
    schema: { tags: ['queue'], summary: 'Xác nhận đến theo lịch hẹn: cấp số thứ tự xếp theo giờ hẹn', params: CodeParams, body: PhoneBody, response: errors },
  }, async (request) => {
    const { unitCode, code } = request.params as { unitCode: string; code: string };
    return checkIn(ctx, unitCode, code, (request.body as { phone: string }).phone);
  });

  app.post('/queue/:unitCode/appointments/:code/cancel', {
    schema: { tags: ['queue'], summary: 'Hủy lịch hẹn', params: CodeParams, body: PhoneBody, response: errors },
  }, async (request) => {
    const { unitCode, code } = request.params as { unitCode: string; code: string };
    return cancelAppointment(ctx, unitCode, code, (request.body as { phone: string }).phone);
  });

  app.get('/queue/where', {
    schema: {
      tags: ['queue'], summary: 'Đi đâu lúc này: các nơi tiếp nhận đang mở phục vụ một nhóm dịch vụ, xếp theo thời gian đi lại + thời gian chờ ước tính',
      querystring: Type.Object({
        serviceGroup: Type.String({ maxLength: 20 }), communeCode: Type.String({ maxLength: 10 }),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 10 })),
      }, { additionalProperties: false }),
      response: errors,
    },
  }, async (request) => whereToGo(ctx, request.query as { serviceGroup: string; communeCode: string; limit?: number }));

  app.get('/queue/stats', {
    schema: {
      tags: ['queue'], summary: 'Thống kê hàng đợi: thời gian chờ (lấy số → gọi), thời gian phục vụ (gọi → xong), vắng mặt, số lượt mỗi giờ làm việc — theo đơn vị, nhóm, quầy, cán bộ hoặc giờ',
      security: staffSecurity,
      querystring: Type.Object({
        from: Type.String({ maxLength: 40 }), to: Type.String({ maxLength: 40 }), unitCode: Type.Optional(Type.String({ maxLength: 50 })),
        by: Type.Optional(Type.String({ enum: ['unit', 'group', 'counter', 'officer', 'hour'] })), serviceGroup: Type.Optional(Type.String({ maxLength: 20 })),
      }, { additionalProperties: false }),
      response: errors,
    },
  }, async (request) => queueStatistics(ctx, await requireStaff(ctx, request), request.query as { from: string; to: string }));
}
