import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { counterChecklist, listCommunes } from '../../services/counter.ts';
import type { ServiceContext } from '../../services/context.ts';
import { parseDateOrInstant } from '../../domain/time/instant.ts';
import { errorResponseSchema } from '../error-handler.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const AT = Type.Optional(Type.String({ description: 'YYYY-MM-DD (00:00 +07:00) or an ISO 8601 instant; default now' }));
const Count = Nullable(Type.Integer());

export function counterRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/procedures/:code/checklist',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Danh mục giấy tờ kiểm tra tại quầy: giấy tờ chung, nhóm giấy tờ luôn phải có và của trường hợp đã chọn; các trường hợp để chọn; phí nộp trực tiếp',
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 100 }) }),
        querystring: Type.Object({ caseName: Type.Optional(Type.String({ maxLength: 1000 })), at: AT }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            procedureCode: Type.String(),
            version: Type.Integer(),
            caseName: Nullable(Type.String()),
            cases: Type.Array(Type.String(), { description: 'alternative cases (trường hợp) the officer chooses from' }),
            items: Type.Array(Type.Object({
              name: Type.String(),
              optional: Type.Boolean({ description: 'conditional ("nếu có", remarks): never blocks a receipt' }),
              asked: Type.Object({ originals: Count, copies: Count, certifiedCopies: Count, photocopies: Count }),
            })),
            fee: Nullable(Type.Object({ fee: Type.Object({ kind: Type.String(), amount: Type.Optional(Type.Number()), currency: Type.Optional(Type.String()), text: Type.Optional(Type.String()) }), text: Type.String() })),
          }),
          400: errorResponseSchema,
          404: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const { code } = request.params as { code: string };
      const query = request.query as { caseName?: string; at?: string };
      return counterChecklist(ctx, code, query.caseName, query.at === undefined ? undefined : parseDateOrInstant(query.at, 'at'));
    },
  );

  app.get(
    '/communes',
    {
      schema: {
        tags: ['network'],
        summary: 'Các xã, phường, thị trấn của mạng lưới tại một thời điểm (để chọn nơi cư trú hoặc nơi có tài sản)',
        querystring: Type.Object({ at: AT }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), districtName: Nullable(Type.String()), receptionPointCode: Nullable(Type.String()) })),
          }),
          400: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const { at } = request.query as { at?: string };
      return { items: await listCommunes(ctx, at === undefined ? undefined : parseDateOrInstant(at, 'at')) };
    },
  );
}
