// Queue routes: the contract's four (services, counters, tickets, call-next) plus the counter console's
// ticket actions, the display's snapshot and live feed (server-sent events), the unit's load and a
// ticket's public status (the QR code on the printed ticket).
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ServiceContext } from '../../services/context.ts';
import { takeTicket, publicTicketStatus, type TicketRequest } from '../../services/queue-tickets.ts';
import { actOnTicket, callNext, signInAtCounter, signOutOfCounter, type TicketActionBody } from '../../services/queue-counter.ts';
import { counterState, displaySnapshot, unitCounters, unitLoad, unitServices } from '../../services/queue-read.ts';
import { receptionUnit } from '../../services/queue-units.ts';
import { queueBus } from '../../services/queue-live.ts';
import { queueExtraRoutes } from './queue-extra.ts';
import { errorResponseSchema } from '../error-handler.ts';
import { originOf, requireStaff } from '../staff-auth.ts';

/** Counters are worked by reception officers and their unit's manager. */
const COUNTER_ROLES = ['reception', 'manager'] as const;

const staffSecurity: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 429: errorResponseSchema };
const UnitParams = Type.Object({ unitCode: Type.String({ maxLength: 50 }) });
const CounterParams = Type.Object({ unitCode: Type.String({ maxLength: 50 }), counter: Type.String({ maxLength: 20 }) });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const CalledTicketSchema = Type.Object({
  id: Type.String(), number: Type.String(), serviceGroup: Type.String(), priority: Type.String(), status: Type.String(),
  counterCode: Nullable(Type.String()), issuedAt: Type.String(), calledAt: Nullable(Type.String()), callCount: Type.Integer(),
  waitedSeconds: Nullable(Type.Integer()),
});

const HEARTBEAT_MS = 20_000;

export function queueRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  queueExtraRoutes(app, ctx);
  app.get('/queue/:unitCode/services', {
    schema: {
      tags: ['queue'], summary: 'Các nhóm dịch vụ của đơn vị (để lấy số thứ tự)', params: UnitParams,
      response: { 200: Type.Object({ unitCode: Type.String(), unitName: Type.String(), items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), prefix: Type.String() })) }), ...errors },
    },
  }, async (request) => unitServices(ctx, (request.params as { unitCode: string }).unitCode));

  app.get('/queue/:unitCode/counters', {
    schema: {
      tags: ['queue'], summary: 'Các quầy của đơn vị, nhóm dịch vụ mỗi quầy phục vụ và cán bộ đang làm việc', security: staffSecurity, params: UnitParams,
      response: { 200: Type.Object({ unitCode: Type.String(), unitName: Type.String(), items: Type.Array(Type.Object({
        code: Type.String(), name: Type.String(), serviceGroups: Type.Array(Type.String()), officer: Nullable(Type.String()), signedInAt: Nullable(Type.String()),
      })) }), ...errors },
    },
  }, async (request) => unitCounters(ctx, await requireStaff(ctx, request), (request.params as { unitCode: string }).unitCode));

  app.post('/queue/:unitCode/tickets', {
    schema: {
      tags: ['queue'], summary: 'Lấy số thứ tự (máy lấy số): từ chối khi đơn vị ngoài giờ làm việc, nhóm dịch vụ không có, hoặc máy lấy số quá nhiều số trong một phút',
      params: UnitParams,
      headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 200 })) }),
      body: Type.Object({
        serviceGroup: Type.String({ minLength: 1, maxLength: 20 }),
        priority: Type.Optional(Type.String({ maxLength: 30, description: 'normal, elderly, disability, pregnant, small_children, veteran' })),
        idempotencyKey: Type.Optional(Type.String({ maxLength: 200, description: 'Cùng khóa ⇒ cùng một số (bấm đúp không ra hai số)' })),
      }, { additionalProperties: false }),
      response: {
        201: Type.Object({
          id: Type.String(), number: Type.String(), serviceGroup: Type.String(), serviceGroupName: Type.String(), unitCode: Type.String(), unitName: Type.String(),
          priority: Type.String(), priorityLabel: Type.String(), issuedAt: Type.String(), waitingAhead: Type.Integer(), estimatedWaitMinutes: Nullable(Type.Integer()),
          statusPath: Type.String(),
        }),
        ...errors,
      },
    },
  }, async (request, reply) => {
    const body = request.body as TicketRequest;
    const key = body.idempotencyKey ?? (request.headers['idempotency-key'] as string | undefined);
    const answer = await takeTicket(ctx, (request.params as { unitCode: string }).unitCode, { ...body, idempotencyKey: key }, originOf(request));
    return reply.status(201).send(answer);
  });

  app.post('/queue/:unitCode/counters/:counter/call-next', {
    schema: {
      tags: ['queue'], summary: 'Gọi số tiếp theo cho quầy (kết thúc số quầy đang giữ); hai quầy gọi cùng lúc không bao giờ nhận cùng một số', security: staffSecurity,
      params: CounterParams,
      response: { 200: Type.Object({ ticket: Nullable(Type.Intersect([CalledTicketSchema, Type.Object({ counterName: Type.String() })])),
        finished: Type.Array(Type.Object({ id: Type.String(), number: Type.String() })) }), ...errors },
    },
  }, async (request) => {
    const actor = await requireStaff(ctx, request, COUNTER_ROLES);
    const { unitCode, counter } = request.params as { unitCode: string; counter: string };
    return callNext(ctx, actor, unitCode, counter, originOf(request));
  });

  app.get('/queue/:unitCode/counters/:counter', {
    schema: { tags: ['queue'], summary: 'Trạng thái quầy cho màn hình cán bộ: số đang phục vụ, số tạm gác, số người chờ', security: staffSecurity, params: CounterParams },
  }, async (request) => {
    const actor = await requireStaff(ctx, request, COUNTER_ROLES);
    const { unitCode, counter } = request.params as { unitCode: string; counter: string };
    return counterState(ctx, actor, unitCode, counter);
  });

  app.post('/queue/:unitCode/counters/:counter/sign-in', {
    schema: { tags: ['queue'], summary: 'Cán bộ đăng nhập làm việc tại quầy', security: staffSecurity, params: CounterParams, response: errors },
  }, async (request) => {
    const { unitCode, counter } = request.params as { unitCode: string; counter: string };
    return signInAtCounter(ctx, await requireStaff(ctx, request, COUNTER_ROLES), unitCode, counter, originOf(request));
  });

  app.post('/queue/:unitCode/counters/:counter/sign-out', {
    schema: { tags: ['queue'], summary: 'Cán bộ rời quầy', security: staffSecurity, params: CounterParams, response: errors },
  }, async (request) => {
    const { unitCode, counter } = request.params as { unitCode: string; counter: string };
    return signOutOfCounter(ctx, await requireStaff(ctx, request, COUNTER_ROLES), unitCode, counter, originOf(request));
  });

  app.post('/queue/:unitCode/tickets/:id/actions', {
    schema: {
      tags: ['queue'], summary: 'Thao tác trên số thứ tự tại quầy: recall, start, no_show, transfer, park, resume, finish', security: staffSecurity,
      params: Type.Object({ unitCode: Type.String({ maxLength: 50 }), id: Type.String({ maxLength: 40 }) }),
      body: Type.Object({
        type: Type.String({ enum: ['recall', 'start', 'no_show', 'transfer', 'park', 'resume', 'finish'] }),
        counter: Type.String({ minLength: 1, maxLength: 20 }),
        serviceGroup: Type.Optional(Type.String({ maxLength: 20 })),
        targetCounter: Type.Optional(Type.String({ maxLength: 20 })),
        dossierCode: Type.Optional(Type.String({ maxLength: 60 })),
        note: Type.Optional(Type.String({ maxLength: 500 })),
        idempotencyKey: Type.Optional(Type.String({ maxLength: 200 })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ ticket: CalledTicketSchema, intakePath: Type.Optional(Type.String()) }), ...errors },
    },
  }, async (request) => {
    const actor = await requireStaff(ctx, request, COUNTER_ROLES);
    const { unitCode, id } = request.params as { unitCode: string; id: string };
    return actOnTicket(ctx, actor, unitCode, id, request.body as TicketActionBody, originOf(request));
  });

  app.get('/queue/:unitCode/display', {
    schema: { tags: ['queue'], summary: 'Màn hình hiển thị: các số vừa gọi và quầy, số người chờ mỗi nhóm (công khai, không có thông tin cá nhân)', params: UnitParams },
  }, async (request) => displaySnapshot(ctx, (request.params as { unitCode: string }).unitCode));

  app.get('/queue/:unitCode/load', {
    schema: { tags: ['queue'], summary: 'Số người chờ và thời gian chờ ước tính theo nhóm dịch vụ', params: UnitParams },
  }, async (request) => unitLoad(ctx, (request.params as { unitCode: string }).unitCode));

  app.get('/public/queue/tickets/:id', {
    schema: { tags: ['public'], summary: 'Tình trạng một số thứ tự (mã QR trên phiếu): số người phía trước, quầy được mời đến', params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
      response: { 404: errorResponseSchema } },
  }, async (request) => publicTicketStatus(ctx, (request.params as { id: string }).id));

  app.get('/queue/:unitCode/events', {
    // An event stream never ends, which OpenAPI 3.0 cannot describe: documented in README and decision 0007.
    schema: { hide: true, tags: ['queue'], summary: 'Luồng sự kiện trực tiếp (server-sent events) của hàng đợi: phát số, gọi số, chuyển, kết thúc', params: UnitParams },
  }, async (request, reply) => {
    const unit = await receptionUnit(ctx.db, (request.params as { unitCode: string }).unitCode, ctx.now().getTime());
    const bus = queueBus(ctx);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    const unsubscribe = bus.subscribe(unit.code, (event) => {
      res.write(`id: ${event.id}\nevent: queue\ndata: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
      openStreams.delete(end);
      if (!res.writableEnded) res.end();
    };
    openStreams.add(end);
    request.raw.on('close', end);
    await bus.ready().catch(() => undefined);
    res.write(`event: ready\ndata: {}\n\n`);
  });

  const openStreams = new Set<() => void>();
  // Open streams would hold the server's close forever: end them first.
  app.addHook('preClose', async () => {
    for (const end of [...openStreams]) end();
  });
  app.addHook('onClose', async () => {
    await queueBus(ctx).close();
  });
}
