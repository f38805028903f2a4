// Tiếp nhận hồ sơ at any Center / Branch / Reception Point counter: the applicant is checked, the
// procedure version of the day is pinned, the competent agency is derived from the procedure's level and
// the applicant's commune (never from the counter), the location-free list is respected, the due instant
// is promised from the legal calendar, and the dossier gets its legal code — all in one transaction.
import { forbidden, invalid } from '../domain/errors.ts';
import {
  agencyIdentifierOf,
  checkFilingPlace,
  competentAgency,
  formatDossierCode,
  receivedDossier,
  sequenceDay,
  validateApplicant,
  type Applicant,
} from '../domain/dossier/index.ts';
import { checklistFor, missingDocuments, missingDocumentsError } from '../domain/dossier/checklist.ts';
import { clockStatus, procedureClock, startClock, supplementRequestDeadline } from '../domain/sla/index.ts';
import { INTAKE_STEP } from '../domain/dossier/history-labels.ts';
import { competentDepartmentCode } from '../domain/network/competent-department.ts';
import { isValidAt } from '../domain/network/unit.ts';
import { formatInstantVN } from '../domain/time/instant.ts';
import { versionAt } from '../store/procedures.ts';
import { listAllUnits } from '../store/units.ts';
import { appendAction, appendOutbox, insertDossier, nextDailySequence } from '../store/dossiers.ts';
import { appendAudit } from '../store/audit.ts';
import { unitCalendar } from './calendar.ts';
import { runIdempotent } from './idempotency.ts';
import { startWorkflow } from './dossier-workflow.ts';
import { openIntakePaperTransfer } from './paper-transfers.ts';
import { supplementPolicyOf } from '../domain/catalog/supplement-policy.ts';
import { recordDossierFacts } from './stats-facts.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';
import type { Db } from '../store/database.ts';

export interface IntakeRequest {
  procedureCode: string;
  applicant: unknown;
  returnUnitCode?: string | undefined;
  returnByPost?: boolean | undefined;
  channel?: 'direct' | 'postal' | undefined;
  documents?: Array<{ name: string; originals?: number; certifiedCopies?: number; photocopies?: number }> | undefined;
  /** The procedure case (trường hợp) whose papers and time limit apply; omitted: the common papers only. */
  caseName?: string | undefined;
  /** Land and building procedures: the commune where the property lies decides the competent agency. */
  propertyCommuneCode?: string | undefined;
  /** Where the post delivers the result (required with `returnByPost`). */
  returnAddress?: string | undefined;
  /** Fee and charge collected at the counter, in VND (phí, lệ phí), with the receipt (biên lai) number. */
  fee?: { amount: number; receiptNumber?: string | undefined } | undefined;
  /** The queue ticket the applicant was called with, kept for the service-time statistics. */
  ticketId?: string | undefined;
  idempotencyKey: string;
}

export interface IntakeAnswer {
  code: string;
  status: string;
  receivedAt: string;
  dueAt: string;
  receivingUnitCode: string;
  competentUnitCode: string;
  returnUnitCode: string;
}

const ONE_STOP_TYPES = new Set(['center', 'branch', 'reception_point']);

export async function receiveDossier(ctx: ServiceContext, actor: Actor, request: IntakeRequest, origin: RequestOrigin): Promise<IntakeAnswer> {
  if (!actor.roles.includes('reception')) throw forbidden('ROLE_NOT_ALLOWED', 'Chỉ cán bộ tiếp nhận được tiếp nhận hồ sơ.');
  const { idempotencyKey, ...fingerprint } = request;
  const { answer } = await runIdempotent(ctx.db, { scope: actor.username, key: idempotencyKey, command: 'dossier.intake', request: fingerprint }, (trx) =>
    intake(ctx, trx, actor, request, origin),
  );
  return answer;
}

async function intake(ctx: ServiceContext, trx: Db, actor: Actor, request: IntakeRequest, origin: RequestOrigin): Promise<IntakeAnswer> {
  const now = ctx.now();
  const at = now.getTime();
  const network = await listAllUnits(trx);
  const receiving = network.find((u) => u.code === actor.unitCode && isValidAt(u, at));
  if (!receiving || !ONE_STOP_TYPES.has(receiving.type)) {
    throw forbidden('NOT_A_RECEIVING_UNIT', 'Chỉ Trung tâm, Chi nhánh hoặc Điểm tiếp nhận đang hoạt động được tiếp nhận hồ sơ.', { unitCode: actor.unitCode });
  }
  const applicantCheck = validateApplicant(request.applicant, at);
  if (!applicantCheck.ok) throw applicantCheck.error;
  const applicant: Applicant = applicantCheck.value;

  const version = await versionAt(trx, ctx.provinceCode, request.procedureCode, now);
  if (!version) {
    throw invalid('UNKNOWN_PROCEDURE', `Không có thủ tục mã "${request.procedureCode}" trong danh mục đang áp dụng.`, { field: 'procedureCode' });
  }
  const content = version.content;
  if (content.timeLimit.unit === 'unparsed') {
    throw invalid('PROCEDURE_TIME_LIMIT_UNKNOWN', `Thủ tục "${content.name}" chưa có thời hạn giải quyết chuẩn hóa ("${content.timeLimit.text}"); quản trị danh mục cần bổ sung trước khi tiếp nhận.`,
      { field: 'procedureCode', value: request.procedureCode });
  }
  // The commune that decides routing: the property's for land and building procedures, else the applicant's.
  const propertyCommune = request.propertyCommuneCode?.trim() || null;
  if (propertyCommune !== null && !/^\d{5}$/.test(propertyCommune)) {
    throw invalid('UNKNOWN_COMMUNE', 'Trường "propertyCommuneCode": mã xã, phường nơi có tài sản phải gồm 5 chữ số theo danh mục hành chính.', { field: 'propertyCommuneCode', value: propertyCommune });
  }
  const communeCode = propertyCommune ?? applicant.address.communeCode;
  const communeField = propertyCommune !== null ? 'propertyCommuneCode' : undefined;
  const checklist = checklistFor(content, request.caseName?.trim() || null);
  if (!checklist.ok) throw checklist.error;
  // The API may leave the checklist out (paper checked elsewhere); when given, a missing required paper
  // blocks the receipt: the counter hands over the supplement form (Mẫu 02) instead of a receipt.
  if (request.documents !== undefined) {
    const missing = missingDocuments(checklist.value, request.documents);
    if (missing.length > 0) throw missingDocumentsError(missing);
  }
  const place = checkFilingPlace(network, { level: content.level, locationFree: version.locationFree, mustFileInOwnArea: content.mustFileInOwnArea,
    receivingUnitCode: receiving.code, communeCode, at, ...(communeField ? { communeField } : {}) });
  if (!place.ok) throw place.error;
  const departmentCode = content.level === 'province'
    ? competentDepartmentCode({ competentAuthority: content.agencies.competent, issuingMinistry: content.issuingMinistry, field: content.field }, ctx.provinceCode)
    : null;
  const competent = competentAgency(network, { level: content.level, communeCode, departmentCode, at, ...(communeField ? { communeField } : {}) });
  if (!competent.ok) throw competent.error;

  const returnUnitCode = request.returnUnitCode ?? receiving.code;
  const returnUnit = network.find((u) => u.code === returnUnitCode && isValidAt(u, at));
  if (!returnUnit || !ONE_STOP_TYPES.has(returnUnit.type)) {
    throw invalid('INVALID_RETURN_UNIT', `Nơi trả kết quả "${returnUnitCode}" phải là Trung tâm, Chi nhánh hoặc Điểm tiếp nhận đang hoạt động.`, { field: 'returnUnitCode' });
  }
  const returnAddress = request.returnAddress?.replace(/\s+/g, ' ').trim() || null;
  if (request.returnByPost && (returnAddress === null || returnAddress.length < 10)) {
    throw invalid('RETURN_ADDRESS_REQUIRED', 'Trường "returnAddress": trả kết quả qua bưu chính cần địa chỉ nhận đầy đủ (số nhà, đường, xã, huyện).', { field: 'returnAddress' });
  }
  if (request.fee !== undefined && !(Number.isSafeInteger(request.fee.amount) && request.fee.amount >= 0)) {
    throw invalid('INVALID_FEE', 'Trường "fee.amount": số tiền phí, lệ phí phải là số nguyên đồng, không âm.', { field: 'fee.amount', value: request.fee.amount });
  }

  // The promise is made on the receiving unit's calendar (its Saturday reception, its closures).
  const calendar = await unitCalendar(ctx, receiving.code, trx);
  // The procedure version decides how a supplement moves the clock (restart by default, Decree 61 art. 19 cl. 4).
  const clock = procedureClock(content.timeLimit, supplementPolicyOf(content));
  const status = clockStatus(calendar, startClock(calendar, clock, at), at);
  const supplementDeadline = supplementRequestDeadline(calendar, at);

  const identifier = agencyIdentifierOf(receiving);
  if (!identifier) throw invalid('NO_AGENCY_IDENTIFIER', `Đơn vị ${receiving.name} chưa có mã định danh (QCVN 102) để cấp mã hồ sơ.`);
  const sequence = await nextDailySequence(trx, ctx.provinceCode, identifier, sequenceDay(at));
  const code = formatDossierCode(identifier, at, sequence);
  const facts = receivedDossier({ receivingUnitCode: receiving.code, competentUnitCode: competent.value.code, returnUnitCode }, at, supplementDeadline, status.dueAt);

  await insertDossier(trx, ctx.provinceCode, {
    code,
    procedureCode: version.procedureCode,
    procedureVersion: version.version,
    procedureName: content.name,
    channel: request.channel ?? 'direct',
    applicant: applicant as unknown as Record<string, unknown>,
    applicantPhone: applicant.phone,
    applicantIdNumber: applicant.idNumber,
    applicantCommuneCode: communeCode,
    receivingUnitCode: receiving.code,
    competentUnitCode: competent.value.code,
    returnUnitCode,
    returnByPost: request.returnByPost ?? false,
    receivedAt: now,
    receivedBy: actor.username,
    clock,
    documents: request.documents ?? [],
    status: facts.status,
    dueAt: new Date(status.dueAt),
  });
  await appendAction(trx, ctx.provinceCode, code, {
    seq: 1, type: INTAKE_STEP, at: now, actorUsername: actor.username, actorRoles: actor.roles, actorUnitCode: actor.unitCode,
    fromStatus: null, toStatus: 'received', reason: null,
    payload: {
      supplementRequestDeadline: supplementDeadline, procedureVersion: version.version, filingPlace: place.value,
      caseName: request.caseName?.trim() || null,
      routingCommune: { basis: propertyCommune !== null ? 'property' : 'applicant', communeCode },
      returnAddress: request.returnByPost ? returnAddress : null,
      fee: request.fee ? { amount: request.fee.amount, currency: 'VND', receiptNumber: request.fee.receiptNumber?.trim() || null } : null,
      ticketId: request.ticketId ?? null,
    },
    clockEvents: [{ type: 'received', at }],
  });
  await startWorkflow(trx, ctx.provinceCode, code, { template: content.workflow, timeLimit: content.timeLimit, calendar, dueAt: status.dueAt });
  await openIntakePaperTransfer(ctx, trx, { code, receivingUnitCode: receiving.code, competentUnitCode: competent.value.code, receivedAt: at });
  await appendOutbox(trx, ctx.provinceCode, 'dossier.status_changed', code, { code, status: 'received', at: formatInstantVN(at) });
  await recordDossierFacts(trx, ctx.provinceCode, { code, seq: 1, action: INTAKE_STEP, at: now });
  await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor, action: 'dossier.intake', entityType: 'dossier', entityId: code,
    details: { procedureCode: version.procedureCode, competentUnitCode: competent.value.code }, requestId: origin.requestId, address: origin.address });
  return {
    code,
    status: 'received',
    receivedAt: formatInstantVN(at),
    dueAt: formatInstantVN(status.dueAt),
    receivingUnitCode: receiving.code,
    competentUnitCode: competent.value.code,
    returnUnitCode,
  };
}
