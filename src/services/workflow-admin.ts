// The workflow template editor (quy trình nội bộ of a procedure): read a version's template as the
// dossiers follow it, preview a draft (its problems, and the path with the deadlines a dossier received
// now would get), and save a checked draft as a NEW procedure version — published versions never
// change, and every dossier keeps the template it pinned at intake (dossiers.workflow).
import { conflict, forbidden, invalid, notFound } from '../domain/errors.ts';
import { limitMinutes } from '../domain/catalog/workflow.ts';
import { durationVi } from '../domain/catalog/version-diff.ts';
import { contentHash } from '../domain/catalog/content-hash.ts';
import { supplementPolicyOf, SUPPLEMENT_POLICY_LABELS_VI } from '../domain/catalog/supplement-policy.ts';
import type { ProcedureContent } from '../domain/catalog/procedure-content.ts';
import { checkWorkflowDraft, describeSteps, toVersionTemplate, type WorkflowDraft, type WorkflowProblem } from '../domain/dossier/workflow-edit.ts';
import { resolveDossierWorkflow, stepDeadlines, STEP_KEYS, STEP_LABELS_VI, STEP_ROLE_CHOICES, stepPerformer, type DossierStep, type DossierWorkflow } from '../domain/dossier/workflow.ts';
import { clockStatus, procedureClock, startClock, type SupplementPolicy } from '../domain/sla/index.ts';
import { formatInstantVN } from '../domain/time/instant.ts';
import { closeOpenVersions, insertVersions, updateProcedureHeads } from '../store/procedures.ts';
import { findVersion, type NumberedVersion } from '../store/procedure-workflow.ts';
import { appendAudit } from '../store/audit.ts';
import type { Db } from '../store/database.ts';
import { requireProvinceAdmin } from './admin-checks.ts';
import { unitCalendar } from './calendar.ts';
import { runIdempotent } from './idempotency.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';

export interface PathStep {
  key: string;
  name: string;
  role: string;
  side: string;
  budgetMinutes: number;
  next: string[] | null;
  /** When this step is due for a dossier received at `receivedAt`. */
  dueAt: string;
}

export interface PathPreview {
  receivedAt: string;
  dueAt: string;
  calendarUnitCode: string | null;
  steps: PathStep[];
}

export interface WorkflowEditorView {
  procedureCode: string;
  name: string;
  version: number;
  currentVersion: number;
  validFrom: string;
  validTo: string | null;
  timeLimit: string;
  limitMinutes: number | null;
  nominal: boolean;
  supplementPolicy: SupplementPolicy;
  /** version: the version's own detailed template; version_phases: its four phases refined; default. */
  source: DossierWorkflow['source'];
  steps: Array<Omit<PathStep, 'dueAt'>>;
  /** Every step the engine knows, with the roles it may be given (for the editor's choices). */
  stepChoices: Array<{ key: string; name: string; side: string; roles: string[] }>;
  supplementPolicies: Array<{ value: SupplementPolicy; label: string }>;
  preview: PathPreview | null;
}

export interface DraftPreview {
  valid: boolean;
  problems: WorkflowProblem[];
  totalMinutes: number;
  limitMinutes: number | null;
  preview: PathPreview | null;
}

const ADMIN_ONLY = 'Chỉ quản trị viên cấp tỉnh được sửa quy trình của thủ tục.';

async function loadVersion(db: Db, ctx: ServiceContext, code: string, version?: number, lock = false): Promise<NumberedVersion> {
  const found = await findVersion(db, ctx.provinceCode, code, version, lock);
  if (!found) {
    throw notFound('PROCEDURE_NOT_FOUND', version === undefined ? `Không tìm thấy thủ tục có mã ${code}.` : `Thủ tục ${code} không có phiên bản ${version}.`, { code, version });
  }
  return found;
}

const workflowOf = (content: ProcedureContent): DossierWorkflow => resolveDossierWorkflow(content.workflow, content.timeLimit);
const plainStep = (s: DossierStep) => ({ key: s.key, name: s.name, role: s.role, side: s.side, budgetMinutes: s.budgetMinutes, next: s.next ?? null });

/** The steps with the deadlines a dossier received at `at` (on the unit's calendar, else the province's) would get. */
async function pathPreview(ctx: ServiceContext, content: ProcedureContent, steps: DossierStep[], policy: SupplementPolicy, unitCode: string | undefined): Promise<PathPreview | null> {
  if (content.timeLimit.unit === 'unparsed') return null;
  const calendar = await unitCalendar(ctx, unitCode);
  const at = ctx.now().getTime();
  const clock = procedureClock(content.timeLimit, policy);
  const dueAt = clockStatus(calendar, startClock(calendar, clock, at), at).dueAt;
  const deadlines = stepDeadlines(calendar, { steps, source: 'version' }, dueAt);
  return {
    receivedAt: formatInstantVN(at),
    dueAt: formatInstantVN(dueAt),
    calendarUnitCode: unitCode ?? null,
    steps: steps.map((s, i) => ({ ...plainStep(s), dueAt: formatInstantVN(deadlines[i]!.dueAt) })),
  };
}

export async function workflowEditorView(ctx: ServiceContext, actor: Actor, code: string, options: { version?: number | undefined; unitCode?: string | undefined }): Promise<WorkflowEditorView> {
  await requireProvinceAdmin(ctx.db, actor, ADMIN_ONLY);
  const v = await loadVersion(ctx.db, ctx, code, options.version);
  const workflow = workflowOf(v.content);
  const policy = supplementPolicyOf(v.content);
  return {
    procedureCode: v.procedureCode,
    name: v.content.name,
    version: v.version,
    currentVersion: v.currentVersion,
    validFrom: formatInstantVN(v.validFrom.getTime()),
    validTo: v.validTo ? formatInstantVN(v.validTo.getTime()) : null,
    timeLimit: durationVi(v.content.timeLimit),
    limitMinutes: limitMinutes(v.content.timeLimit),
    nominal: v.content.timeLimit.unit === 'sameDay' || v.content.timeLimit.unit === 'sameDayOrNextIfAfter',
    supplementPolicy: policy,
    source: workflow.source,
    steps: workflow.steps.map(plainStep),
    stepChoices: STEP_KEYS.map((key) => ({ key, name: STEP_LABELS_VI[key], side: stepPerformer(key).side, roles: [...STEP_ROLE_CHOICES[key]] })),
    supplementPolicies: (['restart', 'pause'] as const).map((value) => ({ value, label: SUPPLEMENT_POLICY_LABELS_VI[value] })),
    preview: await pathPreview(ctx, v.content, workflow.steps, policy, options.unitCode),
  };
}

/** Checks a draft against the procedure's current version; answers its problems or its path (never writes). */
export async function previewWorkflowDraft(ctx: ServiceContext, actor: Actor, code: string, draft: WorkflowDraft, unitCode?: string): Promise<DraftPreview> {
  await requireProvinceAdmin(ctx.db, actor, ADMIN_ONLY);
  const v = await loadVersion(ctx.db, ctx, code);
  const limit = limitMinutes(v.content.timeLimit);
  const checked = checkWorkflowDraft(draft, limit);
  const total = draft.steps.reduce((sum, s) => sum + (Number.isSafeInteger(s.budgetMinutes) && s.budgetMinutes > 0 ? s.budgetMinutes : 0), 0);
  if (!checked.ok) return { valid: false, problems: checked.problems, totalMinutes: total, limitMinutes: limit, preview: null };
  return { valid: true, problems: [], totalMinutes: total, limitMinutes: limit,
    preview: await pathPreview(ctx, v.content, checked.value.steps, checked.value.supplementPolicy, unitCode) };
}

export interface SaveWorkflowRequest extends WorkflowDraft {
  /** The version the administrator edited: refused (409) when another version was published since. */
  baseVersion: number;
  idempotencyKey: string;
}

export interface SavedWorkflowVersion {
  procedureCode: string;
  version: number;
  previousVersion: number;
  validFrom: string;
  steps: Array<Omit<PathStep, 'dueAt'>>;
  supplementPolicy: SupplementPolicy;
}

/** Throws the refusal for a draft with problems: the first problem's code, every problem named. */
function refusal(problems: WorkflowProblem[]) {
  return invalid(problems[0]!.code, `Quy trình không hợp lệ: ${problems.map((p) => p.message).join(' ')}`, { problems });
}

export async function saveWorkflowVersion(ctx: ServiceContext, actor: Actor, code: string, request: SaveWorkflowRequest, origin: RequestOrigin): Promise<SavedWorkflowVersion> {
  await requireProvinceAdmin(ctx.db, actor, ADMIN_ONLY);
  const { idempotencyKey, ...fingerprint } = request;
  const { answer } = await runIdempotent(ctx.db, { scope: actor.username, key: idempotencyKey, command: 'procedure.workflow_update', request: { code, ...fingerprint } },
    async (trx) => {
      const current = await loadVersion(trx, ctx, code, undefined, true);
      if (current.validTo !== null) throw forbidden('PROCEDURE_WITHDRAWN', `Thủ tục ${code} không còn phiên bản đang áp dụng.`, { code });
      if (request.baseVersion !== current.version) {
        throw conflict('VERSION_CHANGED', `Thủ tục ${code} đã có phiên bản ${current.version} sau phiên bản ${request.baseVersion} bạn đang sửa; hãy mở lại quy trình mới nhất.`,
          { baseVersion: request.baseVersion, currentVersion: current.version });
      }
      const checked = checkWorkflowDraft(request, limitMinutes(current.content.timeLimit));
      if (!checked.ok) throw refusal(checked.problems);

      const before = workflowOf(current.content);
      const beforePolicy = supplementPolicyOf(current.content);
      const nominal = current.content.timeLimit.unit === 'sameDay' || current.content.timeLimit.unit === 'sameDayOrNextIfAfter';
      const content: ProcedureContent = { ...current.content, workflow: toVersionTemplate(checked.value, nominal), supplementPolicy: checked.value.supplementPolicy };
      const hash = contentHash({ content, raw: current.raw, localCode: current.localCode });
      if (hash === current.contentHash) throw invalid('WORKFLOW_UNCHANGED', 'Quy trình và cách tính thời hạn khi bổ sung không thay đổi so với phiên bản hiện hành; không tạo phiên bản mới.');
      const now = ctx.now();
      if (current.validFrom.getTime() >= now.getTime()) {
        throw conflict('VERSION_CHANGED', `Phiên bản hiện hành của thủ tục ${code} có hiệu lực từ ${formatInstantVN(current.validFrom.getTime())}; phiên bản mới phải có hiệu lực sau đó.`);
      }
      const version = current.version + 1;
      await closeOpenVersions(trx, ctx.provinceCode, [code], now);
      await insertVersions(trx, [{
        provinceCode: ctx.provinceCode, procedureCode: code, version, validFrom: now, contentHash: hash, content, problems: current.problems, raw: current.raw,
        processingDays: current.processingDays, processingHours: current.processingHours, agencies: current.agencies, createdAt: now, createdBy: actor.username,
      }]);
      await updateProcedureHeads(trx, ctx.provinceCode, [{ code, localCode: current.localCode, currentVersion: version }], now);
      await appendAudit(trx, {
        provinceCode: ctx.provinceCode, at: now, actor, action: 'procedure.workflow_update', entityType: 'procedure', entityId: code,
        details: {
          fromVersion: current.version, toVersion: version,
          before: { version: current.version, supplementPolicy: beforePolicy, steps: describeSteps(before.steps), source: before.source },
          after: { version, supplementPolicy: checked.value.supplementPolicy, steps: describeSteps(checked.value.steps) },
        },
        requestId: origin.requestId, address: origin.address,
      });
      return {
        procedureCode: code, version, previousVersion: current.version, validFrom: formatInstantVN(now.getTime()),
        steps: checked.value.steps.map(plainStep), supplementPolicy: checked.value.supplementPolicy,
      };
    });
  return answer;
}
