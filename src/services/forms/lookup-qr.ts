// The QR code printed on every dossier form: it opens the public lookup with the dossier code filled in
// (web/src/pages/lookup-page.tsx reads `?ma=`); the citizen still types their phone number, which never
// goes into the URL. Drawn as vector squares, so it stays sharp on any printer.
import QRCode from 'qrcode';
import type { Doc } from './pdf-document.ts';

export function lookupUrl(publicBase: string, dossierCode: string): string {
  return `${publicBase.replace(/\/+$/, '')}/tra-cuu?ma=${encodeURIComponent(dossierCode)}`;
}

/** The QR modules of a text (true = dark), row by row; error correction M (15 %) survives smudges. */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (_, col) => Boolean(modules.get(row, col))));
}

/** Draws the code with `size` points per side at (x, y); the caller leaves a white quiet zone around it. */
export function drawQr(doc: Doc, text: string, x: number, y: number, size: number): void {
  const matrix = qrMatrix(text);
  const cell = size / matrix.length;
  doc.save().fillColor('black');
  matrix.forEach((row, r) => row.forEach((dark, c) => {
    if (dark) doc.rect(x + c * cell, y + r * cell, cell + 0.05, cell + 0.05);
  }));
  doc.fill().restore();
}

/** QR at the top right of the first page, with the words a citizen needs under it. */
export function lookupQrBlock(doc: Doc, url: string, y: number, size = 58): void {
  const x = doc.page.width - doc.page.margins.right - size;
  drawQr(doc, url, x, y, size);
  const savedY = doc.y;
  const savedX = doc.x;
  doc.font('regular').fontSize(5.5).text('Quét mã để tra cứu hồ sơ', x - 8, y + size + 1, { width: size + 16, align: 'center', lineBreak: false });
  doc.x = savedX;
  doc.y = savedY;
}
