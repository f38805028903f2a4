// Staff import routes: upload a CSV or XLSX list of officers (the file is the raw body), and download
// the template to fill in.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { importStaffFile, MAX_STAFF_IMPORT_BYTES, staffImportTemplate } from '../../services/staff-import.ts';
import type { ServiceContext } from '../../services/context.ts';
import { errorResponseSchema } from '../error-handler.ts';
import { originOf, requireStaff } from '../staff-auth.ts';

const security: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const FILE_TYPES = ['application/octet-stream', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const RowErrorSchema = Type.Object({
  row: Type.Integer(), username: Type.Union([Type.String(), Type.Null()]), column: Type.Union([Type.String(), Type.Null()]), code: Type.String(), message: Type.String(),
});

export function staffImportRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  // The upload's raw-bytes parser lives in its own scope, so other routes' parsers are unaffected.
  void app.register(async (scope) => {
    scope.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: MAX_STAFF_IMPORT_BYTES }, (_request, body, done) => done(null, body));
    scope.post('/admin/users/imports', {
      bodyLimit: MAX_STAFF_IMPORT_BYTES,
      schema: {
        tags: ['admin'],
        summary: 'Nhập danh sách cán bộ từ tệp CSV hoặc XLSX theo mẫu (thân yêu cầu là nội dung tệp): một dòng lỗi thì không tạo tài khoản nào; mỗi tài khoản tạo mới nhận một liên kết đặt mật khẩu dùng một lần',
        description: 'A refused file answers 400 STAFF_IMPORT_REJECTED with details.report.rejected: one entry per problem (row, column, code, message). Rows identical to existing accounts are reported as unchanged, so a re-import creates nothing.',
        security,
        querystring: Type.Object({
          fileName: Type.Optional(Type.String({ maxLength: 255 })),
          dryRun: Type.Optional(Type.Boolean({ description: 'check only, write nothing' })),
        }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            format: Type.String(), fileName: Type.Union([Type.String(), Type.Null()]), rows: Type.Integer(), dryRun: Type.Boolean(), written: Type.Boolean(),
            created: Type.Array(Type.Object({
              row: Type.Integer(), username: Type.String(), fullName: Type.String(), unitCode: Type.String(), roles: Type.Array(Type.String()),
              resetPath: Type.Union([Type.String(), Type.Null()]), expiresAt: Type.Union([Type.String(), Type.Null()]),
            })),
            unchanged: Type.Array(Type.Object({ row: Type.Integer(), username: Type.String() })),
            rejected: Type.Array(RowErrorSchema),
          }),
          400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 413: errorResponseSchema,
        },
      },
    }, async (request) => {
      const actor = await requireStaff(ctx, request, ['admin']);
      const query = request.query as { fileName?: string; dryRun?: boolean };
      const bytes = Buffer.isBuffer(request.body) ? new Uint8Array(request.body) : new Uint8Array();
      return importStaffFile(ctx, actor, bytes, query, originOf(request));
    });
  });

  app.get('/admin/users/import-template', {
    schema: {
      tags: ['admin'],
      summary: 'Tải tệp mẫu nhập danh sách cán bộ (CSV hoặc XLSX)',
      security,
      querystring: Type.Object({ format: Type.Optional(Type.String({ enum: ['csv', 'xlsx'] })) }, { additionalProperties: false }),
      response: { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema },
    },
  }, async (request, reply) => {
    await requireStaff(ctx, request, ['admin']);
    const format = (request.query as { format?: 'csv' | 'xlsx' }).format ?? 'xlsx';
    const bytes = await staffImportTemplate(format);
    return reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
      .header('content-disposition', `attachment; filename="mau-nhap-can-bo.${format}"`)
      .send(Buffer.from(bytes));
  });
}
