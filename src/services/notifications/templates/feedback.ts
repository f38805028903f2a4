// Messages to the sender of a question or feedback (phản ánh, kiến nghị): receipt with the deadline,
// refusal with its reason, a request for more information, the answer, its publication.
import { instantText, signature, text, withoutDiacritics, type NotificationTemplate, type TemplateContext } from './template.ts';

const trackLink = (p: Record<string, unknown>, c: TemplateContext) => `${c.publicUrl}${text(p, 'lookupPath', '/hoi-dap/theo-doi')}`;

function body(p: Record<string, unknown>, c: TemplateContext, lines: string[]): string {
  return [
    `Kính gửi ông/bà ${text(p, 'fullName', 'người gửi')},`,
    '',
    ...lines,
    '',
    `Mã theo dõi: ${text(p, 'code')}`,
    `Theo dõi (cần mã theo dõi và số điện thoại đã khai): ${trackLink(p, c)}`,
    '',
    signature(c),
  ].join('\n');
}

const sms = (p: Record<string, unknown>, c: TemplateContext, sentence: string) => withoutDiacritics(`${sentence} Ma ${text(p, 'code')}. Theo doi: ${trackLink(p, c)}`);

export const FEEDBACK_TEMPLATES: NotificationTemplate[] = [
  {
    name: 'feedback.received',
    label: 'Tiếp nhận câu hỏi, phản ánh',
    render: (p, c) => ({
      subject: `Đã tiếp nhận câu hỏi/phản ánh ${text(p, 'code')}`,
      text: body(p, c, ['Câu hỏi/phản ánh của ông/bà đã được tiếp nhận.', `Hạn trả lời: ${instantText(p, 'dueAt') || 'theo quy định'}.`]),
      sms: sms(p, c, `Da tiep nhan cau hoi/phan anh. Han tra loi ${instantText(p, 'dueAt')}.`),
    }),
  },
  {
    name: 'feedback.refused',
    label: 'Từ chối tiếp nhận câu hỏi, phản ánh',
    render: (p, c) => ({
      subject: `Câu hỏi/phản ánh ${text(p, 'code')} không được tiếp nhận xử lý`,
      text: body(p, c, ['Câu hỏi/phản ánh của ông/bà không được tiếp nhận xử lý.', `Lý do: ${text(p, 'text', '(xem trang theo dõi)')}`]),
      sms: sms(p, c, 'Cau hoi/phan anh khong duoc tiep nhan xu ly; xem ly do tai trang theo doi.'),
    }),
  },
  {
    name: 'feedback.info_requested',
    label: 'Đề nghị bổ sung thông tin',
    render: (p, c) => ({
      subject: `Đề nghị bổ sung thông tin cho câu hỏi/phản ánh ${text(p, 'code')}`,
      text: body(p, c, ['Để trả lời, cơ quan cần ông/bà bổ sung thông tin:', text(p, 'text', '(xem trang theo dõi)')]),
      sms: sms(p, c, 'Can bo sung thong tin cho cau hoi/phan anh.'),
    }),
  },
  {
    name: 'feedback.answered',
    label: 'Trả lời câu hỏi, phản ánh',
    render: (p, c) => ({
      subject: `Trả lời câu hỏi/phản ánh ${text(p, 'code')}`,
      text: body(p, c, ['Câu hỏi/phản ánh của ông/bà đã được trả lời:', text(p, 'text', '(xem trang theo dõi)'), '', 'Ông/bà có thể đánh giá câu trả lời tại trang theo dõi.']),
      sms: sms(p, c, 'Cau hoi/phan anh da duoc tra loi; xem va danh gia tai trang theo doi.'),
    }),
  },
  {
    name: 'feedback.published',
    label: 'Công khai câu trả lời',
    render: (p, c) => ({
      subject: `Câu trả lời ${text(p, 'code')} đã được công khai`,
      text: body(p, c, ['Câu trả lời cho câu hỏi/phản ánh của ông/bà đã được công khai (ẩn thông tin cá nhân) trên trang Hỏi đáp.']),
      sms: sms(p, c, 'Cau tra loi da duoc cong khai (an thong tin ca nhan).'),
    }),
  },
];
