// Catalog administration: upload a procedure file (JSON, CSV, XLSX) with its progress streamed back as
// it imports, record a publication decision, and read a procedure's versions with their differences.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';
import { Type } from 'typebox';
import { importProcedureFile, type ImportProgress } from '../../services/import-procedures.ts';
import { publishDecision } from '../../services/publications.ts';
import { procedureHistory } from '../../services/catalog-history.ts';
import { requireProvinceAdmin } from '../../services/admin-checks.ts';
import type { ServiceContext } from '../../services/context.ts';
import { isAppError } from '../../domain/errors.ts';
import { formatInstantVN, parseDateOrInstant } from '../../domain/time/instant.ts';
import { errorResponseSchema } from '../error-handler.ts';
import { requireStaff } from '../staff-auth.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const staffSecurity: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
/** The full national catalog is ~12 MB as JSON; XLSX of the same is smaller. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
const iso = (d: Date) => formatInstantVN(d.getTime());

export function catalogAdminRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  // The upload's raw-bytes parser lives in its own scope, so other routes' parsers are unaffected.
  void app.register(async (scope) => importRoute(scope, ctx));
  publicationRoutes(app, ctx);
}

const FILE_TYPES = ['application/octet-stream', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/gzip'];

function importRoute(app: FastifyInstance, ctx: ServiceContext): void {
  app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_request, body, done) => done(null, body));
  app.post(
    '/admin/catalog/imports',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['catalog'],
        summary: 'Nhập danh mục thủ tục từ tệp (JSON, CSV, XLSX; có thể nén gzip): thân yêu cầu là nội dung tệp; trả về luồng NDJSON tiến độ rồi báo cáo',
        description: 'Answer: application/x-ndjson, one JSON object a line: {"type":"progress","phase":"read|check|write|index","done":n,"total":n} …, then {"type":"report","report":{…}} or {"type":"error","error":{code,message,details}}.',
        security: staffSecurity,
        querystring: Type.Object({
          fileName: Type.Optional(Type.String({ maxLength: 255 })),
          partial: Type.Optional(Type.Boolean({ description: 'import the good rows even when some are rejected' })),
          dryRun: Type.Optional(Type.Boolean({ description: 'check only, write nothing' })),
        }, { additionalProperties: false }),
        response: { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 413: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, ['admin']);
      await requireProvinceAdmin(ctx.db, actor, 'Chỉ quản trị viên cấp tỉnh được nhập danh mục thủ tục.');
      const query = request.query as { fileName?: string; partial?: boolean; dryRun?: boolean };
      const bytes = Buffer.isBuffer(request.body) ? new Uint8Array(request.body) : new Uint8Array();
      return streamImport(reply, (onProgress) => importProcedureFile(ctx, bytes, {
        ...(query.fileName ? { fileName: query.fileName } : {}), partial: query.partial === true, dryRun: query.dryRun === true,
        actor, via: 'admin-upload', onProgress,
      }));
    },
  );
}

function publicationRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post(
    '/admin/procedure-publications',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Ghi nhận quyết định công bố: thêm / bỏ thủ tục khỏi danh mục tiếp nhận phi địa giới từ một ngày hiệu lực (không sửa được sau khi ghi)',
        security: staffSecurity,
        body: Type.Object({
          code: Type.String({ minLength: 1, maxLength: 100, description: 'số, ký hiệu quyết định' }),
          title: Type.String({ minLength: 1, maxLength: 500 }),
          effectiveAt: Type.String({ maxLength: 40, description: 'YYYY-MM-DD (00:00 +07:00) or an ISO 8601 instant' }),
          note: Type.Optional(Type.String({ maxLength: 2000 })),
          entries: Type.Array(Type.Object({ procedureCode: Type.String({ minLength: 1, maxLength: 100 }), op: Type.String({ enum: ['add', 'remove'] }) },
            { additionalProperties: false }), { minItems: 1, maxItems: 5000 }),
        }, { additionalProperties: false }),
        response: {
          201: Type.Object({ code: Type.String(), title: Type.String(), effectiveAt: Type.String(), added: Type.Integer(), removed: Type.Integer() }),
          400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 409: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, ['admin']);
      await requireProvinceAdmin(ctx.db, actor, 'Chỉ quản trị viên cấp tỉnh được ghi nhận quyết định công bố.');
      const body = request.body as { code: string; title: string; effectiveAt: string; note?: string; entries: Array<{ procedureCode: string; op: string }> };
      const decision = await publishDecision(ctx, { ...body, kind: 'location_free_list', isDemo: false, effectiveAt: parseDateOrInstant(body.effectiveAt, 'effectiveAt') },
        { actor, via: 'admin' });
      return reply.status(201).send({
        code: decision.code, title: decision.title, effectiveAt: formatInstantVN(decision.effectiveAt),
        added: decision.entries.filter((e) => e.op === 'add').length, removed: decision.entries.filter((e) => e.op === 'remove').length,
      });
    },
  );

  app.get(
    '/procedures/:code/history',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Lịch sử một thủ tục: các phiên bản và những gì thay đổi ở mỗi phiên bản, các quyết định công bố phi địa giới liên quan',
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: {
          200: Type.Object({
            code: Type.String(),
            versions: Type.Array(Type.Object({
              version: Type.Integer(), validFrom: Type.String(), validTo: Nullable(Type.String()), contentHash: Type.String(), name: Type.String(),
              problemCount: Type.Integer(), createdBy: Nullable(Type.String()),
              changes: Type.Array(Type.Object({ field: Type.String(), label: Type.String(), before: Type.String(), after: Type.String() })),
            })),
            publications: Type.Array(Type.Object({ code: Type.String(), title: Type.String(), effectiveAt: Type.String(), isDemo: Type.Boolean(), op: Type.String() })),
            locationFreeSpans: Type.Array(Type.Object({ from: Type.String(), to: Nullable(Type.String()) })),
          }),
          404: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const history = await procedureHistory(ctx, (request.params as { code: string }).code);
      return {
        code: history.code,
        versions: history.versions.map((v) => ({ ...v, validFrom: iso(v.validFrom), validTo: v.validTo ? iso(v.validTo) : null })),
        publications: history.publications.map((p) => ({ ...p, effectiveAt: iso(p.effectiveAt) })),
        locationFreeSpans: history.locationFreeSpans.map((s) => ({ from: iso(s.from), to: s.to ? iso(s.to) : null })),
      };
    },
  );
}

/**
 * Runs an import while streaming its progress as NDJSON lines, then its report. A failure once the
 * stream has started (a malformed file, a database error) becomes an `error` line: the status line
 * has already been sent. The import runs in its own transaction, so a failure leaves nothing half-done.
 */
async function streamImport(reply: FastifyReply, run: (onProgress: (p: ImportProgress) => void) => Promise<unknown>): Promise<FastifyReply> {
  const stream = new PassThrough();
  const line = (value: unknown) => stream.write(`${JSON.stringify(value)}\n`);
  let last = 0;
  const onProgress = (p: ImportProgress) => {
    const now = Date.now();
    if (now - last < 50 && p.done < p.total && p.done > 0) return; // at most ~20 lines a second
    last = now;
    line({ type: 'progress', ...p });
  };
  void run(onProgress).then(
    (report) => line({ type: 'report', report }),
    (error: unknown) => line({ type: 'error', error: isAppError(error)
      ? { code: error.code, message: error.message, details: error.details ?? null }
      : { code: 'IMPORT_FAILED', message: 'Nhập danh mục thất bại do lỗi máy chủ; không có thay đổi nào được ghi.', details: null } }),
  ).finally(() => stream.end());
  reply.header('content-type', 'application/x-ndjson; charset=utf-8').header('cache-control', 'no-store').header('x-accel-buffering', 'no');
  return reply.send(stream);
}
