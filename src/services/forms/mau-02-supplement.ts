// Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ — everything missing, said once and completely
// (một lần đầy đủ), with whom to contact.
import { BLANK, field, paragraph, signatures, vnDateTime, type Doc } from './pdf-document.ts';
import { formHead, lookupFoot, type FormContext } from './form-frame.ts';
import type { DossierFormFacts } from './dossier-form-facts.ts';

export const MAU_02_TITLE = 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ';

export function renderMau02(doc: Doc, f: DossierFormFacts, context: FormContext): void {
  const request = f.supplement!;
  formHead(doc, request.actorUnit, MAU_02_TITLE, f.code, context);
  field(doc, 'Hồ sơ của', f.applicant.fullName);
  field(doc, 'Nội dung yêu cầu giải quyết', f.procedureName);
  field(doc, 'Địa chỉ', f.applicant.address);
  field(doc, 'Số điện thoại', f.applicant.phone);
  field(doc, 'Email', f.applicant.email);
  field(doc, 'Ngày tiếp nhận hồ sơ', vnDateTime(f.receivedAt));
  doc.moveDown(0.3);
  paragraph(doc, 'Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:');
  const items = request.missingDocuments.length > 0 ? request.missingDocuments : [];
  items.forEach((item, i) => paragraph(doc, `${i + 1}. ${item}`, { indent: 12, align: 'left' }));
  field(doc, items.length > 0 ? 'Lý do' : 'Nội dung và lý do', request.reason);
  doc.moveDown(0.3);
  paragraph(doc, `Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông (bà) liên hệ với ${request.actorName} (${request.actorUnit.name}), số điện thoại ${BLANK} để được hướng dẫn.`);
  paragraph(doc, `Hồ sơ bổ sung nộp tại: ${f.receivingUnit.name}.`);
  signatures(doc, [{ title: 'NGƯỜI HƯỚNG DẪN', hint: '(Ký và ghi rõ họ tên)', name: request.actorName }]);
  lookupFoot(doc, context);
}
