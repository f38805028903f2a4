// Statistics and reports: the contract's summary, the operations dashboard, drill-down lists, the late
// list, and Excel exports (streamed). Every route is for staff and scoped to the caller's unit subtree.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';
import { readFile } from 'node:fs/promises';
import { Type } from 'typebox';
import { statsDashboard, statsSummary } from '../../services/stats-summary.ts';
import { drillDown, DRILL_MEASURES, type DrillQuery } from '../../services/stats-drilldown.ts';
import { lateList, type LateQuery } from '../../services/stats-late.ts';
import { writeLateWorkbook } from '../../services/stats-export.ts';
import { buildReport, REPORT_NAMES } from '../../services/stats-reports.ts';
import { REPORT_CONTENT_TYPES, writeReportPdf, writeReportXlsx, type ReportFormat } from '../../services/stats-report-writers.ts';
import type { StatsQuery } from '../../services/stats-scope.ts';
import { summaryStructure, type StructureQuery } from '../../services/stats-structure.ts';
import type { ServiceContext } from '../../services/context.ts';
import { errorResponseSchema } from '../error-handler.ts';
import { requireStaff } from '../staff-auth.ts';

const staffSecurity: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const Day = Type.String({ maxLength: 10, description: 'YYYY-MM-DD' });
const scopeQuery = {
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  unitCode: Type.Optional(Type.String({ maxLength: 50 })),
  field: Type.Optional(Type.String({ maxLength: 300 })),
  procedureCode: Type.Optional(Type.String({ maxLength: 100 })),
  channel: Type.Optional(Type.String({ enum: ['direct', 'online', 'postal'] })),
};
/** Reports across a restructuring (issue 9): per-unit rows in the units of a date, or carried onto today's successors; totals unchanged. */
export const structureQuery = {
  structure: Type.Optional(Type.String({ enum: ['asOf', 'mapped'], description: 'asOf: theo cơ cấu đơn vị tại ngày structureAt; mapped: quy về đơn vị kế thừa hiện nay' })),
  structureAt: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD, với structure=asOf; mặc định hôm nay' })),
};
const Count = Type.Integer();
const DISTRICTS_FILE = new URL('../../../seed/binh-duong-districts.geojson', import.meta.url);
let districts: Promise<unknown> | undefined;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function statsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/stats/districts.geojson', {
    schema: { tags: ['stats'], summary: 'Ranh giới các huyện của tỉnh (GeoJSON, đơn giản hóa) cho bản đồ của bảng điều hành' },
  }, async () => (districts ??= readFile(DISTRICTS_FILE, 'utf8').then((text) => JSON.parse(text) as unknown)));

  app.get('/stats/summary', {
    schema: {
      tags: ['stats'],
      summary: 'Số liệu tổng hợp của đơn vị (và các đơn vị cấp dưới) trong kỳ, theo đơn vị tiếp nhận hoặc cơ quan giải quyết',
      security: staffSecurity,
      // structure=asOf|mapped (+ structureAt): the same totals per unit of a date's structure or of today's successors (issue 9).
      querystring: Type.Object({ ...scopeQuery, ...structureQuery }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          period: Type.Object({ from: Type.String(), to: Type.String() }),
          unitCode: Type.String(),
          received: Type.Object({ total: Count, direct: Count, online: Count, postal: Count }),
          finished: Type.Object({ early: Count, onTime: Count, late: Count }),
          inProgress: Type.Object({ onTime: Count, overdue: Count }),
          returned: Count,
          rejected: Count,
          withdrawn: Count,
          satisfaction: Type.Object({ ratings: Count, satisfiedPercent: Type.Number() }),
          structure: Type.Optional(Type.Object({
            mode: Type.String(), at: Type.String(),
            units: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), received: Count, finished: Count })),
          })),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const actor = await requireStaff(ctx, request);
    const query = request.query as StatsQuery & StructureQuery;
    const summary = await statsSummary(ctx, actor, query);
    const structure = await summaryStructure(ctx, actor, query);
    return structure ? { ...summary, structure } : summary;
  });

  app.get('/stats/dashboard', {
    schema: {
      tags: ['stats'],
      summary: 'Bảng điều hành: tổng hợp, theo Trung tâm/Chi nhánh/Điểm tiếp nhận, theo cơ quan giải quyết, theo thủ tục, theo huyện và theo ngày',
      security: staffSecurity,
      querystring: Type.Object({ ...scopeQuery, ...structureQuery }, { additionalProperties: false }),
      response: { ...errors },
    },
  }, async (request) => statsDashboard(ctx, await requireStaff(ctx, request), request.query as StatsQuery & StructureQuery));

  app.get('/stats/dossiers', {
    schema: {
      tags: ['stats'],
      summary: 'Danh sách hồ sơ đằng sau một con số của bảng điều hành',
      security: staffSecurity,
      querystring: Type.Object({
        ...scopeQuery,
        measure: Type.String({ enum: [...DRILL_MEASURES] }),
        receivingUnitCode: Type.Optional(Type.String({ maxLength: 50 })),
        competentUnitCode: Type.Optional(Type.String({ maxLength: 50 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
        offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
      }, { additionalProperties: false }),
      response: { ...errors },
    },
  }, async (request) => drillDown(ctx, await requireStaff(ctx, request), request.query as DrillQuery));

  const lateQuery = Type.Object({
    ...scopeQuery,
    which: Type.Optional(Type.String({ enum: ['overdue', 'due_soon', 'all'], default: 'all' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
  }, { additionalProperties: false });

  app.get('/stats/late', {
    schema: {
      tags: ['stats'],
      summary: 'Hồ sơ quá hạn và sắp đến hạn (trong 1 ngày làm việc): bước hiện tại, cán bộ đang xử lý, thời gian quá hạn',
      security: staffSecurity,
      querystring: lateQuery,
      response: { ...errors },
    },
  }, async (request) => {
    const q = request.query as LateQuery & { limit: number };
    return lateList(ctx, await requireStaff(ctx, request), q, q.limit);
  });

  app.get('/stats/late.xlsx', {
    schema: { tags: ['stats'], summary: 'Xuất Excel danh sách hồ sơ quá hạn và sắp đến hạn (ghi dạng luồng)', security: staffSecurity, querystring: lateQuery },
  }, async (request, reply) => {
    const actor = await requireStaff(ctx, request);
    return streamWorkbook(reply, 'ho-so-qua-han.xlsx', (open) => writeLateWorkbook(ctx, actor, request.query as LateQuery, open));
  });

  const REPORT_TITLES: Record<(typeof REPORT_NAMES)[number], string> = {
    'period': 'Báo cáo tình hình giải quyết TTHC trong kỳ',
    'daily-intake': 'Tình hình tiếp nhận hồ sơ theo ngày, theo kênh và đơn vị (tối đa 366 ngày)',
    'satisfaction': 'Kết quả đánh giá sự hài lòng theo mức độ và tiêu chí, theo đơn vị',
    'officers': 'Kết quả giải quyết hồ sơ theo cán bộ: số hồ sơ, đúng hạn/quá hạn, thời gian trung bình, đánh giá',
  };
  for (const name of REPORT_NAMES) {
    for (const format of ['xlsx', 'pdf'] as const satisfies readonly ReportFormat[]) {
      app.get(`/stats/reports/${name}.${format}`, {
        schema: {
          tags: ['stats'], summary: `${REPORT_TITLES[name]} (${format === 'xlsx' ? 'Excel' : 'PDF'}, ghi dạng luồng)`, security: staffSecurity,
          querystring: Type.Object({ ...scopeQuery, ...structureQuery }, { additionalProperties: false }),
        },
      }, async (request, reply) => {
        const report = await buildReport(ctx, await requireStaff(ctx, request), name, request.query as StatsQuery & StructureQuery);
        const stream = new PassThrough();
        reply.header('content-type', REPORT_CONTENT_TYPES[format]).header('content-disposition', `attachment; filename="${report.fileName}.${format}"`);
        void reply.send(stream);
        await (format === 'xlsx' ? writeReportXlsx(report, stream) : writeReportPdf(report, stream));
        return reply;
      });
    }
  }
}

/** The writer calls `open` only once its checks have passed, so errors still answer as JSON. */
async function streamWorkbook(reply: FastifyReply, fileName: string, write: (open: () => PassThrough) => Promise<unknown>): Promise<FastifyReply> {
  const stream = new PassThrough();
  await write(() => {
    reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${fileName}"`);
    void reply.send(stream);
    return stream;
  });
  return reply;
}
