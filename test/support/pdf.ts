// Reading generated PDFs back in tests: page sizes and text (pdf.js), and the QR codes drawn as vector
// squares, rebuilt from the content streams and decoded (jsQR) — so a test checks what a phone would read.
import { inflateSync } from 'node:zlib';
import jsQRModule from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  width: number;
  height: number;
  text: string;
}

export async function readPdf(bytes: Uint8Array): Promise<{ pages: PdfPage[]; title: string | undefined }> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, isEvalSupported: false }).promise;
  const pages: PdfPage[] = [];
  for (let i = 1; i <= document.numPages; i++) {
    const page = await document.getPage(i);
    const [x0, y0, x1, y1] = page.view;
    const content = await page.getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
    pages.push({ width: x1! - x0!, height: y1! - y0!, text });
  }
  const metadata = await document.getMetadata();
  const title = (metadata.info as { Title?: string }).Title;
  await document.destroy();
  return { pages, title };
}

/** Text of all pages with line breaks and runs of spaces folded to single spaces, for `toContain`. */
export const flatText = (pages: readonly PdfPage[]) => pages.map((p) => p.text).join(' ').replace(/\s+/g, ' ');

// jsQR is CommonJS with an ES-style `default` in its types: take the function however it arrives.
type JsQR = typeof jsQRModule.default;
const jsQR: JsQR = typeof jsQRModule === 'function' ? (jsQRModule as unknown as JsQR) : jsQRModule.default;

/** The page content streams, inflated. */
function contentStreams(bytes: Uint8Array): string[] {
  const buffer = Buffer.from(bytes);
  const streams: string[] = [];
  let at = 0;
  for (;;) {
    const start = buffer.indexOf('stream', at, 'latin1');
    if (start < 0) break;
    const dataStart = start + (buffer[start + 6] === 0x0d ? 8 : 7);
    const end = buffer.indexOf('endstream', dataStart, 'latin1');
    const dictionary = buffer.subarray(Math.max(0, start - 300), start).toString('latin1');
    const data = buffer.subarray(dataStart, end);
    try {
      streams.push((/FlateDecode/.test(dictionary.slice(dictionary.lastIndexOf('<<'))) ? inflateSync(data) : data).toString('latin1'));
    } catch {
      // an image or font stream that is not deflate-compressed text: not ours to read
    }
    at = end + 9;
  }
  return streams;
}

/** Decodes every QR code drawn as small equal squares (`x y w w re`) in the PDF. */
export function decodeDrawnQrCodes(bytes: Uint8Array): string[] {
  const found: string[] = [];
  for (const stream of contentStreams(bytes)) {
    const squares = [...stream.matchAll(/(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+) re/g)]
      .map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) }))
      .filter((r) => r.w === r.h && r.w > 0.3 && r.w < 5);
    if (squares.length < 50) continue;
    const cell = squares[0]!.w - 0.05;
    const minX = Math.min(...squares.map((s) => s.x));
    const minY = Math.min(...squares.map((s) => s.y));
    const cells = squares.map((s) => ({ col: Math.round((s.x - minX) / cell), row: Math.round((s.y - minY) / cell) }));
    const size = Math.max(...cells.map((c) => Math.max(c.col, c.row))) + 1;
    const scale = 4;
    const quiet = 4;
    const side = (size + 2 * quiet) * scale;
    const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
    for (const { col, row } of cells) {
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const offset = (((row + quiet) * scale + dy) * side + (col + quiet) * scale + dx) * 4;
          pixels[offset] = pixels[offset + 1] = pixels[offset + 2] = 0;
        }
      }
    }
    const code = jsQR(pixels, side, side);
    if (code) found.push(code.data);
  }
  return found;
}
