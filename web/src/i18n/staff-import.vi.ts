// Vietnamese strings of the staff import on /quan-tri/can-bo.
export const staffImportVi = {
  title: 'Nhập danh sách cán bộ từ tệp',
  lead: 'Tệp CSV hoặc Excel theo mẫu: tên đăng nhập, họ và tên, mã đơn vị, vai trò, thư điện tử, số điện thoại. Có một dòng lỗi thì không tài khoản nào được tạo; dòng trùng hệt tài khoản đã có được bỏ qua, nên nhập lại cùng tệp không tạo thêm gì. Mỗi tài khoản mới nhận một liên kết đặt mật khẩu dùng một lần.',
  template: 'Tải tệp mẫu:',
  file: 'Tệp danh sách (.csv, .xlsx)',
  dryRun: 'Chỉ kiểm tra, chưa tạo tài khoản',
  submit: 'Nhập danh sách',
  sending: 'Đang kiểm tra…',
  chooseFile: 'Hãy chọn tệp danh sách cán bộ.',
  rejectedTitle: 'Tệp có lỗi — chưa tạo tài khoản nào',
  colRow: 'Dòng',
  colUsername: 'Tên đăng nhập',
  colColumn: 'Cột',
  colProblem: 'Lỗi',
  checked: 'Tệp hợp lệ: {{created}} tài khoản sẽ được tạo, {{unchanged}} đã có.',
  done: 'Đã tạo {{created}} tài khoản; {{unchanged}} tài khoản đã có từ trước.',
  linksLead: 'Liên kết đặt mật khẩu dùng một lần (hết hạn sau 24 giờ). Hãy gửi trực tiếp cho từng cán bộ; liên kết không được hiển thị lại.',
  column: { username: 'Tên đăng nhập', fullName: 'Họ và tên', unitCode: 'Mã đơn vị', roles: 'Vai trò', email: 'Thư điện tử', phone: 'Số điện thoại' },
};

export type StaffImportMessages = typeof staffImportVi;
