// The service index (Decision 766/QĐ-TTg) and the Circular 01/2018 evaluation: for staff, scoped to the
// caller's unit subtree like the other statistics.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { INDEX_PERIODS, serviceIndex, type IndexQuery } from '../../services/stats-service-index.ts';
import { serviceEvaluation } from '../../services/stats-evaluation.ts';
import type { ServiceContext } from '../../services/context.ts';
import { errorResponseSchema } from '../error-handler.ts';
import { requireStaff } from '../staff-auth.ts';
import { structureQuery } from './stats.ts';

const staffSecurity: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const query = (defaultPeriod: string) => Type.Object({
  unitCode: Type.Optional(Type.String({ maxLength: 50, description: 'Đơn vị (cả cây đơn vị cấp dưới); mặc định đơn vị của người gọi' })),
  period: Type.Optional(Type.String({ enum: [...INDEX_PERIODS], default: defaultPeriod, description: 'month (tháng), quarter (quý), year (năm)' })),
  at: Type.Optional(Type.String({ maxLength: 10, description: 'Một ngày trong kỳ (YYYY-MM-DD); mặc định hôm nay' })),
  ...structureQuery,
}, { additionalProperties: false });

export function statsIndexRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/stats/index-766', {
    schema: {
      tags: ['stats'],
      summary: 'Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg) của đơn vị và các đơn vị trực thuộc theo tháng, quý, năm',
      security: staffSecurity,
      querystring: query('month'),
      response: { ...errors },
    },
  }, async (request) => serviceIndex(ctx, await requireStaff(ctx, request), request.query as IndexQuery));

  app.get('/stats/evaluation', {
    schema: {
      tags: ['stats'],
      summary: 'Đánh giá việc giải quyết thủ tục hành chính (Thông tư 01/2018/TT-VPCP điều 13–15) theo cán bộ và đơn vị, có xếp loại',
      security: staffSecurity,
      querystring: query('quarter'),
      response: { ...errors },
    },
  }, async (request) => serviceEvaluation(ctx, await requireStaff(ctx, request), request.query as IndexQuery));
}
