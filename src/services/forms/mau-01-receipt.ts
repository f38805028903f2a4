// Mẫu 01 (Circular 01/2018/TT-VPCP): Giấy tiếp nhận hồ sơ và hẹn trả kết quả — issued at receipt with
// the dossier code; made in two copies (one travels with the control sheet, one goes to the applicant).
import { BLANK, field, paragraph, signatures, vnDateTime, type Doc } from './pdf-document.ts';
import { formHead, lookupFoot, type FormContext } from './form-frame.ts';
import type { DocumentLine, DossierFormFacts } from './dossier-form-facts.ts';

export const MAU_01_TITLE = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';

export function documentForms(d: DocumentLine): string {
  const parts = [
    d.originals > 0 ? `${d.originals} bản chính` : null,
    d.certifiedCopies > 0 ? `${d.certifiedCopies} bản sao chứng thực` : null,
    d.photocopies > 0 ? `${d.photocopies} bản chụp` : null,
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

export function renderMau01(doc: Doc, f: DossierFormFacts, context: FormContext): void {
  formHead(doc, f.receivingUnit, MAU_01_TITLE, f.code, context);
  field(doc, `${f.receivingUnit.name} tiếp nhận hồ sơ của`, f.applicant.fullName);
  if (f.applicant.representativeName) field(doc, 'Người đại diện (được ủy quyền)', f.applicant.representativeName);
  field(doc, 'Địa chỉ', f.applicant.address);
  field(doc, 'Số điện thoại', f.applicant.phone);
  field(doc, 'Email', f.applicant.email);
  field(doc, 'Nội dung yêu cầu giải quyết', f.procedureName);
  doc.moveDown(0.3);
  paragraph(doc, '1. Thành phần hồ sơ nộp gồm:');
  if (f.documents.length === 0) paragraph(doc, `(1) ${BLANK}${BLANK}`, { indent: 12 });
  f.documents.forEach((d, i) => paragraph(doc, `(${i + 1}) ${d.name}${documentForms(d)}`, { indent: 12, align: 'left', size: 8.5 }));
  field(doc, '2. Số lượng hồ sơ', '01 (bộ)');
  field(doc, '3. Thời gian giải quyết hồ sơ theo quy định là', f.timeLimitText);
  field(doc, '4. Thời gian nhận hồ sơ', vnDateTime(f.receivedAt));
  field(doc, '5. Thời gian trả kết quả giải quyết hồ sơ', vnDateTime(f.promisedDueAt));
  field(doc, '6. Đăng ký nhận kết quả tại', f.returnByPost ? `qua dịch vụ bưu chính (theo địa chỉ đã đăng ký)` : f.returnUnit.name);
  paragraph(doc, `Vào Sổ theo dõi hồ sơ, Quyển số: ${BLANK} Số thứ tự: ${BLANK}`, { align: 'left' });
  signatures(doc, [
    { title: 'NGƯỜI NỘP HỒ SƠ', hint: '(Ký và ghi rõ họ tên)', name: null },
    { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', hint: '(Ký và ghi rõ họ tên)', name: f.receivedByName },
  ]);
  paragraph(doc, 'Ghi chú: Giấy tiếp nhận và hẹn trả kết quả được lập thành 02 liên; một liên chuyển kèm theo Phiếu kiểm soát quá trình giải quyết hồ sơ và được lưu tại Bộ phận Một cửa; một liên giao cho tổ chức, cá nhân nộp hồ sơ. Tổ chức, cá nhân có thể đăng ký nhận kết quả tại Bộ phận Một cửa hoặc qua dịch vụ bưu chính.',
    { size: 7.5, italic: true });
  lookupFoot(doc, context);
}
