// Vietnamese strings of the dossier's attachments and printable forms. files.en.ts is typed against it.
export const filesVi = {
  forms: {
    title: 'Biểu mẫu (PDF)',
    lead: 'Mở để in; mã QR trên phiếu dẫn người dân tới trang tra cứu hồ sơ.',
    'mau-01': 'Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    'mau-02': 'Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    'mau-03': 'Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ',
    'mau-04': 'Mẫu 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả',
    'mau-05': 'Mẫu 05 — Phiếu kiểm soát quá trình giải quyết hồ sơ',
    opensInNewTab: '(mở trong thẻ mới)',
  },
  attachments: {
    title: 'Tệp đính kèm (bản scan)',
    loading: 'Đang tải danh sách tệp…',
    empty: 'Hồ sơ chưa có tệp đính kèm.',
    file: 'Tệp',
    document: 'Thành phần hồ sơ',
    size: 'Dung lượng',
    uploadedBy: 'Người tải lên',
    uploadedAt: 'Thời điểm',
    otherDocument: '(khác)',
    uploadTitle: 'Thêm bản scan',
    chooseFile: 'Chọn tệp PDF, JPEG hoặc PNG',
    chooseFileHint: 'Loại tệp được kiểm tra theo nội dung; dung lượng có giới hạn.',
    documentName: 'Thuộc thành phần hồ sơ (không bắt buộc)',
    documentNameHint: 'Ví dụ: Tờ khai đăng ký khai sinh',
    upload: 'Tải lên',
    uploading: 'Đang tải lên…',
    uploaded: 'Đã tải lên: {{name}}.',
    noFile: 'Hãy chọn một tệp.',
    kilobytes: '{{value}} KB',
    megabytes: '{{value}} MB',
  },
};

export type FilesMessages = typeof filesVi;
