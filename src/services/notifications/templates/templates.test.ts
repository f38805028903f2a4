import { describe, expect, it } from 'vitest';
import { findTemplate, renderNotification, templateNames, UnknownTemplateError } from './index.ts';

const context = { publicUrl: 'https://dichvucong.binhduong.gov.vn' };
const payload = {
  code: '000.00.53.H74-241209-0001', procedureName: 'Đăng ký khai sinh', applicantName: 'Nguyễn Văn An',
  receivedAt: '2024-12-09T09:00:00+07:00', dueAt: '2024-12-12T09:00:00+07:00', returnPlace: 'Điểm tiếp nhận Xã An Linh',
  reason: 'Thiếu giấy tờ', missingDocuments: ['Giấy chứng sinh'], previousDueAt: '2024-12-12T09:00:00+07:00', newDueAt: '2024-12-16T09:00:00+07:00',
  readyAt: '2024-12-10T10:00:00+07:00', remainingText: 'Còn 4 giờ', apologyDeadlineAt: '2024-12-11T09:00:00+07:00', byPost: false,
};

describe('notification templates', () => {
  it.each(templateNames())('%s renders Vietnamese text with the code and an unaccented SMS', (name) => {
    const message = renderNotification(name, payload, context);
    expect(message.subject).toContain(payload.code);
    expect(message.text).toContain(payload.code);
    for (const part of [message.subject, message.text, message.sms]) expect(part).not.toMatch(/undefined|null|NaN|\[object/);
    expect(message.sms).toMatch(/^[\x20-\x7e]+$/); // GSM-safe, no diacritics
    expect(findTemplate(name)!.label.length).toBeGreaterThan(3);
  });

  it('links the applicant to the public lookup of the dossier and never needs an ID number', () => {
    const message = renderNotification('dossier.received', payload, context);
    expect(message.text).toContain('https://dichvucong.binhduong.gov.vn/tra-cuu?ma=000.00.53.H74-241209-0001');
    expect(message.text).toContain('Ngày hẹn trả kết quả: 09:00 ngày 12/12/2024, tại Điểm tiếp nhận Xã An Linh.');
    expect(message.sms).toBe('Ho so 000.00.53.H74-241209-0001 da duoc tiep nhan. Hen tra ket qua 09:00 ngay 12/12/2024. Tra cuu: https://dichvucong.binhduong.gov.vn/tra-cuu?ma=000.00.53.H74-241209-0001');
    expect(renderNotification('dossier.result_ready', { ...payload, byPost: true }, context).text).toContain('qua dịch vụ bưu chính công ích');
  });

  it('tells where a result and an appointment go after a restructuring, with the new address and the kept time', () => {
    const moved = renderNotification('dossier.return_place_changed', { ...payload, effectiveDate: '01/01/2025', previousPlace: 'Điểm tiếp nhận Phường Chánh Mỹ',
      returnPlace: 'Chi nhánh Thủ Dầu Một', returnAddress: '1 Quang Trung, Phú Cường' }, context);
    expect(moved.text).toContain('từ ngày 01/01/2025 Điểm tiếp nhận Phường Chánh Mỹ không còn trả kết quả');
    expect(moved.text).toContain('tại Chi nhánh Thủ Dầu Một, địa chỉ 1 Quang Trung, Phú Cường');
    expect(moved.sms).toContain('tu 01/01/2025 nhan ket qua tai Chi nhanh Thu Dau Mot');
    const appointment = renderNotification('queue.appointment_moved', { code: 'LH-0042', fullName: 'Trần Thị Bình', slotStart: '2025-01-02T02:00:00.000Z',
      effectiveDate: '01/01/2025', previousPlace: 'Điểm tiếp nhận Phường Chánh Mỹ', place: 'Chi nhánh Thủ Dầu Một', address: null }, context);
    expect(appointment.text).toContain('Lịch hẹn LH-0042 lúc 09:00 ngày 02/01/2025 của ông/bà giữ nguyên giờ và chuyển sang Chi nhánh Thủ Dầu Một.');
    expect(appointment.sms).toBe('Lich hen LH-0042 luc 09:00 ngay 02/01/2025 chuyen sang Chi nhanh Thu Dau Mot, giu nguyen gio hen.');
  });

  it('refuses an unknown template by name', () => {
    expect(() => renderNotification('feedback.nope', payload, context)).toThrow(UnknownTemplateError);
  });
});
