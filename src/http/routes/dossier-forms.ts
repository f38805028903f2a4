// The one-stop forms as PDF: GET /dossiers/{code}/forms/{form} (form ∈ mau-01 … mau-05) and the tracking
// book GET /reports/tracking-book?unitCode=&from=&to= (Mẫu 06). Both open in the browser (inline) ready
// to print, under a file name that says what they are.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { contentDisposition, FILE_RESPONSE_CSP } from '../../domain/files/attachment-rules.ts';
import { DOSSIER_FORMS, type DossierFormName } from '../../services/forms/dossier-forms.ts';
import { printDossierForm, printTrackingBook, type RenderedPdf } from '../../services/dossier-forms.ts';
import type { ServiceContext } from '../../services/context.ts';
import { errorResponseSchema } from '../error-handler.ts';
import { originOf, requireStaff } from '../staff-auth.ts';

const staffSecurity: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

/** The address the officer's browser used, for the QR code when MOTCUA_PUBLIC_URL is not set. */
const requestBase = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

const sendPdf = (reply: FastifyReply, pdf: RenderedPdf) =>
  reply.type('application/pdf').header('content-disposition', contentDisposition(pdf.fileName, 'inline')).header('cache-control', 'private, no-store')
    .header('content-security-policy', FILE_RESPONSE_CSP).send(pdf.bytes);

export function dossierFormRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/dossiers/:code/forms/:form',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Biểu mẫu của hồ sơ (PDF A5, có mã QR tra cứu): mau-01 giấy tiếp nhận và hẹn trả kết quả, mau-02 phiếu yêu cầu bổ sung, mau-03 phiếu từ chối, mau-04 phiếu xin lỗi và hẹn lại, mau-05 phiếu kiểm soát quá trình; 409 khi biểu mẫu chưa áp dụng',
        security: staffSecurity,
        params: Type.Object({ code: Type.String({ maxLength: 60 }), form: Type.String({ enum: [...DOSSIER_FORMS] }) }),
        produces: ['application/pdf'],
        response: errors,
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request);
      const { code, form } = request.params as { code: string; form: DossierFormName };
      return sendPdf(reply, await printDossierForm(ctx, actor, code, form, requestBase(request), originOf(request)));
    },
  );

  app.get(
    '/reports/tracking-book',
    {
      schema: {
        tags: ['reports'],
        summary: 'Sổ theo dõi hồ sơ (Mẫu 06, PDF A4 ngang) của một đơn vị một cửa trong kỳ from–to (YYYY-MM-DD, tính cả hai ngày)',
        security: staffSecurity,
        querystring: Type.Object({
          unitCode: Type.String({ minLength: 1, maxLength: 50 }),
          from: Type.String({ maxLength: 10 }),
          to: Type.String({ maxLength: 10 }),
        }, { additionalProperties: false }),
        produces: ['application/pdf'],
        response: errors,
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request);
      return sendPdf(reply, await printTrackingBook(ctx, actor, request.query as { unitCode: string; from: string; to: string }, originOf(request)));
    },
  );
}
