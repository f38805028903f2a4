import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { searchUnits } from '../../services/units.ts';
import type { ServiceContext } from '../../services/context.ts';
import { formatInstantVN, parseDateOrInstant } from '../../domain/time/instant.ts';
import { errorResponseSchema } from '../error-handler.ts';
import type { UnitType } from '../../domain/network/unit.ts';

const UnitSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  type: Type.String({ enum: ['center', 'branch', 'reception_point', 'agency'] }),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  validFrom: Type.String({ description: 'ISO 8601, +07:00' }),
  validTo: Type.Union([Type.String(), Type.Null()]),
  successorCodes: Type.Array(Type.String()),
  shortName: Type.Union([Type.String(), Type.Null()]),
  agencyLevel: Type.Union([Type.String(), Type.Null()]),
  areaCode: Type.Union([Type.String(), Type.Null()]),
  agencyIdentifier: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
});

export function unitRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/units',
    {
      schema: {
        tags: ['network'],
        summary: 'Các đơn vị của mạng lưới có hiệu lực tại một thời điểm',
        querystring: Type.Object(
          {
            type: Type.Optional(Type.String({ enum: ['center', 'branch', 'reception_point', 'agency'] })),
            at: Type.Optional(Type.String({ description: 'YYYY-MM-DD (00:00 +07:00) or an ISO 8601 instant; default now' })),
            parentCode: Type.Optional(Type.String({ maxLength: 50 })),
            q: Type.Optional(Type.String({ maxLength: 200 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(UnitSchema), total: Type.Integer() }), 400: errorResponseSchema },
      },
    },
    async (request) => {
      const query = request.query as { type?: UnitType; at?: string; parentCode?: string; q?: string; limit?: number; offset?: number };
      const result = await searchUnits(ctx, {
        type: query.type,
        at: query.at === undefined ? undefined : parseDateOrInstant(query.at, 'at'),
        parentCode: query.parentCode,
        q: query.q,
        limit: query.limit,
        offset: query.offset,
      });
      return {
        total: result.total,
        items: result.items.map((u) => ({
          code: u.code,
          name: u.name,
          type: u.type,
          parentCode: u.parentCode,
          validFrom: formatInstantVN(u.validFrom),
          validTo: u.validTo === null ? null : formatInstantVN(u.validTo),
          successorCodes: u.successorCodes,
          shortName: u.shortName,
          agencyLevel: u.agencyLevel,
          areaCode: u.areaCode,
          agencyIdentifier: u.agencyIdentifier,
          address: u.address,
        })),
      };
    },
  );
}
