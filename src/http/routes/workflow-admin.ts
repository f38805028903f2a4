// The workflow template editor's routes (province administrators): read a version's template with the
// path a dossier received now would follow, check a draft without writing, save it as a new version.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { previewWorkflowDraft, saveWorkflowVersion, workflowEditorView, type SaveWorkflowRequest } from '../../services/workflow-admin.ts';
import type { WorkflowDraft } from '../../domain/dossier/workflow-edit.ts';
import type { ServiceContext } from '../../services/context.ts';
import { errorResponseSchema } from '../error-handler.ts';
import { originOf, requireStaff } from '../staff-auth.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const security: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const Params = Type.Object({ code: Type.String({ minLength: 1, maxLength: 100 }) });

const StepSchema = Type.Object({
  key: Type.String(), name: Type.String(), role: Type.String(), side: Type.String(), budgetMinutes: Type.Integer(), next: Nullable(Type.Array(Type.String())),
});
const PathSchema = Nullable(Type.Object({
  receivedAt: Type.String(), dueAt: Type.String(), calendarUnitCode: Nullable(Type.String()),
  steps: Type.Array(Type.Object({ ...StepSchema.properties, dueAt: Type.String() })),
}));
const ProblemSchema = Type.Object({ code: Type.String(), message: Type.String(), step: Type.Optional(Type.String()) });
const DraftProperties = {
  steps: Type.Array(Type.Object({
    key: Type.String({ minLength: 1, maxLength: 40 }),
    name: Type.Optional(Type.String({ maxLength: 300 })),
    role: Type.String({ minLength: 1, maxLength: 40 }),
    budgetMinutes: Type.Integer({ description: 'working minutes (8 working hours a day)' }),
    next: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 8, description: 'later steps an officer may forward to; absent = the following step' })),
  }, { additionalProperties: false }), { maxItems: 16 }),
  supplementPolicy: Type.String({ maxLength: 40, description: 'restart (tính lại) or pause (tạm dừng)' }),
};

export function workflowAdminRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/admin/procedures/:code/workflow', {
    schema: {
      tags: ['catalog'],
      summary: 'Quy trình nội bộ của một phiên bản thủ tục (mặc định: phiên bản hiện hành), các lựa chọn vai trò, và đường đi kèm hạn từng bước của hồ sơ nếu tiếp nhận bây giờ',
      security,
      params: Params,
      querystring: Type.Object({
        version: Type.Optional(Type.Integer({ minimum: 1 })),
        unitCode: Type.Optional(Type.String({ maxLength: 50, description: 'the receiving unit whose calendar the preview uses (default: the province calendar)' })),
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          procedureCode: Type.String(), name: Type.String(), version: Type.Integer(), currentVersion: Type.Integer(), validFrom: Type.String(), validTo: Nullable(Type.String()),
          timeLimit: Type.String(), limitMinutes: Nullable(Type.Integer()), nominal: Type.Boolean(), supplementPolicy: Type.String(), source: Type.String(),
          steps: Type.Array(StepSchema),
          stepChoices: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), side: Type.String(), roles: Type.Array(Type.String()) })),
          supplementPolicies: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
          preview: PathSchema,
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const actor = await requireStaff(ctx, request, ['admin']);
    const query = request.query as { version?: number; unitCode?: string };
    return workflowEditorView(ctx, actor, (request.params as { code: string }).code, query);
  });

  app.post('/admin/procedures/:code/workflow/preview', {
    schema: {
      tags: ['catalog'],
      summary: 'Kiểm tra bản nháp quy trình (không ghi): các lỗi, hoặc đường đi với hạn từng bước của hồ sơ nếu tiếp nhận bây giờ',
      security,
      params: Params,
      body: Type.Object({ ...DraftProperties, unitCode: Type.Optional(Type.String({ maxLength: 50 })) }, { additionalProperties: false }),
      response: {
        200: Type.Object({ valid: Type.Boolean(), problems: Type.Array(ProblemSchema), totalMinutes: Type.Integer(), limitMinutes: Nullable(Type.Integer()), preview: PathSchema }),
        ...errors,
      },
    },
  }, async (request) => {
    const actor = await requireStaff(ctx, request, ['admin']);
    const { unitCode, ...draft } = request.body as WorkflowDraft & { unitCode?: string };
    return previewWorkflowDraft(ctx, actor, (request.params as { code: string }).code, draft, unitCode);
  });

  app.post('/admin/procedures/:code/workflow-versions', {
    schema: {
      tags: ['catalog'],
      summary: 'Lưu quy trình đã sửa thành phiên bản mới của thủ tục (có hiệu lực ngay; hồ sơ đã tiếp nhận giữ phiên bản cũ); tổng thời gian các bước phải bằng thời hạn giải quyết',
      security,
      params: Params,
      body: Type.Object({
        ...DraftProperties,
        baseVersion: Type.Integer({ minimum: 1, description: 'the version edited; 409 when a newer one exists' }),
        idempotencyKey: Type.String({ maxLength: 200 }),
      }, { additionalProperties: false }),
      response: {
        201: Type.Object({
          procedureCode: Type.String(), version: Type.Integer(), previousVersion: Type.Integer(), validFrom: Type.String(),
          steps: Type.Array(StepSchema), supplementPolicy: Type.String(),
        }),
        ...errors,
      },
    },
  }, async (request, reply) => {
    const actor = await requireStaff(ctx, request, ['admin']);
    const saved = await saveWorkflowVersion(ctx, actor, (request.params as { code: string }).code, request.body as SaveWorkflowRequest, originOf(request));
    return reply.status(201).send(saved);
  });
}
