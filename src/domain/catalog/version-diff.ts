// What changed between two versions of a procedure, field by field, in words an administrator reads:
// "Thời hạn giải quyết: 15 ngày làm việc → 10 ngày làm việc", "Thành phần hồ sơ: thêm …; bỏ …".
import type { NormalisedDuration } from './duration.ts';
import type { Fee } from './fee.ts';
import type { ChannelTerms, ProcedureContent } from './procedure-content.ts';

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

const LEVEL_VI = { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' } as const;
const ONLINE_VI = { full: 'Toàn trình', partial: 'Một phần', none: 'Không' } as const;
const CHANNEL_VI = { direct: 'Trực tiếp', online: 'Trực tuyến', postal: 'Bưu chính' } as const;
const yesNo = (v: boolean) => (v ? 'Có' : 'Không');
const text = (v: string | null | undefined) => (v ?? '').trim() || '(trống)';

export function durationVi(d: NormalisedDuration): string {
  switch (d.unit) {
    case 'days': return `${d.value} ngày làm việc`;
    case 'hours': return `${d.value} giờ làm việc`;
    case 'sameDay': return 'Trong ngày';
    case 'sameDayOrNextIfAfter': return `Trong ngày (sau ${d.cutoff} thì ngày làm việc tiếp theo)`;
    default: return `Chưa chuẩn hóa ("${(d as { text?: string }).text ?? ''}")`;
  }
}

export function feeVi(fee: Fee): string {
  switch (fee.kind) {
    case 'free': return 'Miễn phí';
    case 'amount': return `${fee.amount.toLocaleString('vi-VN')} ${fee.currency === 'VND' ? 'đồng' : fee.currency}`;
    case 'unspecified': return 'Không quy định';
    default: return fee.text;
  }
}

const channelsVi = (channels: readonly ChannelTerms[]) =>
  channels.map((c) => `${CHANNEL_VI[c.channel]}: ${durationVi(c.duration)}, ${feeVi(c.fee)}`).join('; ') || '(không có)';

/** A list compared by its items' names: "thêm: a; b · bỏ: c", or null when the same. */
function listChange(before: readonly string[], after: readonly string[]): { before: string; after: string } | null {
  const removed = before.filter((n) => !after.includes(n));
  const added = after.filter((n) => !before.includes(n));
  if (added.length === 0 && removed.length === 0) {
    return before.join('\u0000') === after.join('\u0000') ? null : { before: 'thứ tự cũ', after: 'thứ tự mới' };
  }
  return { before: removed.length > 0 ? `bỏ: ${removed.join('; ')}` : '—', after: added.length > 0 ? `thêm: ${added.join('; ')}` : '—' };
}

type Comparable = Pick<ProcedureContent, 'name' | 'field' | 'fieldCode' | 'level' | 'onlineLevel' | 'mustFileInOwnArea' | 'onlinePaymentRequired'
  | 'digitallySignedResult' | 'timeLimit' | 'channels' | 'documents' | 'cases' | 'results' | 'agencies' | 'applicants' | 'conditions' | 'legalBasis'
  | 'issuingMinistry' | 'publishingDecision'>;

export function diffVersions(before: Comparable, after: Comparable): FieldChange[] {
  const changes: FieldChange[] = [];
  const scalar = (field: string, label: string, a: string, b: string) => {
    if (a !== b) changes.push({ field, label, before: a, after: b });
  };
  scalar('name', 'Tên thủ tục', before.name, after.name);
  scalar('field', 'Lĩnh vực', `${before.field}${before.fieldCode ? ` (${before.fieldCode})` : ''}`, `${after.field}${after.fieldCode ? ` (${after.fieldCode})` : ''}`);
  scalar('level', 'Cấp thực hiện', LEVEL_VI[before.level], LEVEL_VI[after.level]);
  scalar('timeLimit', 'Thời hạn giải quyết', durationVi(before.timeLimit), durationVi(after.timeLimit));
  scalar('channels', 'Thời hạn và phí theo cách thức nộp', channelsVi(before.channels), channelsVi(after.channels));
  scalar('onlineLevel', 'Dịch vụ công trực tuyến', ONLINE_VI[before.onlineLevel], ONLINE_VI[after.onlineLevel]);
  scalar('mustFileInOwnArea', 'Phải nộp tại địa bàn', yesNo(before.mustFileInOwnArea), yesNo(after.mustFileInOwnArea));
  scalar('onlinePaymentRequired', 'Bắt buộc thanh toán trực tuyến', yesNo(before.onlinePaymentRequired), yesNo(after.onlinePaymentRequired));
  scalar('digitallySignedResult', 'Kết quả ký số', yesNo(before.digitallySignedResult), yesNo(after.digitallySignedResult));
  const docs = listChange(before.documents.map((d) => d.name), after.documents.map((d) => d.name));
  if (docs) changes.push({ field: 'documents', label: 'Thành phần hồ sơ', ...docs });
  else {
    const counts = (c: Comparable) => c.documents.map((d) => `${d.originals ?? '-'}/${d.certifiedCopies ?? d.copies ?? '-'}/${d.photocopies ?? '-'}`).join(' ');
    if (counts(before) !== counts(after)) changes.push({ field: 'documents', label: 'Số bản giấy tờ (chính/sao/chụp)', before: counts(before), after: counts(after) });
  }
  const cases = listChange(before.cases.map((c) => c.name), after.cases.map((c) => c.name));
  if (cases) changes.push({ field: 'cases', label: 'Trường hợp', ...cases });
  const results = listChange(before.results.map((r) => r.name), after.results.map((r) => r.name));
  if (results) changes.push({ field: 'results', label: 'Kết quả thực hiện', ...results });
  scalar('agencies.competent', 'Cơ quan có thẩm quyền', text(before.agencies.competent), text(after.agencies.competent));
  scalar('agencies.implementing', 'Cơ quan thực hiện', text(before.agencies.implementing), text(after.agencies.implementing));
  scalar('agencies.coordinating', 'Cơ quan phối hợp', text(before.agencies.coordinating), text(after.agencies.coordinating));
  scalar('applicants', 'Đối tượng thực hiện', text(before.applicants), text(after.applicants));
  scalar('conditions', 'Yêu cầu, điều kiện', text(before.conditions), text(after.conditions));
  scalar('legalBasis', 'Căn cứ pháp lý', text(before.legalBasis), text(after.legalBasis));
  scalar('publishingDecision', 'Quyết định công bố', text(before.publishingDecision), text(after.publishingDecision));
  return changes;
}
