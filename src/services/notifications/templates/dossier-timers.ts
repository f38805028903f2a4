// In-app messages to officers from the dossier timers (due soon, apology reminder, overdue).
import { instantText, text, withoutDiacritics, type NotificationTemplate, type TemplateContext } from './template.ts';

const deskLink = (c: TemplateContext, code: string) => `${c.publicUrl}/xu-ly/${encodeURIComponent(code)}`;

const staff = (subject: string, lines: string[], p: Record<string, unknown>, c: TemplateContext) => ({
  subject,
  text: [...lines, '', `Thủ tục: ${text(p, 'procedureName')}`, `Mở hồ sơ: ${deskLink(c, text(p, 'code'))}`].join('\n'),
  sms: withoutDiacritics(subject),
});

export const STAFF_TIMER_TEMPLATES: NotificationTemplate[] = [
  {
    name: 'dossier.due_soon',
    label: 'Cảnh báo sắp đến hạn',
    render: (p, c) => staff(`Hồ sơ ${text(p, 'code')} sắp đến hạn trả kết quả`, [
      `Hồ sơ ${text(p, 'code')} hẹn trả lúc ${instantText(p, 'dueAt')} (${text(p, 'remainingText')}).`,
    ], p, c),
  },
  {
    name: 'dossier.apology_reminder',
    label: 'Nhắc lập phiếu xin lỗi và hẹn lại',
    render: (p, c) => staff(`Hồ sơ ${text(p, 'code')}: hạn cuối lập Phiếu xin lỗi và hẹn lại (Mẫu 04)`, [
      `Hồ sơ ${text(p, 'code')} hẹn trả lúc ${instantText(p, 'dueAt')}.`,
      `Nếu không kịp trả kết quả đúng hẹn, cơ quan phải gửi Phiếu xin lỗi và hẹn lại ngày trả kết quả chậm nhất lúc ${instantText(p, 'apologyDeadlineAt')} (01 ngày làm việc trước ngày hẹn; chỉ được hẹn lại một lần).`,
    ], p, c),
  },
  {
    name: 'dossier.overdue',
    label: 'Hồ sơ quá hạn',
    render: (p, c) => staff(`Hồ sơ ${text(p, 'code')} đã quá hạn`, [
      `Hồ sơ ${text(p, 'code')} đã quá ngày hẹn trả kết quả (${instantText(p, 'dueAt')}) mà chưa có kết quả.`,
    ], p, c),
  },
];
