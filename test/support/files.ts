// Small real files for upload tests (recognised by their content, as the product does) and a temporary
// attachment store.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import PDFDocument from 'pdfkit';

export async function pngFile(text = 'motcua'): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', width: 64 });
}

export function pdfFile(text = 'motcua'): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A5', info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text(text);
    doc.end();
  });
}

/** The smallest JPEG header file-type recognises (SOI, JFIF APP0, EOI). */
export const jpegFile = (): Buffer => Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');

export async function temporaryFilesDir(): Promise<{ dir: string; blobCount: () => Promise<number>; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-files-'));
  const blobCount = async () => {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isFile() && /^[0-9a-f]{64}$/.test(e.name)).length;
  };
  return { dir, blobCount, remove: () => rm(dir, { recursive: true, force: true }) };
}
