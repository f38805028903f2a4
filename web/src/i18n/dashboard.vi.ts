// Vietnamese strings of the operations dashboard (Điều hành). dashboard.en.ts is typed against it.
export const dashboardVi = {
  title: 'Điều hành',
  scope: '{{unit}} — từ {{from}} đến {{to}}',
  loading: 'Đang tải số liệu…',
  exportPeriod: 'Tải báo cáo kỳ (Excel)',
  reports: {
    title: 'Báo cáo',
    period: 'Báo cáo tình hình giải quyết TTHC trong kỳ',
    'daily-intake': 'Tiếp nhận hồ sơ theo ngày',
    satisfaction: 'Đánh giá sự hài lòng',
    officers: 'Kết quả giải quyết theo cán bộ',
    dailyLimit: 'Báo cáo theo ngày: tối đa 366 ngày.',
  },
  queue: {
    title: 'Thời gian chờ tại quầy (từ lấy số đến khi được gọi)',
    unit: 'Đơn vị', group: 'Nhóm dịch vụ', allGroups: 'Tất cả nhóm', tickets: 'Số phiếu', called: 'Đã gọi',
    average: 'Chờ trung bình (phút)', p90: '90% chờ không quá (phút)', none: 'Không có số thứ tự nào được cấp trong kỳ.',
  },
  exportLate: 'Tải danh sách hồ sơ quá hạn, sắp đến hạn (Excel)',
  hours: 'giờ',
  filter: {
    from: 'Từ ngày', to: 'Đến ngày', unit: 'Đơn vị', field: 'Lĩnh vực', procedure: 'Mã thủ tục', channel: 'Kênh nộp', all: 'Tất cả', apply: 'Xem',
  },
  channel: { direct: 'Trực tiếp', online: 'Trực tuyến', postal: 'Bưu chính công ích' },
  structure: {
    label: 'Cơ cấu đơn vị', current: 'Theo đơn vị ghi nhận số liệu', asOf: 'Theo cơ cấu tại ngày…', mapped: 'Quy về đơn vị kế thừa hiện nay', at: 'Cơ cấu tại ngày',
    note: {
      asOf: 'Số liệu theo đơn vị được đọc theo cơ cấu tại ngày {{at}}; tổng số không đổi.',
      mapped: 'Số liệu theo đơn vị được quy về đơn vị kế thừa hiện nay (đơn vị bị chia tách phân bổ theo xã/phường của người nộp); tổng số không đổi.',
    },
  },
  kpi: {
    carriedOver: 'Kỳ trước chuyển qua', received: 'Tiếp nhận', finished: 'Đã giải quyết', early: 'Giải quyết trước hạn', onTime: 'Giải quyết đúng hạn',
    late: 'Giải quyết quá hạn', inProgressOnTime: 'Đang xử lý trong hạn', overdue: 'Đang xử lý quá hạn', returned: 'Đã trả kết quả',
    supplements: 'Lượt yêu cầu bổ sung', rejected: 'Từ chối', withdrawn: 'Rút hồ sơ', onTimeRate: 'Tỷ lệ trước và đúng hạn',
    averageHours: 'Thời gian giải quyết trung bình (giờ)', satisfaction: 'Hài lòng',
  },
  charts: {
    channel: 'Tiếp nhận theo kênh', finished: 'Kết quả giải quyết', byUnit: 'Theo Trung tâm, Chi nhánh, Điểm tiếp nhận',
    byAgency: 'Theo cơ quan giải quyết', processing: 'Thời gian giải quyết trung bình theo thủ tục', daily: 'Tiếp nhận và giải quyết theo ngày',
    map: 'Bản đồ theo huyện',
  },
  map: { measure: 'Chỉ tiêu tô màu', received: 'Hồ sơ tiếp nhận', finishedLate: 'Giải quyết quá hạn', inProgressOverdue: 'Đang xử lý quá hạn', onTimeRate: 'Tỷ lệ đúng hạn (%)' },
  table: { unit: 'Đơn vị' },
  measure: {
    received: 'tiếp nhận', finished: 'đã giải quyết', finished_early: 'giải quyết trước hạn', finished_on_time: 'giải quyết đúng hạn',
    finished_late: 'giải quyết quá hạn', returned: 'đã trả kết quả', rejected: 'từ chối', withdrawn: 'rút hồ sơ', supplement_requests: 'yêu cầu bổ sung',
    in_progress_on_time: 'đang xử lý trong hạn', in_progress_overdue: 'đang xử lý quá hạn',
  },
  drill: {
    title: 'Hồ sơ {{measure}}', back: '← Về bảng điều hành', total: '{{count}} hồ sơ', code: 'Mã hồ sơ', procedure: 'Thủ tục',
    received: 'Tiếp nhận', due: 'Hẹn trả', status: 'Trạng thái', previous: 'Trang trước', next: 'Trang sau',
  },
};

export type DashboardMessages = typeof dashboardVi;
