// Messages to the applicant about their dossier (domain.md §3: "answered by e-mail/SMS"; issue 6:
// on receipt, supplement request, apology and new date, result ready, early completion).
import { instantText, lookupLink, signature, text, withoutDiacritics, type NotificationTemplate, type TemplateContext } from './template.ts';

const greeting = (payload: Record<string, unknown>) => `Kính gửi ông/bà ${text(payload, 'applicantName', 'người nộp hồ sơ')},`;

function body(payload: Record<string, unknown>, context: TemplateContext, lines: Array<string | false>): string {
  const code = text(payload, 'code');
  return [
    greeting(payload),
    '',
    ...lines.filter((l): l is string => l !== false),
    '',
    `Mã hồ sơ: ${code}`,
    `Thủ tục: ${text(payload, 'procedureName')}`,
    `Tra cứu tình trạng hồ sơ (cần mã hồ sơ và số điện thoại đã khai): ${lookupLink(context, code)}`,
    '',
    signature(context),
  ].join('\n');
}

const sms = (context: TemplateContext, code: string, sentence: string) => withoutDiacritics(`${sentence} Tra cuu: ${lookupLink(context, code)}`);

const returnPlace = (payload: Record<string, unknown>) =>
  payload.byPost === true ? 'qua dịch vụ bưu chính công ích tới địa chỉ đã đăng ký' : `tại ${text(payload, 'returnPlace', 'nơi đã hẹn')}`;

export const DOSSIER_TEMPLATES: NotificationTemplate[] = [
  {
    name: 'dossier.received',
    label: 'Tiếp nhận hồ sơ',
    render: (p, c) => ({
      subject: `Hồ sơ ${text(p, 'code')} đã được tiếp nhận`,
      text: body(p, c, [
        `Hồ sơ của ông/bà đã được tiếp nhận lúc ${instantText(p, 'receivedAt')}.`,
        `Ngày hẹn trả kết quả: ${instantText(p, 'dueAt')}, ${returnPlace(p)}.`,
      ]),
      sms: sms(c, text(p, 'code'), `Ho so ${text(p, 'code')} da duoc tiep nhan. Hen tra ket qua ${instantText(p, 'dueAt')}.`),
    }),
  },
  {
    name: 'dossier.supplement_requested',
    label: 'Yêu cầu bổ sung hồ sơ',
    render: (p, c) => {
      const missing = Array.isArray(p.missingDocuments) ? (p.missingDocuments as unknown[]).filter((d): d is string => typeof d === 'string') : [];
      return {
        subject: `Hồ sơ ${text(p, 'code')} cần bổ sung, hoàn thiện`,
        text: body(p, c, [
          'Cơ quan giải quyết đề nghị ông/bà bổ sung, hoàn thiện hồ sơ (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ).',
          `Lý do: ${text(p, 'reason', 'không ghi')}`,
          missing.length > 0 && `Giấy tờ cần bổ sung:\n${missing.map((d) => `  - ${d}`).join('\n')}`,
          'Thời hạn giải quyết được tính lại từ khi nhận đủ hồ sơ. Ông/bà có thể nộp bổ sung tại bất kỳ Trung tâm, Chi nhánh hoặc Điểm tiếp nhận nào, hoặc trực tuyến.',
        ]),
        sms: sms(c, text(p, 'code'), `Ho so ${text(p, 'code')} can bo sung: ${text(p, 'reason', 'xem chi tiet')}.`.slice(0, 300)),
      };
    },
  },
  {
    name: 'dossier.extended',
    label: 'Xin lỗi và hẹn lại ngày trả kết quả',
    render: (p, c) => ({
      subject: `Hồ sơ ${text(p, 'code')}: xin lỗi và hẹn lại ngày trả kết quả`,
      text: body(p, c, [
        'Cơ quan giải quyết thành thật xin lỗi ông/bà vì hồ sơ chưa thể trả kết quả đúng hẹn (Phiếu xin lỗi và hẹn lại ngày trả kết quả).',
        `Lý do: ${text(p, 'reason', 'không ghi')}`,
        text(p, 'previousDueAt') !== '' && `Ngày hẹn trước đây: ${instantText(p, 'previousDueAt')}.`,
        `Ngày hẹn trả kết quả mới: ${instantText(p, 'newDueAt')}.`,
      ]),
      sms: sms(c, text(p, 'code'), `Xin loi ong/ba: ho so ${text(p, 'code')} duoc hen lai ngay tra ket qua ${instantText(p, 'newDueAt')}.`),
    }),
  },
  {
    name: 'dossier.due_changed',
    label: 'Ngày hẹn thay đổi theo lịch làm việc',
    render: (p, c) => ({
      subject: `Hồ sơ ${text(p, 'code')}: ngày hẹn trả kết quả thay đổi`,
      text: body(p, c, [
        'Lịch làm việc của cơ quan nhà nước vừa được điều chỉnh (ngày nghỉ được công bố sau khi ông/bà nộp hồ sơ), nên ngày hẹn trả kết quả thay đổi theo.',
        text(p, 'previousDueAt') !== '' && `Ngày hẹn trước đây: ${instantText(p, 'previousDueAt')}.`,
        `Ngày hẹn trả kết quả mới: ${instantText(p, 'newDueAt')}.`,
      ]),
      sms: sms(c, text(p, 'code'), `Ho so ${text(p, 'code')}: ngay hen tra ket qua doi thanh ${instantText(p, 'newDueAt')} do dieu chinh lich lam viec.`),
    }),
  },
  {
    // A restructuring closed the unit where the result was to be returned (domain.md §1: open dossiers
    // continue at the successor units); the applicant learns the new place before going to the old one.
    name: 'dossier.return_place_changed',
    label: 'Đổi nơi trả kết quả do sắp xếp đơn vị',
    render: (p, c) => ({
      subject: `Hồ sơ ${text(p, 'code')}: đổi nơi trả kết quả`,
      text: body(p, c, [
        `Do sắp xếp lại đơn vị, từ ngày ${text(p, 'effectiveDate')} ${text(p, 'previousPlace', 'nơi đã hẹn')} không còn trả kết quả hồ sơ.`,
        `Kết quả hồ sơ của ông/bà sẽ được trả tại ${text(p, 'returnPlace')}${text(p, 'returnAddress') ? `, địa chỉ ${text(p, 'returnAddress')}` : ''}.`,
        'Thời hạn giải quyết đã hẹn không thay đổi.',
      ]),
      sms: sms(c, text(p, 'code'), `Ho so ${text(p, 'code')}: tu ${text(p, 'effectiveDate')} nhan ket qua tai ${text(p, 'returnPlace')}.`),
    }),
  },
  {
    name: 'dossier.result_ready',
    label: 'Có kết quả giải quyết',
    render: (p, c) => ({
      subject: `Hồ sơ ${text(p, 'code')} đã có kết quả`,
      text: body(p, c, [
        `Hồ sơ của ông/bà đã có kết quả giải quyết lúc ${instantText(p, 'readyAt')}.`,
        `Kết quả được trả ${returnPlace(p)}. Khi nhận, vui lòng mang theo giấy tiếp nhận hồ sơ và giấy tờ tùy thân.`,
      ]),
      sms: sms(c, text(p, 'code'), `Ho so ${text(p, 'code')} da co ket qua. Moi ong/ba den nhan theo hen.`),
    }),
  },
  {
    name: 'dossier.completed_early',
    label: 'Có kết quả trước hạn',
    render: (p, c) => ({
      subject: `Hồ sơ ${text(p, 'code')} đã có kết quả trước hạn`,
      text: body(p, c, [
        `Hồ sơ của ông/bà đã có kết quả lúc ${instantText(p, 'readyAt')}, trước ngày hẹn ${instantText(p, 'dueAt')}.`,
        `Ông/bà có thể nhận kết quả ngay từ bây giờ ${returnPlace(p)}, không cần chờ đến ngày hẹn. Khi nhận, vui lòng mang theo giấy tiếp nhận hồ sơ và giấy tờ tùy thân.`,
      ]),
      sms: sms(c, text(p, 'code'), `Ho so ${text(p, 'code')} da co ket qua truoc han. Ong/ba co the nhan ngay.`),
    }),
  },
  {
    name: 'dossier.rejected',
    label: 'Từ chối giải quyết',
    render: (p, c) => ({
      subject: `Hồ sơ ${text(p, 'code')} không được giải quyết`,
      text: body(p, c, [
        'Cơ quan có thẩm quyền thông báo hồ sơ của ông/bà không đủ điều kiện giải quyết.',
        `Lý do: ${text(p, 'reason', 'không ghi')}`,
        'Ông/bà có thể liên hệ nơi nộp hồ sơ để được hướng dẫn.',
      ]),
      sms: sms(c, text(p, 'code'), `Ho so ${text(p, 'code')} khong duoc giai quyet. Ly do: ${text(p, 'reason', 'xem chi tiet')}.`.slice(0, 300)),
    }),
  },
];
