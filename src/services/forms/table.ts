// A bordered table that grows rows to their text and repeats its header on each new page (the tracking
// book runs over many pages; the control sheet may too).
import { left, type Doc } from './pdf-document.ts';

export interface Column {
  header: string;
  /** Share of the available width (the shares are normalised). */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableOptions {
  fontSize?: number;
  headerFontSize?: number;
  padding?: number;
  /** Minimum height of a body row (room for a signature). */
  minRowHeight?: number;
}

export function table(doc: Doc, columns: readonly Column[], rows: readonly string[][], options: TableOptions = {}): void {
  const fontSize = options.fontSize ?? 7.5;
  const headerFontSize = options.headerFontSize ?? fontSize;
  const padding = options.padding ?? 3;
  const total = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const sum = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => (c.weight / sum) * total);
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  const heightOf = (cells: readonly string[], font: 'regular' | 'bold', size: number, min: number) => {
    doc.font(font).fontSize(size);
    return Math.max(min, ...cells.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i]! - 2 * padding }) + 2 * padding));
  };
  const drawRow = (cells: readonly string[], font: 'regular' | 'bold', size: number, height: number, shaded: boolean) => {
    let x = left(doc);
    const y = doc.y;
    if (shaded) doc.save().rect(x, y, widths.reduce((a, b) => a + b, 0), height).fill('#eeeeee').restore();
    cells.forEach((text, i) => {
      const width = widths[i]!;
      doc.save().lineWidth(0.5).rect(x, y, width, height).stroke().restore();
      doc.font(font).fontSize(size).fillColor('black')
        .text(text, x + padding, y + padding, { width: width - 2 * padding, align: columns[i]!.align ?? 'left' });
      x += width;
    });
    doc.x = left(doc);
    doc.y = y + height;
  };
  const headers = columns.map((c) => c.header);
  const headerHeight = heightOf(headers, 'bold', headerFontSize, 0);
  const drawHeader = () => drawRow(headers, 'bold', headerFontSize, headerHeight, true);

  drawHeader();
  for (const row of rows) {
    const height = heightOf(row, 'regular', fontSize, options.minRowHeight ?? 0);
    if (doc.y + height > bottom()) {
      doc.addPage();
      drawHeader();
    }
    drawRow(row, 'regular', fontSize, height, false);
  }
  doc.font('regular').fontSize(9.5);
}
