import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { getProcedure, getProcedureFields, getProcedureVersions, searchProcedures } from '../../services/procedures.ts';
import { getPublicationDecisions } from '../../services/publications.ts';
import type { ServiceContext } from '../../services/context.ts';
import { formatInstantVN, parseDateOrInstant } from '../../domain/time/instant.ts';
import { CHANNEL_PORTAL_CODES } from '../../domain/catalog/channel.ts';
import type { ProcedureLevel } from '../../domain/catalog/level.ts';
import type { OnlineLevel } from '../../domain/catalog/online-level.ts';
import type { ChannelTerms } from '../../domain/catalog/procedure-content.ts';
import { errorResponseSchema } from '../error-handler.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const AT = Type.Optional(Type.String({ description: 'YYYY-MM-DD (00:00 +07:00) or an ISO 8601 instant; default now' }));
const LEVELS = ['province', 'district', 'commune'];
const ONLINE_LEVELS = ['full', 'partial', 'none'];

const DurationSchema = Type.Object(
  {
    unit: Type.String({ enum: ['days', 'hours', 'sameDay', 'sameDayOrNextIfAfter', 'unparsed'] }),
    value: Type.Optional(Type.Number()),
    cutoff: Type.Optional(Type.String({ description: 'HH:MM, for sameDayOrNextIfAfter' })),
    text: Type.Optional(Type.String({ description: 'the published text, for unparsed' })),
    reason: Type.Optional(Type.String({ description: 'why it could not be normalised, for unparsed' })),
  },
  { description: 'Time limit in working days / working hours / same day; "unparsed" keeps the published text' },
);
const FeeSchema = Type.Object({
  kind: Type.String({ enum: ['free', 'amount', 'unspecified', 'unparsed'] }),
  amount: Type.Optional(Type.Number()),
  currency: Type.Optional(Type.String({ enum: ['VND', 'USD'] })),
  text: Type.Optional(Type.String()),
});
const ChannelSchema = Type.Object({
  channel: Type.String({ enum: ['direct', 'online', 'postal'] }),
  portalCode: Type.Integer({ description: 'national portal channel code: 1 direct, 2 online, 3 postal' }),
  duration: DurationSchema,
  durationText: Type.String(),
  fee: FeeSchema,
  feeText: Type.String(),
  note: Type.String(),
});
const DocumentSchema = Type.Object({
  name: Type.String(),
  originals: Nullable(Type.Integer()),
  copies: Nullable(Type.Integer()),
  certifiedCopies: Nullable(Type.Integer()),
  photocopies: Nullable(Type.Integer()),
  template: Nullable(Type.String()),
});
const ProblemSchema = Type.Object({
  code: Type.String(),
  severity: Type.String({ enum: ['unparsed', 'review'] }),
  path: Type.String(),
  text: Type.String(),
  message: Type.String(),
});
const WorkflowSchema = Type.Object({
  steps: Type.Array(Type.Object({
    key: Type.String(),
    name: Type.String(),
    role: Type.String(),
    performer: Type.String(),
    budgetMinutes: Nullable(Type.Integer()),
  })),
  totalMinutes: Nullable(Type.Integer()),
  nominal: Type.Boolean(),
});

const SearchItemSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  field: Type.String(),
  level: Type.String({ enum: LEVELS }),
  locationFree: Type.Boolean(),
  processingDays: Nullable(Type.Number()),
  processingHours: Nullable(Type.Number()),
  fieldCode: Nullable(Type.String()),
  levels: Type.Array(Type.String()),
  onlineLevel: Type.String({ enum: ONLINE_LEVELS }),
  version: Type.Integer(),
});

const ProcedureSchema = Type.Object({
  code: Type.String(),
  localCode: Nullable(Type.String()),
  version: Type.Integer(),
  currentVersion: Type.Integer(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  contentHash: Type.String(),
  name: Type.String(),
  field: Type.String(),
  fieldCode: Nullable(Type.String()),
  level: Type.String({ enum: LEVELS }),
  levels: Type.Array(Type.String()),
  locationFree: Type.Boolean(),
  whereToFile: Type.String({ enum: ['any_unit', 'own_area'], description: 'any Center/Branch/Reception Point, or its own area only' }),
  onlineLevel: Type.String({ enum: ONLINE_LEVELS }),
  mustFileInOwnArea: Type.Boolean(),
  onlinePaymentRequired: Type.Boolean(),
  digitallySignedResult: Type.Boolean(),
  processingDays: Nullable(Type.Number()),
  processingHours: Nullable(Type.Number()),
  timeLimit: DurationSchema,
  issuingMinistry: Nullable(Type.String()),
  publishingDecision: Nullable(Type.String()),
  procedureType: Nullable(Type.String()),
  applicants: Nullable(Type.String()),
  agencies: Type.Object({
    competent: Nullable(Type.String()),
    implementing: Nullable(Type.String()),
    authorized: Nullable(Type.String()),
    coordinating: Nullable(Type.String()),
    receivingAddress: Nullable(Type.String()),
  }),
  channels: Type.Array(ChannelSchema),
  documents: Type.Array(DocumentSchema),
  cases: Type.Array(Type.Object({ name: Type.String(), documents: Type.Array(DocumentSchema), channels: Type.Array(ChannelSchema) })),
  results: Type.Array(Type.Object({ name: Type.String(), code: Nullable(Type.String()) })),
  conditions: Nullable(Type.String()),
  legalBasis: Nullable(Type.String()),
  steps: Nullable(Type.String()),
  workflow: WorkflowSchema,
  problems: Type.Array(ProblemSchema),
  sourceUrl: Nullable(Type.String()),
  raw: Type.Optional(Type.Unknown({ description: 'the original text as imported (only with raw=true)' })),
});

const channelView = (terms: ChannelTerms) => ({ ...terms, portalCode: CHANNEL_PORTAL_CODES[terms.channel] });

export function procedureRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/procedures',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Tra cứu thủ tục hành chính (không dấu, chịu lỗi gõ) theo danh mục tại một thời điểm',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ description: 'words of the name, code, field or agency; any length (the first 200 characters are used)' })),
            locationFree: Type.Optional(Type.Boolean()),
            level: Type.Optional(Type.String({ enum: LEVELS })),
            field: Type.Optional(Type.String({ description: 'field name (accent-insensitive) or field code' })),
            onlineLevel: Type.Optional(Type.String({ enum: ONLINE_LEVELS })),
            agency: Type.Optional(Type.String({ description: 'words of the competent / implementing agency' })),
            at: AT,
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(SearchItemSchema),
            total: Type.Integer(),
            correctedQuery: Nullable(Type.String({ description: 'the query after typo correction, when the words as typed found nothing' })),
          }),
          400: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const query = request.query as {
        q?: string; locationFree?: boolean; level?: ProcedureLevel; field?: string; onlineLevel?: OnlineLevel; agency?: string;
        at?: string; limit?: number; offset?: number;
      };
      return searchProcedures(ctx, {
        q: query.q,
        locationFree: query.locationFree,
        level: query.level,
        field: query.field,
        onlineLevel: query.onlineLevel,
        agency: query.agency,
        at: query.at === undefined ? undefined : parseDateOrInstant(query.at, 'at'),
        limit: query.limit,
        offset: query.offset,
      });
    },
  );

  app.get(
    '/procedures/:code',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Một thủ tục (phiên bản có hiệu lực tại thời điểm at): thành phần hồ sơ, thời hạn và phí theo kênh, trường hợp, quy trình',
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 100 }) }),
        querystring: Type.Object(
          { at: AT, raw: Type.Optional(Type.Boolean({ description: 'include the original imported text' })) },
          { additionalProperties: false },
        ),
        response: { 200: ProcedureSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => {
      const { code } = request.params as { code: string };
      const query = request.query as { at?: string; raw?: boolean };
      const v = await getProcedure(ctx, code, { at: query.at === undefined ? undefined : parseDateOrInstant(query.at, 'at'), withRaw: query.raw === true });
      const c = v.content;
      return {
        code: v.procedureCode,
        localCode: v.localCode,
        version: v.version,
        currentVersion: v.currentVersion,
        validFrom: formatInstantVN(v.validFrom.getTime()),
        validTo: v.validTo ? formatInstantVN(v.validTo.getTime()) : null,
        contentHash: v.contentHash,
        name: c.name,
        field: c.field,
        fieldCode: c.fieldCode,
        level: c.level,
        levels: c.levels,
        locationFree: v.locationFree,
        whereToFile: v.locationFree ? 'any_unit' : 'own_area',
        onlineLevel: c.onlineLevel,
        mustFileInOwnArea: c.mustFileInOwnArea,
        onlinePaymentRequired: c.onlinePaymentRequired,
        digitallySignedResult: c.digitallySignedResult,
        processingDays: v.processingDays,
        processingHours: v.processingHours,
        timeLimit: c.timeLimit,
        issuingMinistry: c.issuingMinistry,
        publishingDecision: c.publishingDecision,
        procedureType: c.procedureType,
        applicants: c.applicants,
        agencies: c.agencies,
        channels: c.channels.map(channelView),
        documents: c.documents,
        cases: c.cases.map((k) => ({ name: k.name, documents: k.documents, channels: k.terms.map(channelView) })),
        results: c.results,
        conditions: c.conditions,
        legalBasis: c.legalBasis,
        steps: c.steps,
        workflow: c.workflow,
        problems: v.problems,
        sourceUrl: c.sourceUrl,
        ...(query.raw === true ? { raw: v.raw } : {}),
      };
    },
  );

  app.get(
    '/procedures/:code/versions',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Các phiên bản của một thủ tục (phiên bản đã công bố không sửa được; sửa đổi tạo phiên bản mới)',
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({
              version: Type.Integer(),
              validFrom: Type.String(),
              validTo: Nullable(Type.String()),
              contentHash: Type.String(),
              name: Type.String(),
              problemCount: Type.Integer(),
              createdBy: Nullable(Type.String()),
            })),
          }),
          404: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const versions = await getProcedureVersions(ctx, (request.params as { code: string }).code);
      return {
        items: versions.map((v) => ({
          ...v,
          validFrom: formatInstantVN(v.validFrom.getTime()),
          validTo: v.validTo ? formatInstantVN(v.validTo.getTime()) : null,
        })),
      };
    },
  );

  app.get(
    '/procedure-fields',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Các lĩnh vực của danh mục tại một thời điểm, với số thủ tục',
        querystring: Type.Object({ at: AT }, { additionalProperties: false }),
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ field: Type.String(), fieldCode: Nullable(Type.String()), count: Type.Integer() })) }),
          400: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const { at } = request.query as { at?: string };
      return { items: await getProcedureFields(ctx, at === undefined ? undefined : parseDateOrInstant(at, 'at')) };
    },
  );

  app.get(
    '/procedure-publications',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Các quyết định công bố danh mục thủ tục phi địa giới (theo ngày hiệu lực)',
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({
              code: Type.String(),
              title: Type.String(),
              kind: Type.String(),
              effectiveAt: Type.String(),
              isDemo: Type.Boolean({ description: 'a list made up for demonstrations (the province did not publish its lists)' }),
              note: Nullable(Type.String()),
              added: Type.Integer(),
              removed: Type.Integer(),
            })),
          }),
        },
      },
    },
    async () => ({
      items: (await getPublicationDecisions(ctx)).map((d) => ({ ...d, effectiveAt: formatInstantVN(d.effectiveAt.getTime()) })),
    }),
  );
}
