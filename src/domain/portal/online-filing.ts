// Online filing rules (domain.md §2, §3, §8): which procedures a citizen may file online, where the
// result may be received, the fee to pay online, and the extra status "submitted online, not yet
// received" (national portal code 1) that precedes the contract's statuses.
import { invalid } from '../errors.ts';
import type { Fee } from '../catalog/fee.ts';
import type { OnlineLevel } from '../catalog/online-level.ts';
import type { ChannelTerms } from '../catalog/procedure-content.ts';
import { portalStatusCode, STATUS_LABELS_VI, isDossierStatus, type PortalStatusCode, type PortalStatusContext } from '../dossier/status.ts';

/** Mới đăng ký: filed on the portal, waiting for the receiving unit's officer (national code 1). It is a
 * sub-step before `received`; every contract status keeps its meaning. */
export const SUBMITTED_ONLINE = 'submitted_online';
export const SUBMITTED_ONLINE_LABEL_VI = 'Đã nộp trực tuyến, chờ tiếp nhận';

/** History steps the portal adds (the officer's receipt of an online filing, the citizen's own acts). */
export const PORTAL_STEP_LABELS_VI: Record<string, string> = {
  submit_online: 'Nộp hồ sơ trực tuyến',
  receive_online: 'Tiếp nhận hồ sơ trực tuyến',
  refuse_online: 'Từ chối tiếp nhận hồ sơ trực tuyến',
  fee_paid: 'Đã nộp phí, lệ phí trực tuyến',
  citizen_supplement: 'Người nộp gửi hồ sơ bổ sung trực tuyến',
};

export function statusLabelVi(status: string): string {
  if (status === SUBMITTED_ONLINE) return SUBMITTED_ONLINE_LABEL_VI;
  return isDossierStatus(status) ? STATUS_LABELS_VI[status] : status;
}

/** The national code, with the online sub-step: 1 before receipt, 3 when the receipt was refused. */
export function portalCodeOf(status: string, context: { rejectedAtReceipt: boolean; refusedOnline: boolean; pauseReason?: PortalStatusContext['pauseReason'] }): PortalStatusCode {
  if (status === SUBMITTED_ONLINE) return 1;
  if (status === 'rejected' && context.refusedOnline) return 3;
  return isDossierStatus(status) ? portalStatusCode(status, { rejectedAtReceipt: context.rejectedAtReceipt, pauseReason: context.pauseReason ?? null }) : 1;
}

export type ResultDelivery = 'unit' | 'online' | 'post';
export const RESULT_DELIVERIES: readonly ResultDelivery[] = ['unit', 'online', 'post'];

/** Toàn trình: result online or by post allowed; một phần: filing online, the result at a counter. */
export function checkOnlineFiling(onlineLevel: OnlineLevel, delivery: ResultDelivery, postalAddress: string | undefined): void {
  if (onlineLevel === 'none') {
    throw invalid('PROCEDURE_NOT_ONLINE', 'Thủ tục này chưa cung cấp dịch vụ công trực tuyến; vui lòng nộp tại Trung tâm, Chi nhánh hoặc Điểm tiếp nhận.', { field: 'procedureCode' });
  }
  if (onlineLevel === 'partial' && delivery !== 'unit') {
    throw invalid('RESULT_DELIVERY_NOT_ALLOWED', 'Thủ tục trực tuyến một phần: kết quả được nhận tại Trung tâm, Chi nhánh hoặc Điểm tiếp nhận đã chọn.', { field: 'resultDelivery' });
  }
  if (delivery === 'post' && !(postalAddress && postalAddress.trim().length >= 10)) {
    throw invalid('POSTAL_ADDRESS_REQUIRED', 'Nhận kết quả qua bưu chính: cần địa chỉ nhận đầy đủ (số nhà, đường, xã/phường).', { field: 'postalAddress' });
  }
}

/** The fee to pay online, in VND (0 = nothing to pay online): the online channel's published fee, else
 * the direct channel's. A fee the catalog could not read as one amount is not collected online. */
export function onlineFeeAmount(channels: readonly ChannelTerms[]): number {
  const terms = channels.find((c) => c.channel === 'online') ?? channels.find((c) => c.channel === 'direct');
  const fee: Fee | undefined = terms?.fee;
  return fee?.kind === 'amount' && fee.currency === 'VND' ? fee.amount : 0;
}
