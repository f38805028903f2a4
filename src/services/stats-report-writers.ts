// One tabular report, two formats, both streamed: exceljs's streaming WorkbookWriter commits each row as
// it comes, and pdfkit pipes each finished chunk to the response (no page buffering; the page number is
// drawn when a page is left), so a province-wide, year-long report never sits in memory.
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import { FONTS } from './forms/pdf-document.ts';

export type Cell = string | number | null;

export interface ReportColumn {
  header: string;
  /** Excel width in characters; also the column's share of the PDF page. */
  width: number;
  numeric?: boolean;
}

export interface TabularReport {
  /** File name without extension (ASCII). */
  fileName: string;
  title: string;
  /** Lines under the title: unit, period, filters. */
  subtitle: string[];
  sheetName: string;
  columns: ReportColumn[];
  /** Body rows in batches; read once. */
  rows: AsyncIterable<Cell[][]>;
  /** Called after the rows were read: the total row and notes (explanations of how numbers are counted). */
  footer: () => { total?: Cell[] | undefined; notes: string[] };
  printedAt: Date;
}

export type ReportFormat = 'xlsx' | 'pdf';
export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export async function writeReportXlsx(report: TabularReport, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  workbook.creator = 'motcua';
  workbook.created = report.printedAt;
  const sheet = workbook.addWorksheet(report.sheetName.slice(0, 31));
  sheet.columns = report.columns.map((c) => ({ width: c.width }));
  const title = sheet.addRow([report.title]);
  title.font = { bold: true, size: 13 };
  title.commit();
  for (const line of report.subtitle) sheet.addRow([line]).commit();
  const header = sheet.addRow(report.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.commit();
  for await (const batch of report.rows) for (const row of batch) sheet.addRow(row).commit();
  const { total, notes } = report.footer();
  if (total) {
    const row = sheet.addRow(total);
    row.font = { bold: true };
    row.commit();
  }
  if (notes.length > 0) sheet.addRow([]).commit();
  for (const note of notes) sheet.addRow([note]).commit();
  sheet.commit();
  await workbook.commit();
}

const MARGIN = 28;

export async function writeReportPdf(report: TabularReport, out: Writable): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4', layout: 'landscape', margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN }, autoFirstPage: true,
    info: { Title: report.title, Subject: report.subtitle.join(' — '), Author: 'motcua', Creator: 'motcua', Producer: 'motcua (pdfkit)', CreationDate: report.printedAt },
    lang: 'vi-VN', displayTitle: true,
  });
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  const width = doc.page.width - 2 * MARGIN;
  const sum = report.columns.reduce((s, c) => s + c.width, 0);
  const widths = report.columns.map((c) => (c.width / sum) * width);
  const bottom = () => doc.page.height - MARGIN - 12;
  const padding = 2.5;
  let pageNumber = 1;

  const footerOfPage = () => {
    // Written inside the bottom margin (lifted for the moment) so pdfkit does not open a page for it.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(7).fillColor('#555555')
      .text(`${report.title} — trang ${pageNumber}`, MARGIN, doc.page.height - MARGIN - 8, { width, align: 'right', lineBreak: false });
    doc.fillColor('black');
    doc.page.margins.bottom = margin;
  };
  const heightOf = (cells: readonly string[], font: 'regular' | 'bold', size: number) => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i]! - 2 * padding }) + 2 * padding));
  };
  const drawRow = (cells: readonly string[], font: 'regular' | 'bold', size: number, shaded: boolean) => {
    const height = heightOf(cells, font, size);
    const y = doc.y;
    let x = MARGIN;
    if (shaded) doc.save().rect(x, y, width, height).fill('#eeeeee').restore();
    cells.forEach((text, i) => {
      doc.save().lineWidth(0.4).rect(x, y, widths[i]!, height).stroke().restore();
      doc.font(font).fontSize(size).fillColor('black')
        .text(text, x + padding, y + padding, { width: widths[i]! - 2 * padding, align: report.columns[i]!.numeric ? 'right' : 'left' });
      x += widths[i]!;
    });
    doc.x = MARGIN;
    doc.y = y + height;
  };
  const headers = report.columns.map((c) => c.header);
  const newPage = () => {
    footerOfPage();
    doc.addPage();
    pageNumber++;
    drawRow(headers, 'bold', 7, true);
  };
  const text = (cell: Cell) => (cell === null ? '' : typeof cell === 'number' ? cell.toLocaleString('vi-VN') : cell);
  const body = (cells: Cell[], font: 'regular' | 'bold' = 'regular') => {
    const strings = cells.map(text);
    if (doc.y + heightOf(strings, font, 7) > bottom()) newPage();
    drawRow(strings, font, 7, false);
  };

  doc.font('bold').fontSize(13).text(report.title, MARGIN, MARGIN, { width, align: 'center' });
  doc.font('regular').fontSize(9);
  for (const line of report.subtitle) doc.text(line, { width, align: 'center' });
  doc.moveDown(0.6);
  drawRow(headers, 'bold', 7, true);
  for await (const batch of report.rows) for (const row of batch) body(row);
  const { total, notes } = report.footer();
  if (total) body(total, 'bold');
  doc.moveDown(0.6);
  for (const note of notes) {
    if (doc.y + 20 > bottom()) newPage();
    doc.font('regular').fontSize(7.5).text(note, MARGIN, doc.y, { width, oblique: true });
  }
  footerOfPage();
  doc.end();
  await finished;
}
