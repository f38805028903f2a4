// The top and bottom every dossier form shares: agency and national motto, place and date, the title
// beside the lookup QR code, the dossier code; at the end, where to follow the dossier online.
import { contentWidth, left, nationalHeader, paragraph, placeAndDate, type Doc } from './pdf-document.ts';
import { lookupQrBlock } from './lookup-qr.ts';
import type { UnitFacts } from './dossier-form-facts.ts';

export interface FormContext {
  /** Public lookup URL of this dossier (what the QR code encodes). */
  lookupUrl: string;
  /** When the form is issued (its date line). */
  issuedAt: number;
}

const QR_SIZE = 58;

export function formHead(doc: Doc, issuer: UnitFacts, title: string, code: string, context: FormContext, subtitle?: string): void {
  nationalHeader(doc, { parentName: issuer.parentName, unitName: issuer.name });
  placeAndDate(doc, context.issuedAt);
  const top = doc.y;
  lookupQrBlock(doc, context.lookupUrl, top, QR_SIZE);
  // The title is centred in the width the QR code leaves free.
  const width = contentWidth(doc) - QR_SIZE - 10;
  doc.font('bold').fontSize(titleSize(doc, title, width)).text(title, left(doc), top + 4, { width, align: 'center' });
  if (subtitle) doc.font('regular').fontSize(8.5).text(subtitle, left(doc), doc.y, { width, align: 'center', oblique: true });
  doc.moveDown(0.3);
  doc.font('bold').fontSize(10).text(`Mã hồ sơ: ${code}`, left(doc), doc.y, { width, align: 'center' });
  doc.x = left(doc);
  doc.y = Math.max(doc.y, top + QR_SIZE + 10) + 6;
  doc.font('regular').fontSize(9.5);
}

/** The largest size (11 down to 9 pt) that keeps the title on one line. */
function titleSize(doc: Doc, title: string, width: number): number {
  for (let size = 11; size > 9; size -= 0.5) if (doc.font('bold').fontSize(size).widthOfString(title) <= width) return size;
  return 9;
}

export function lookupFoot(doc: Doc, context: FormContext): void {
  doc.moveDown(0.6);
  paragraph(doc, `Tra cứu tình trạng hồ sơ: quét mã QR hoặc truy cập ${context.lookupUrl} và nhập số điện thoại đã khai khi nộp hồ sơ.`,
    { size: 7.5, italic: true, align: 'left' });
}
