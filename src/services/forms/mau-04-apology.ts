// Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả — the agency's written apology with the reason and
// the one new return date the law allows (Decree 61 art. 19), signed by the head of the agency.
import { field, paragraph, signatures, vnDate, type Doc } from './pdf-document.ts';
import { formHead, lookupFoot, type FormContext } from './form-frame.ts';
import type { DossierFormFacts } from './dossier-form-facts.ts';

export const MAU_04_TITLE = 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ';

export function renderMau04(doc: Doc, f: DossierFormFacts, context: FormContext): void {
  const extension = f.extension!;
  const agency = extension.actorUnit.name;
  formHead(doc, extension.actorUnit, MAU_04_TITLE, f.code, context);
  field(doc, 'Kính gửi', f.applicant.fullName);
  doc.moveDown(0.3);
  paragraph(doc, `Ngày ${vnDate(f.receivedAt)!.replace(/^ngày /, '')}, ${f.receivingUnit.name} tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính "${f.procedureName}" của Ông/Bà/Tổ chức, mã hồ sơ ${f.code}.`);
  field(doc, 'Thời hạn trả kết quả giải quyết hồ sơ', vnDate(extension.previousDueAt));
  paragraph(doc, `Tuy nhiên đến nay, ${agency} chưa trả kết quả giải quyết hồ sơ của Ông/Bà/Tổ chức do:`);
  paragraph(doc, extension.reason, { indent: 12, bold: true });
  paragraph(doc, `Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của Ông/Bà/Tổ chức. ${agency} xin lỗi Ông/Bà/Tổ chức và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà/Tổ chức vào ${vnDate(extension.newDueAt)}.`);
  paragraph(doc, 'Xin trân trọng cảm ơn sự hợp tác của Ông/Bà/Tổ chức./.');
  signatures(doc, [{ title: 'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ', hint: '(Ký, ghi rõ họ tên, đóng dấu)', name: extension.actorName }]);
  lookupFoot(doc, context);
}
