// The page furniture every form shares, on pdfkit with the bundled DejaVu fonts (embedded, subset: the
// PDF shows Vietnamese the same everywhere and never depends on the fonts of the machine that prints it).
import PDFDocument from 'pdfkit';
import { fileURLToPath } from 'node:url';

const FONT_DIR = fileURLToPath(new URL('../../../assets/fonts/', import.meta.url));
export const FONTS = { regular: `${FONT_DIR}DejaVuSans.ttf`, bold: `${FONT_DIR}DejaVuSans-Bold.ttf` };

export type Doc = PDFKit.PDFDocument;
export type PageSize = 'A5' | 'A4-landscape';

/** Points (1/72 inch): A5 portrait 148 × 210 mm, A4 landscape 297 × 210 mm. */
export const PAGE_POINTS: Record<PageSize, [number, number]> = { 'A5': [419.53, 595.28], 'A4-landscape': [841.89, 595.28] };

export interface NewDocument {
  size: PageSize;
  title: string;
  subject: string;
  /** Fixed, so that the same dossier prints the same bytes. */
  createdAt: Date;
}

export function createDocument(options: NewDocument): { doc: Doc; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: options.size === 'A5' ? 'A5' : 'A4',
    layout: options.size === 'A5' ? 'portrait' : 'landscape',
    margins: options.size === 'A5' ? { top: 28, bottom: 32, left: 32, right: 28 } : { top: 28, bottom: 28, left: 28, right: 28 },
    info: { Title: options.title, Subject: options.subject, Author: 'motcua', Creator: 'motcua', Producer: 'motcua (pdfkit)', CreationDate: options.createdAt },
    lang: 'vi-VN',
    displayTitle: true,
    bufferPages: true,
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.font('regular').fontSize(9.5);
  const bytes = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

export const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
export const left = (doc: Doc) => doc.page.margins.left;

/** A dotted blank to be filled in by hand, for what the system does not know (never an invented value). */
export const BLANK = '……………………';

export interface HeaderUnits {
  /** The governing body (cơ quan chủ quản), e.g. the Center above a Branch; null = left blank. */
  parentName: string | null;
  unitName: string;
}

/** Agency on the left, the national motto on the right (Decree 30/2020 layout), each centred in its half. */
export function nationalHeader(doc: Doc, units: HeaderUnits, fontSize = 7.5): void {
  const x = left(doc);
  const width = contentWidth(doc);
  const leftWidth = width * 0.46;
  const rightWidth = width - leftWidth;
  const top = doc.y;
  doc.font('regular').fontSize(fontSize).text((units.parentName ?? BLANK).toUpperCase(), x, top, { width: leftWidth, align: 'center' });
  doc.font('bold').text(units.unitName.toUpperCase(), { width: leftWidth, align: 'center' });
  underline(doc, x + leftWidth / 2, doc.y + 1, 40);
  const leftBottom = doc.y + 4;
  doc.font('bold').fontSize(fontSize).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', x + leftWidth, top, { width: rightWidth, align: 'center' });
  doc.text('Độc lập - Tự do - Hạnh phúc', { width: rightWidth, align: 'center' });
  underline(doc, x + leftWidth + rightWidth / 2, doc.y + 1, 70);
  doc.x = x;
  doc.y = Math.max(leftBottom, doc.y + 4);
}

function underline(doc: Doc, centre: number, y: number, half: number): void {
  doc.save().lineWidth(0.5).moveTo(centre - half, y).lineTo(centre + half, y).stroke().restore();
}

/** "……, ngày 05 tháng 12 năm 2024" on the right (the place is left blank: the system does not know it). */
export function placeAndDate(doc: Doc, at: number): void {
  const { day, month, year } = vnParts(at);
  doc.font('regular').fontSize(8.5).text(`……, ngày ${day} tháng ${month} năm ${year}`, left(doc), doc.y, { width: contentWidth(doc), align: 'right', oblique: true });
  doc.moveDown(0.6);
}

export function formTitle(doc: Doc, title: string, subtitle?: string): void {
  doc.font('bold').fontSize(11).text(title, left(doc), doc.y, { width: contentWidth(doc), align: 'center' });
  if (subtitle) doc.font('regular').fontSize(9).text(subtitle, { width: contentWidth(doc), align: 'center' });
  doc.moveDown(0.6);
  doc.font('regular').fontSize(9.5);
}

/** "Label: value", or "Label: ……" when the value is unknown. */
export function field(doc: Doc, label: string, value: string | null | undefined, options: { indent?: number } = {}): void {
  const x = left(doc) + (options.indent ?? 0);
  const width = contentWidth(doc) - (options.indent ?? 0);
  doc.font('regular').fontSize(9.5).text(`${label}: `, x, doc.y, { width, continued: true });
  if (value === null || value === undefined || value.trim() === '') doc.text(BLANK.repeat(2));
  else doc.font('bold').text(value).font('regular');
}

export function paragraph(doc: Doc, text: string, options: { indent?: number; bold?: boolean; italic?: boolean; size?: number; align?: 'left' | 'justify' | 'center' } = {}): void {
  const x = left(doc) + (options.indent ?? 0);
  doc.font(options.bold ? 'bold' : 'regular').fontSize(options.size ?? 9.5)
    .text(text, x, doc.y, { width: contentWidth(doc) - (options.indent ?? 0), align: options.align ?? 'justify', oblique: options.italic ?? false });
  doc.font('regular').fontSize(9.5);
}

export interface Signature {
  title: string;
  hint: string;
  name?: string | null;
}

/** Signature blocks side by side; the signed name is printed when the system knows it. */
export function signatures(doc: Doc, blocks: readonly Signature[], space = 42): void {
  doc.moveDown(0.8);
  ensureRoom(doc, space + 40);
  const width = contentWidth(doc) / blocks.length;
  const top = doc.y;
  let bottom = top;
  blocks.forEach((block, i) => {
    const x = left(doc) + i * width;
    doc.font('bold').fontSize(8.5).text(block.title, x, top, { width, align: 'center' });
    doc.font('regular').fontSize(7.5).text(block.hint, x, doc.y, { width, align: 'center', oblique: true });
    if (block.name) doc.font('bold').fontSize(8.5).text(block.name, x, doc.y + space, { width, align: 'center' });
    bottom = Math.max(bottom, doc.y);
  });
  doc.x = left(doc);
  doc.y = bottom + (blocks.some((b) => b.name) ? 6 : space);
  doc.font('regular').fontSize(9.5);
}

/** Starts a new page when fewer than `points` remain above the bottom margin. */
export function ensureRoom(doc: Doc, points: number): void {
  if (doc.y + points > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

const VN_OFFSET_MS = 7 * 3_600_000;
const two = (n: number) => String(n).padStart(2, '0');

/** Date and time parts in Vietnam (UTC+7), two-digit where the forms write them so. */
export function vnParts(at: number) {
  const d = new Date(at + VN_OFFSET_MS);
  return { day: two(d.getUTCDate()), month: two(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()), hour: two(d.getUTCHours()), minute: two(d.getUTCMinutes()) };
}

/** "09 giờ 00 phút, ngày 05 tháng 12 năm 2024", the forms' way of writing an instant. */
export function vnDateTime(at: number | null | undefined): string | null {
  if (at === null || at === undefined) return null;
  const p = vnParts(at);
  return `${p.hour} giờ ${p.minute} phút, ngày ${p.day} tháng ${p.month} năm ${p.year}`;
}

export function vnDate(at: number | null | undefined): string | null {
  if (at === null || at === undefined) return null;
  const p = vnParts(at);
  return `ngày ${p.day} tháng ${p.month} năm ${p.year}`;
}

export const shortDate = (at: number | null | undefined): string => {
  if (at === null || at === undefined) return '';
  const p = vnParts(at);
  return `${p.day}/${p.month}/${p.year}`;
};
