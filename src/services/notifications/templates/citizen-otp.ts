// The one-time sign-in code. Rendered at send time; a code past its expiry is not sent (the render
// refuses, which fails the message for good), and `code` is transient: the delivery job removes it from
// the stored payload once the message is sent or has failed.
import { signature, text, type NotificationTemplate } from './template.ts';

export const CITIZEN_OTP_TEMPLATES: NotificationTemplate[] = [
  {
    name: 'citizen.one_time_code',
    label: 'Mã đăng nhập một lần',
    transientFields: ['code'],
    render: (p, c) => {
      const code = text(p, 'code');
      const expiresAt = Date.parse(text(p, 'expiresAt'));
      if (code === '') throw new Error('Mã đăng nhập không còn trong thông báo (đã gửi hoặc đã xóa).');
      if (c.now !== undefined && !Number.isNaN(expiresAt) && c.now >= expiresAt) throw new Error('Mã đăng nhập đã hết hạn trước khi gửi được; không gửi.');
      const minutes = text(p, 'minutes', '5');
      return {
        subject: `Mã đăng nhập Dịch vụ công trực tuyến: ${code}`,
        text: [
          'Kính gửi ông/bà,',
          '',
          `Mã đăng nhập Dịch vụ công trực tuyến của ông/bà là: ${code}`,
          `Mã có hiệu lực trong ${minutes} phút và chỉ dùng được một lần.`,
          'Tuyệt đối không cung cấp mã này cho bất kỳ ai, kể cả người tự xưng là cán bộ.',
          'Nếu ông/bà không yêu cầu đăng nhập, vui lòng bỏ qua thư này.',
          '',
          signature(c),
        ].join('\n'),
        sms: `Ma dang nhap Dich vu cong truc tuyen: ${code}. Hieu luc ${minutes} phut. KHONG cung cap ma cho bat ky ai.`,
      };
    },
  },
];
