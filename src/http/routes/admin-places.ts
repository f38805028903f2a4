// Administration of places: units (profile, office hours) and each reception unit's queue settings.
// Every route needs an administrator; the services narrow to the administrator's unit subtree.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ServiceContext } from '../../services/context.ts';
import { listAdminUnits, updateUnit, type UnitPatch } from '../../services/unit-admin.ts';
import {
  createCounter, createServiceGroup, getQueueSettings, setPriorityPolicy, updateCounter, updateServiceGroup, type CounterInput, type GroupInput,
} from '../../services/queue-admin.ts';
import { originOf, requireStaff } from '../staff-auth.ts';
import { errorResponseSchema } from '../error-handler.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const security: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Period = Type.Object({ start: Type.String({ maxLength: 5 }), end: Type.String({ maxLength: 5 }) }, { additionalProperties: false });
const OfficeHours = Type.Object({
  workingPeriods: Type.Array(Period, { maxItems: 6 }),
  saturdayReception: Type.Object({ enabled: Type.Boolean(), periods: Type.Array(Period, { maxItems: 6 }) }, { additionalProperties: false }),
}, { additionalProperties: false });
const Screen = Type.Object({ code: Type.String({ maxLength: 40 }), name: Type.String({ maxLength: 300 }) }, { additionalProperties: false });

const AdminUnitSchema = Type.Object({
  code: Type.String(), type: Type.String(), parentCode: Type.Union([Type.String(), Type.Null()]), areaCode: Type.Union([Type.String(), Type.Null()]),
  agencyLevel: Type.Union([Type.String(), Type.Null()]), name: Type.String(), shortName: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]), phone: Type.Union([Type.String(), Type.Null()]), email: Type.Union([Type.String(), Type.Null()]),
  latitude: Type.Union([Type.Number(), Type.Null()]), longitude: Type.Union([Type.Number(), Type.Null()]),
  agencyIdentifier: Type.Union([Type.String(), Type.Null()]), effectiveAgencyIdentifier: Type.Union([Type.String(), Type.Null()]),
  displayScreens: Type.Array(Screen), officeHours: OfficeHours, ownOfficeHours: Type.Boolean(),
});

const GroupSchema = Type.Object({ code: Type.String(), name: Type.String(), prefix: Type.String(), sortOrder: Type.Integer(), slotMinutes: Type.Integer(),
  slotCapacity: Type.Integer(), active: Type.Boolean() });
const CounterSchema = Type.Object({ code: Type.String(), name: Type.String(), serviceGroups: Type.Array(Type.String()), active: Type.Boolean(),
  officerUsername: Type.Union([Type.String(), Type.Null()]) });
const SettingsSchema = Type.Object({
  unitCode: Type.String(), unitName: Type.String(), serviceGroups: Type.Array(GroupSchema), counters: Type.Array(CounterSchema),
  priority: Type.Object({ headStartMinutes: Type.Record(Type.String(), Type.Integer()), maxConsecutivePriority: Type.Integer(), custom: Type.Boolean(),
    labels: Type.Record(Type.String(), Type.String()) }),
});
const GroupBody = {
  name: Type.Optional(Type.String({ maxLength: 300 })), prefix: Type.Optional(Type.String({ maxLength: 5 })), sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  slotMinutes: Type.Optional(Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 })), slotCapacity: Type.Optional(Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 })),
};
const CounterBody = { name: Type.Optional(Type.String({ maxLength: 300 })), serviceGroups: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 50 })) };
const UnitParams = Type.Object({ unitCode: Type.String({ maxLength: 50 }) });

export function adminPlaceRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/admin/units', {
    schema: { tags: ['admin'], summary: 'Các đơn vị đang hoạt động trong phạm vi quản trị viên, kèm thông tin liên hệ, vị trí, giờ làm việc, mã định danh',
      security, response: { 200: Type.Object({ items: Type.Array(AdminUnitSchema) }), ...errors } },
  }, async (request) => {
    const actor = await requireStaff(ctx, request, ['admin']);
    return { items: await listAdminUnits(ctx, actor) };
  });

  app.patch('/admin/units/:code', {
    schema: {
      tags: ['admin'],
      summary: 'Sửa tên, địa chỉ, liên hệ, vị trí bản đồ, giờ làm việc, mã định danh QCVN 102, màn hình hiển thị của một đơn vị (tạo/đóng đơn vị: qua phương án sắp xếp)',
      security, params: Type.Object({ code: Type.String({ maxLength: 50 }) }),
      body: Type.Object({
        name: Type.Optional(Type.String({ maxLength: 400 })), shortName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
        address: Type.Optional(Nullable(Type.String({ maxLength: 600 }))), phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
        email: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
        latitude: Type.Optional(Type.Union([Type.Number(), Type.Null()])), longitude: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
        agencyIdentifier: Type.Optional(Nullable(Type.String({ maxLength: 40 }))), displayScreens: Type.Optional(Type.Array(Screen, { maxItems: 100 })),
        officeHours: Type.Optional(OfficeHours),
      }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: AdminUnitSchema, ...errors },
    },
  }, async (request) => {
    const actor = await requireStaff(ctx, request, ['admin']);
    return updateUnit(ctx, actor, (request.params as { code: string }).code, request.body as UnitPatch, originOf(request));
  });

  app.get('/admin/queues/:unitCode', {
    schema: { tags: ['admin'], summary: 'Cấu hình hàng đợi của một đơn vị tiếp nhận: nhóm dịch vụ, quầy, trọng số ưu tiên', security, params: UnitParams,
      response: { 200: SettingsSchema, ...errors } },
  }, async (request) => {
    const actor = await requireStaff(ctx, request, ['admin']);
    return getQueueSettings(ctx, actor, (request.params as { unitCode: string }).unitCode);
  });

  app.post('/admin/queues/:unitCode/service-groups', {
    schema: { tags: ['admin'], summary: 'Thêm nhóm dịch vụ (mã, tên, tiền tố số thứ tự duy nhất trong đơn vị, khung giờ hẹn)', security, params: UnitParams,
      body: Type.Object({ code: Type.String({ maxLength: 20 }), ...GroupBody }, { additionalProperties: false }), response: { 201: SettingsSchema, ...errors } },
  }, async (request, reply) => {
    const actor = await requireStaff(ctx, request, ['admin']);
    const settings = await createServiceGroup(ctx, actor, (request.params as { unitCode: string }).unitCode, request.body as GroupInput, originOf(request));
    return reply.status(201).send(settings);
  });

  app.patch('/admin/queues/:unitCode/service-groups/:code', {
    schema: { tags: ['admin'], summary: 'Sửa hoặc ngừng (active=false) một nhóm dịch vụ', security,
      params: Type.Object({ unitCode: Type.String({ maxLength: 50 }), code: Type.String({ maxLength: 20 }) }),
      body: Type.Object({ ...GroupBody, active: Type.Optional(Type.Boolean()) }, { additionalProperties: false, minProperties: 1 }), response: { 200: SettingsSchema, ...errors } },
  }, async (request) => {
    const actor = await requireStaff(ctx, request, ['admin']);
    const { unitCode, code } = request.params as { unitCode: string; code: string };
    return updateServiceGroup(ctx, actor, unitCode, code, request.body as GroupInput, originOf(request));
  });

  app.post('/admin/queues/:unitCode/counters', {
    schema: { tags: ['admin'], summary: 'Mở một quầy mới và các nhóm dịch vụ quầy phục vụ', security, params: UnitParams,
      body: Type.Object({ code: Type.String({ maxLength: 20 }), ...CounterBody }, { additionalProperties: false }), response: { 201: SettingsSchema, ...errors } },
  }, async (request, reply) => {
    const actor = await requireStaff(ctx, request, ['admin']);
    const settings = await createCounter(ctx, actor, (request.params as { unitCode: string }).unitCode, request.body as CounterInput, originOf(request));
    return reply.status(201).send(settings);
  });

  app.patch('/admin/queues/:unitCode/counters/:code', {
    schema: { tags: ['admin'], summary: 'Sửa, đóng (active=false) hoặc mở lại một quầy', security,
      params: Type.Object({ unitCode: Type.String({ maxLength: 50 }), code: Type.String({ maxLength: 20 }) }),
      body: Type.Object({ ...CounterBody, active: Type.Optional(Type.Boolean()) }, { additionalProperties: false, minProperties: 1 }), response: { 200: SettingsSchema, ...errors } },
  }, async (request) => {
    const actor = await requireStaff(ctx, request, ['admin']);
    const { unitCode, code } = request.params as { unitCode: string; code: string };
    return updateCounter(ctx, actor, unitCode, code, request.body as CounterInput, originOf(request));
  });

  app.put('/admin/queues/:unitCode/priority-policy', {
    schema: { tags: ['admin'], summary: 'Trọng số ưu tiên của đơn vị: số phút ưu tiên theo đối tượng, số lượt ưu tiên liên tiếp tối đa', security, params: UnitParams,
      body: Type.Object({ headStartMinutes: Type.Record(Type.String({ maxLength: 30 }), Type.Integer({ minimum: -100_000, maximum: 100_000 })),
        maxConsecutivePriority: Type.Integer({ minimum: -1000, maximum: 1000 }) }, { additionalProperties: false }), response: { 200: SettingsSchema, ...errors } },
  }, async (request) => {
    const actor = await requireStaff(ctx, request, ['admin']);
    return setPriorityPolicy(ctx, actor, (request.params as { unitCode: string }).unitCode,
      request.body as { headStartMinutes: Record<string, number>; maxConsecutivePriority: number }, originOf(request));
  });
}
