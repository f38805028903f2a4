// Messages to citizens about their queue appointments (lịch hẹn). Today one: a restructuring closed the
// point where the appointment was booked; it keeps its time at the successor, and the citizen is told where.
import { instantText, signature, text, withoutDiacritics, type NotificationTemplate } from './template.ts';

export const QUEUE_TEMPLATES: NotificationTemplate[] = [
  {
    name: 'queue.appointment_moved',
    label: 'Chuyển lịch hẹn do sắp xếp đơn vị',
    render: (p, c) => {
      const place = `${text(p, 'place')}${text(p, 'address') ? ` (${text(p, 'address')})` : ''}`;
      const slot = instantText(p, 'slotStart');
      return {
        subject: `Lịch hẹn ${text(p, 'code')} chuyển sang ${text(p, 'place')}`,
        text: [
          `Kính gửi ông/bà ${text(p, 'fullName', 'đã đặt lịch')},`,
          '',
          `Do sắp xếp lại đơn vị, từ ngày ${text(p, 'effectiveDate')} ${text(p, 'previousPlace', 'nơi đã đặt lịch')} không còn tiếp nhận hồ sơ.`,
          `Lịch hẹn ${text(p, 'code')} lúc ${slot} của ông/bà giữ nguyên giờ và chuyển sang ${place}.`,
          'Khi đến, ông/bà vui lòng đưa mã lịch hẹn và số điện thoại đã đăng ký để lấy số thứ tự.',
          '',
          signature(c),
        ].join('\n'),
        sms: withoutDiacritics(`Lich hen ${text(p, 'code')} luc ${slot} chuyen sang ${place}, giu nguyen gio hen.`),
      };
    },
  },
];
