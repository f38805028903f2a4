import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { computeDueDate } from '../../services/calendar.ts';
import { changeCalendarYear, getCalendarYear, type YearEdit } from '../../services/calendar-admin.ts';
import { getUnitCalendar, setUnitCalendar } from '../../services/unit-calendar-admin.ts';
import { changeProvinceCalendarSettings, type ProvinceCalendarSettings } from '../../services/province-calendar-admin.ts';
import type { UnitCalendarOverride } from '../../domain/calendar/index.ts';
import type { ServiceContext } from '../../services/context.ts';
import { formatInstantVN, parseInstant } from '../../domain/time/instant.ts';
import { durationFromText } from '../../domain/calendar/duration-text.ts';
import { errorResponseSchema } from '../error-handler.ts';
import { originOf, requireStaff } from '../staff-auth.ts';

const DATE = { pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const YearSchema = Type.Object({
  year: Type.Integer(),
  status: Type.String({ enum: ['official', 'provisional'] }),
  nonWorkingWeekdays: Type.Array(Type.String()),
  makeupWorkingSaturdays: Type.Array(Type.String()),
  holidayBreaks: Type.Array(Type.Object({ name: Type.String(), from: Type.String(), to: Type.String() })),
  basis: Type.String(),
  revision: Type.Integer(),
});
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 409: errorResponseSchema };

export function calendarRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/calendar/due-date',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Hạn trả kết quả theo ngày/giờ làm việc, tính từ thời điểm tiếp nhận (cùng kết quả với lệnh motcua due-date)',
        querystring: Type.Object(
          {
            from: Type.String({ description: 'ISO 8601 instant with offset, e.g. 2025-02-03T10:00:00+07:00' }),
            days: Type.Optional(Type.String({ description: 'working days (1 day = 8 working hours)' })),
            hours: Type.Optional(Type.String({ description: 'working hours' })),
            unitCode: Type.Optional(Type.String({ maxLength: 50, description: "use this unit's office hours and closures" })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ dueAt: Type.String(), provisional: Type.Boolean({ description: 'crosses a year whose holidays are not yet confirmed' }) }),
          400: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const query = request.query as { from: string; days?: string; hours?: string; unitCode?: string };
      const from = parseInstant(query.from, 'from');
      const duration = durationFromText(query.days, query.hours);
      const answer = await computeDueDate(ctx, { from, duration, unitCode: query.unitCode });
      return { dueAt: formatInstantVN(answer.dueAt), provisional: answer.provisional };
    },
  );

  app.get(
    '/calendar/years/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Lịch nghỉ lễ, nghỉ bù và ngày làm bù của một năm (chính thức hoặc tạm tính)',
        params: Type.Object({ year: Type.Integer({ minimum: 1900, maximum: 2200 }) }),
        response: { 200: YearSchema, 400: errorResponseSchema },
      },
    },
    async (request) => getCalendarYear(ctx, (request.params as { year: number }).year),
  );

  app.put(
    '/admin/calendar/years/:year',
    {
      schema: {
        tags: ['calendar', 'admin'],
        summary: 'Sửa hoặc xác nhận lịch một năm: confirm=false chỉ xem trước thay đổi; confirm=true lưu và ghi nhật ký',
        security: [{ bearer: [] }, { cookie: [] }],
        params: Type.Object({ year: Type.Integer({ minimum: 1900, maximum: 2200 }) }),
        body: Type.Object(
          {
            status: Type.String({ enum: ['official', 'provisional'] }),
            nonWorkingWeekdays: Type.Array(Type.String(DATE), { maxItems: 60 }),
            makeupWorkingSaturdays: Type.Array(Type.String(DATE), { maxItems: 20 }),
            holidayBreaks: Type.Optional(
              Type.Array(Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), from: Type.String(DATE), to: Type.String(DATE) }, { additionalProperties: false }), { maxItems: 30 }),
            ),
            basis: Type.Optional(Type.String({ maxLength: 2000 })),
            reason: Type.String({ maxLength: 1000 }),
            confirm: Type.Boolean(),
            idempotencyKey: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            daysOffAdded: Type.Array(Type.String()),
            daysOffRemoved: Type.Array(Type.String()),
            makeupDaysAdded: Type.Array(Type.String()),
            makeupDaysRemoved: Type.Array(Type.String()),
            statusBefore: Type.String(),
            statusAfter: Type.String(),
            applied: Type.Boolean(),
            revision: Type.Integer(),
            affectedDossiers: Type.Array(Type.Object({ code: Type.String(), dueBefore: Type.String(), dueAfter: Type.String() })),
            affectedCount: Type.Integer(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, ['admin']);
      const { reason, confirm, idempotencyKey, ...edit } = request.body as YearEdit & { reason: string; confirm: boolean; idempotencyKey?: string };
      return changeCalendarYear(ctx, actor, (request.params as { year: number }).year, edit, { confirm, reason, idempotencyKey }, originOf(request));
    },
  );

  const Period = Type.Object({ start: Type.String({ pattern: '^\\d{2}:\\d{2}$' }), end: Type.String({ pattern: '^\\d{2}:\\d{2}$' }) }, { additionalProperties: false });
  const UnitCalendarSchema = Type.Object({
    unitCode: Type.String(),
    override: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
    effective: Type.Object({
      workingPeriods: Type.Array(Type.Object({ start: Type.String(), end: Type.String() })),
      saturdayReception: Type.Object({ enabled: Type.Boolean(), periods: Type.Array(Type.Object({ start: Type.String(), end: Type.String() })), countSaturdayReception: Type.Boolean() }),
      forwardingCutoff: Type.String(),
      extraDaysOff: Type.Array(Type.String()),
    }),
  });

  app.get(
    '/calendar/units/:unitCode',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Giờ làm việc, tiếp nhận sáng thứ Bảy và ngày nghỉ riêng của một đơn vị',
        params: Type.Object({ unitCode: Type.String({ maxLength: 50 }) }),
        response: { 200: UnitCalendarSchema, 404: errorResponseSchema },
      },
    },
    async (request) => getUnitCalendar(ctx, (request.params as { unitCode: string }).unitCode),
  );

  app.put(
    '/admin/calendar/units/:unitCode',
    {
      schema: {
        tags: ['calendar', 'admin'],
        summary: 'Đặt giờ làm việc riêng của đơn vị (ngày nghỉ lễ quốc gia luôn áp dụng)',
        security: [{ bearer: [] }, { cookie: [] }],
        params: Type.Object({ unitCode: Type.String({ maxLength: 50 }) }),
        body: Type.Object(
          {
            workingPeriods: Type.Optional(Type.Array(Period, { minItems: 1, maxItems: 6 })),
            saturdayReception: Type.Optional(
              Type.Object({ enabled: Type.Boolean(), periods: Type.Optional(Type.Array(Period, { maxItems: 3 })), countSaturdayReception: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
            ),
            forwardingCutoff: Type.Optional(Type.String({ pattern: '^\\d{2}:\\d{2}$' })),
            extraDaysOff: Type.Optional(Type.Array(Type.String(DATE), { maxItems: 100 })),
            reason: Type.String({ maxLength: 1000 }),
            confirm: Type.Boolean({ description: 'false: preview which open dossiers would change due date; true: save' }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Intersect([UnitCalendarSchema, Type.Object({
            applied: Type.Boolean(),
            affectedDossiers: Type.Array(Type.Object({ code: Type.String(), dueBefore: Type.String(), dueAfter: Type.String() })),
            affectedCount: Type.Integer(),
          })]),
          ...errors,
          404: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, ['admin']);
      const { reason, confirm, ...override } = request.body as UnitCalendarOverride & { reason: string; confirm: boolean };
      return setUnitCalendar(ctx, actor, (request.params as { unitCode: string }).unitCode, override, { reason, confirm }, originOf(request));
    },
  );

  app.put(
    '/admin/calendar/settings',
    {
      schema: {
        tags: ['calendar', 'admin'],
        summary: 'Giờ làm việc chung của tỉnh (các khoảng giờ, tiếp nhận sáng thứ Bảy, giờ chốt chuyển hồ sơ): confirm=false xem trước hồ sơ bị đổi hạn',
        security: [{ bearer: [] }, { cookie: [] }],
        body: Type.Object(
          {
            workingPeriods: Type.Optional(Type.Array(Period, { minItems: 1, maxItems: 6 })),
            saturdayReception: Type.Optional(
              Type.Object({ enabled: Type.Boolean(), periods: Type.Array(Period, { maxItems: 3 }), countSaturdayReception: Type.Boolean() }, { additionalProperties: false }),
            ),
            forwardingCutoff: Type.Optional(Type.String({ pattern: '^\\d{2}:\\d{2}$' })),
            reason: Type.String({ maxLength: 1000 }),
            confirm: Type.Boolean(),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            settings: Type.Object({}, { additionalProperties: true }),
            applied: Type.Boolean(),
            affectedDossiers: Type.Array(Type.Object({ code: Type.String(), dueBefore: Type.String(), dueAfter: Type.String() })),
            affectedCount: Type.Integer(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, ['admin']);
      const { reason, confirm, ...settings } = request.body as ProvinceCalendarSettings & { reason: string; confirm: boolean };
      return changeProvinceCalendarSettings(ctx, actor, settings, { reason, confirm }, originOf(request));
    },
  );
}
