// Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ — the refusal with its concrete reason.
import { field, paragraph, signatures, vnDateTime, type Doc } from './pdf-document.ts';
import { formHead, lookupFoot, type FormContext } from './form-frame.ts';
import type { DossierFormFacts } from './dossier-form-facts.ts';

export const MAU_03_TITLE = 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ';

export function renderMau03(doc: Doc, f: DossierFormFacts, context: FormContext): void {
  const refusal = f.rejection!;
  formHead(doc, refusal.actorUnit, MAU_03_TITLE, f.code, context);
  field(doc, `${f.receivingUnit.name} tiếp nhận hồ sơ của`, f.applicant.fullName);
  field(doc, 'Địa chỉ', f.applicant.address);
  field(doc, 'Số điện thoại', f.applicant.phone);
  field(doc, 'Email', f.applicant.email);
  field(doc, 'Nội dung yêu cầu giải quyết', f.procedureName);
  field(doc, 'Thời gian nhận hồ sơ', vnDateTime(f.receivedAt));
  doc.moveDown(0.3);
  paragraph(doc, `Qua xem xét, ${refusal.actorUnit.name} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`);
  paragraph(doc, refusal.reason, { indent: 12, bold: true });
  field(doc, 'Thời điểm từ chối', vnDateTime(refusal.at));
  paragraph(doc, 'Xin thông báo cho Ông/Bà được biết và thực hiện./.');
  signatures(doc, [{ title: 'NGƯỜI RA THÔNG BÁO', hint: '(Ký và ghi rõ họ tên)', name: refusal.actorName }]);
  lookupFoot(doc, context);
}
