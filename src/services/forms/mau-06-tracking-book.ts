// Mẫu 06: Sổ theo dõi hồ sơ — the one-stop unit's register of the dossiers it received in a period,
// A4 landscape, one row per dossier: receipt, promised return, transfer to the deciding agency, result
// back from it, return to the applicant. Empty cells are steps that have not happened.
import { createDocument, left, contentWidth, nationalHeader, paragraph, shortDate, type Doc } from './pdf-document.ts';
import { table } from './table.ts';
import type { UnitFacts } from './dossier-form-facts.ts';

export const MAU_06_TITLE = 'SỔ THEO DÕI HỒ SƠ';

export interface BookEntry {
  code: string;
  procedureName: string;
  applicantName: string;
  addressAndPhone: string;
  competentUnitName: string;
  receivedAt: number;
  dueAt: number | null;
  transferredAt: number | null;
  resultAt: number | null;
  returnedAt: number | null;
  note: string;
}

export interface TrackingBook {
  unit: UnitFacts;
  /** Inclusive dates, 'YYYY-MM-DD'. */
  from: string;
  to: string;
  entries: BookEntry[];
  truncated: boolean;
  printedAt: number;
}

const vnDay = (date: string) => date.split('-').reverse().join('/');

export async function renderTrackingBook(book: TrackingBook): Promise<Buffer> {
  const { doc, bytes } = createDocument({ size: 'A4-landscape', title: `${MAU_06_TITLE} — ${book.unit.name}`, subject: `Từ ${vnDay(book.from)} đến ${vnDay(book.to)}`,
    createdAt: new Date(book.printedAt) });
  layout(doc, book);
  numberPages(doc);
  doc.end();
  return bytes;
}

function layout(doc: Doc, book: TrackingBook): void {
  nationalHeader(doc, { parentName: book.unit.parentName, unitName: book.unit.name }, 8.5);
  doc.moveDown(0.4);
  doc.font('bold').fontSize(14).text(MAU_06_TITLE, left(doc), doc.y, { width: contentWidth(doc), align: 'center' });
  doc.font('regular').fontSize(9.5).text(`Từ ngày ${vnDay(book.from)} đến ngày ${vnDay(book.to)} — ${book.entries.length} hồ sơ`, { width: contentWidth(doc), align: 'center' });
  doc.moveDown(0.6);
  const rows = book.entries.map((e, i) => [
    String(i + 1), e.code, e.procedureName, '01', e.applicantName, e.addressAndPhone, e.competentUnitName,
    shortDate(e.receivedAt), shortDate(e.dueAt), shortDate(e.transferredAt), shortDate(e.resultAt), shortDate(e.returnedAt), e.note,
  ]);
  table(doc, [
    { header: 'STT', weight: 3, align: 'center' },
    { header: 'Mã hồ sơ', weight: 12.5 },
    { header: 'Tên thủ tục hành chính', weight: 13.5 },
    { header: 'Số lượng hồ sơ (bộ)', weight: 4.5, align: 'center' },
    { header: 'Tên tổ chức, cá nhân', weight: 9 },
    { header: 'Địa chỉ, số điện thoại', weight: 9 },
    { header: 'Cơ quan chủ trì giải quyết', weight: 9 },
    { header: 'Nhận hồ sơ', weight: 6, align: 'center' },
    { header: 'Hẹn trả kết quả', weight: 6, align: 'center' },
    { header: 'Chuyển hồ sơ đến cơ quan giải quyết', weight: 6.5, align: 'center' },
    { header: 'Nhận kết quả từ cơ quan giải quyết', weight: 6.5, align: 'center' },
    { header: 'Trả kết quả cho tổ chức, cá nhân', weight: 6.5, align: 'center' },
    { header: 'Ghi chú', weight: 8 },
  ], rows, { fontSize: 7, headerFontSize: 6.5 });
  if (book.entries.length === 0) paragraph(doc, 'Không có hồ sơ nào được tiếp nhận trong kỳ.', { italic: true, align: 'center' });
  if (book.truncated) paragraph(doc, 'Sổ chỉ in một phần kỳ đã chọn (quá nhiều hồ sơ): hãy in theo kỳ ngắn hơn.', { italic: true, bold: true });
}

function numberPages(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not open a page
    doc.font('regular').fontSize(7).text(`Trang ${i + 1}/${range.count}`, left(doc), doc.page.height - 18, { width: contentWidth(doc), align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
