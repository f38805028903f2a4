// Nộp hồ sơ trực tuyến: a signed-in citizen files a procedure offered online (toàn trình or một phần)
// at the Center, Branch or Reception Point they choose. Same checks as the counter (applicant, version
// of the day, location-free list, competent agency from the procedure level and the applicant's
// commune) in one transaction. The dossier gets its code now and waits as "submitted online" (national
// status 1) in the receiving unit's queue; the legal clock starts when an officer receives it.
import { forbidden, invalid } from '../../domain/errors.ts';
import { agencyIdentifierOf, checkFilingPlace, competentAgency, formatDossierCode, sequenceDay, validateApplicant, type Applicant } from '../../domain/dossier/index.ts';
import { checkOnlineFiling, onlineFeeAmount, SUBMITTED_ONLINE, type ResultDelivery } from '../../domain/portal/online-filing.ts';
import { procedureClock } from '../../domain/sla/index.ts';
import { competentDepartmentCode } from '../../domain/network/competent-department.ts';
import { isValidAt } from '../../domain/network/unit.ts';
import { formatInstantVN } from '../../domain/time/instant.ts';
import { versionAt } from '../../store/procedures.ts';
import { listAllUnits } from '../../store/units.ts';
import { appendAction, appendOutbox, insertDossier, nextDailySequence } from '../../store/dossiers.ts';
import { insertOnlineFiling } from '../../store/portal.ts';
import { appendAudit } from '../../store/audit.ts';
import type { CitizenRecord } from '../../store/citizens.ts';
import { runIdempotent } from '../idempotency.ts';
import { citizenActor } from './citizen-auth.ts';
import type { RequestOrigin, ServiceContext } from '../context.ts';
import type { Db } from '../../store/database.ts';

export interface FiledDocument {
  name: string;
  /** Files uploaded through the attachments module (ids), when it is available. */
  fileIds?: string[] | undefined;
  note?: string | undefined;
}

export interface OnlineFilingRequest {
  procedureCode: string;
  caseName?: string | undefined;
  applicant: { fullName: string; idNumber: string; phone: string; email?: string | undefined; address: { communeCode: string; detail?: string | undefined } };
  receivingUnitCode: string;
  resultDelivery: ResultDelivery;
  returnUnitCode?: string | undefined;
  postalAddress?: string | undefined;
  documents: FiledDocument[];
  note?: string | undefined;
  idempotencyKey: string;
}

export interface OnlineFilingAnswer {
  code: string;
  status: string;
  submittedAt: string;
  receivingUnitCode: string;
  competentUnitCode: string;
  returnUnitCode: string;
  feeAmount: number;
}

const ONE_STOP_TYPES = new Set(['center', 'branch', 'reception_point']);

export async function fileOnline(ctx: ServiceContext, citizen: CitizenRecord, request: OnlineFilingRequest, origin: RequestOrigin): Promise<OnlineFilingAnswer> {
  // A citizen known only by a phone or e-mail (one-time code) follows dossiers but does not file: nobody
  // has verified whose name they would file in.
  if (!citizen.idNumber) {
    throw forbidden('ELECTRONIC_IDENTITY_REQUIRED', 'Nộp hồ sơ trực tuyến cần đăng nhập bằng tài khoản định danh điện tử (VNeID) có số định danh cá nhân; đăng nhập bằng mã một lần chỉ dùng để theo dõi, bổ sung, nộp phí và đánh giá hồ sơ.');
  }
  const { idempotencyKey, ...fingerprint } = request;
  const { answer } = await runIdempotent(ctx.db, { scope: `citizen:${citizen.id}`, key: idempotencyKey, command: 'dossier.file_online', request: fingerprint },
    (trx) => file(ctx, trx, citizen, request, origin));
  return answer;
}

async function file(ctx: ServiceContext, trx: Db, citizen: CitizenRecord, request: OnlineFilingRequest, origin: RequestOrigin): Promise<OnlineFilingAnswer> {
  const now = ctx.now();
  const at = now.getTime();
  const applicantCheck = validateApplicant({ kind: 'citizen', ...request.applicant }, at);
  if (!applicantCheck.ok) throw applicantCheck.error;
  const applicant: Applicant = applicantCheck.value;
  // Online dossiers stand in the name of the identified account holder (VNeID-verified identity number).
  if (applicant.idNumber !== citizen.idNumber) {
    throw forbidden('APPLICANT_NOT_ACCOUNT_HOLDER', 'Hồ sơ trực tuyến phải đứng tên chủ tài khoản định danh (số định danh không khớp).', { field: 'applicant.idNumber' });
  }

  const version = await versionAt(trx, ctx.provinceCode, request.procedureCode, now);
  if (!version) throw invalid('UNKNOWN_PROCEDURE', `Không có thủ tục mã "${request.procedureCode}" trong danh mục đang áp dụng.`, { field: 'procedureCode' });
  const content = version.content;
  checkOnlineFiling(content.onlineLevel, request.resultDelivery, request.postalAddress);
  if (content.timeLimit.unit === 'unparsed') {
    throw invalid('PROCEDURE_TIME_LIMIT_UNKNOWN', `Thủ tục "${content.name}" chưa có thời hạn giải quyết chuẩn hóa; chưa nhận hồ sơ trực tuyến.`, { field: 'procedureCode' });
  }
  if (request.caseName && !content.cases.some((c) => c.name === request.caseName)) {
    throw invalid('UNKNOWN_PROCEDURE_CASE', 'Trường hợp đã chọn không có trong thủ tục này.', { field: 'caseName' });
  }
  if (request.documents.length === 0) throw invalid('DOCUMENTS_REQUIRED', 'Cần kê khai ít nhất một thành phần hồ sơ.', { field: 'documents' });

  const network = await listAllUnits(trx);
  const oneStop = (code: string | undefined, field: string) => {
    const unit = network.find((u) => u.code === code && isValidAt(u, at));
    if (!unit || !ONE_STOP_TYPES.has(unit.type)) {
      throw invalid('INVALID_UNIT', `"${code ?? ''}" phải là Trung tâm, Chi nhánh hoặc Điểm tiếp nhận đang hoạt động.`, { field });
    }
    return unit;
  };
  const receiving = oneStop(request.receivingUnitCode, 'receivingUnitCode');
  const returnUnit = request.resultDelivery === 'unit' ? oneStop(request.returnUnitCode ?? receiving.code, 'returnUnitCode') : receiving;
  const communeCode = applicant.address.communeCode;
  const place = checkFilingPlace(network, { level: content.level, locationFree: version.locationFree, mustFileInOwnArea: content.mustFileInOwnArea,
    receivingUnitCode: receiving.code, communeCode, at });
  if (!place.ok) throw place.error;
  const departmentCode = content.level === 'province'
    ? competentDepartmentCode({ competentAuthority: content.agencies.competent, issuingMinistry: content.issuingMinistry, field: content.field }, ctx.provinceCode)
    : null;
  const competent = competentAgency(network, { level: content.level, communeCode, departmentCode, at });
  if (!competent.ok) throw competent.error;

  // Decree 61 art. 26 / Circular 01/2018 art. 19: the receiving agency's identifier, the date the system
  // took the dossier in and that agency's gap-free daily sequence (domain.md §4).
  const identifier = agencyIdentifierOf(receiving);
  if (!identifier) throw invalid('NO_AGENCY_IDENTIFIER', `Đơn vị ${receiving.name} chưa có mã định danh (QCVN 102) để cấp mã hồ sơ.`);
  const sequence = await nextDailySequence(trx, ctx.provinceCode, identifier, sequenceDay(at));
  const code = formatDossierCode(identifier, at, sequence);
  const feeAmount = onlineFeeAmount(content.channels);
  const documents = request.documents.map((d) => ({ name: d.name, fileIds: d.fileIds ?? [], ...(d.note ? { note: d.note } : {}), source: 'online' }));
  const actor = citizenActor(citizen);

  await insertDossier(trx, ctx.provinceCode, {
    code,
    procedureCode: version.procedureCode,
    procedureVersion: version.version,
    procedureName: content.name,
    channel: 'online',
    applicant: applicant as unknown as Record<string, unknown>,
    applicantPhone: applicant.phone,
    applicantIdNumber: applicant.idNumber,
    applicantCommuneCode: communeCode,
    receivingUnitCode: receiving.code,
    competentUnitCode: competent.value.code,
    returnUnitCode: returnUnit.code,
    returnByPost: request.resultDelivery === 'post',
    // Replaced by the officer's receipt instant; until then the submission instant.
    receivedAt: now,
    receivedBy: actor.username,
    clock: procedureClock(content.timeLimit, 'restart'),
    documents,
    status: SUBMITTED_ONLINE,
    dueAt: null,
  });
  await appendAction(trx, ctx.provinceCode, code, {
    seq: 1, type: 'submit_online', at: now, actorUsername: actor.username, actorRoles: actor.roles, actorUnitCode: receiving.code,
    fromStatus: null, toStatus: SUBMITTED_ONLINE, reason: null,
    payload: { procedureVersion: version.version, filingPlace: place.value, resultDelivery: request.resultDelivery, feeAmount },
    clockEvents: [],
  });
  await insertOnlineFiling(trx, ctx.provinceCode, {
    dossierCode: code, citizenId: citizen.id, submittedAt: now, onlineLevel: content.onlineLevel as 'full' | 'partial', caseName: request.caseName ?? null,
    form: { note: request.note ?? null, email: request.applicant.email ?? null }, resultDelivery: request.resultDelivery,
    postalAddress: request.resultDelivery === 'post' ? request.postalAddress!.trim() : null, feeAmount,
  });
  await appendOutbox(trx, ctx.provinceCode, 'dossier.status_changed', code, { code, status: SUBMITTED_ONLINE, channel: 'online', at: formatInstantVN(at) });
  await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor, action: 'dossier.file_online', entityType: 'dossier', entityId: code,
    details: { procedureCode: version.procedureCode, receivingUnitCode: receiving.code }, requestId: origin.requestId, address: origin.address });
  return {
    code, status: SUBMITTED_ONLINE, submittedAt: formatInstantVN(at), receivingUnitCode: receiving.code, competentUnitCode: competent.value.code,
    returnUnitCode: returnUnit.code, feeAmount,
  };
}
