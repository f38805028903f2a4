// Vietnamese strings of the notification lists (a dossier's messages; an officer's warnings).
export const notifyVi = {
  title: 'Thông báo đã gửi',
  empty: 'Chưa có thông báo nào về hồ sơ này.',
  loading: 'Đang tải thông báo…',
  failedToLoad: 'Không tải được danh sách thông báo.',
  channel: { email: 'E-mail', sms: 'SMS', inapp: 'Trong ứng dụng' },
  status: { queued: 'Đang chờ gửi', sent: 'Đã gửi', delivered: 'Đã nhận', failed: 'Không gửi được' },
  columns: { what: 'Nội dung', channel: 'Kênh', recipient: 'Người nhận', status: 'Tình trạng', at: 'Thời điểm' },
  attempts: 'Số lần gửi: {{count}}',
  error: 'Lỗi: {{error}}',
  mineTitle: 'Cảnh báo của tôi',
};

export type NotifyMessages = typeof notifyVi;
