// Factories for catalog test data: records in the national file's shape, CSV text, XLSX workbooks.
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { ProcedureRecord } from '../../src/domain/catalog/procedure-record.ts';

// The national catalog as the product ships it (a copy of shared/data/national-procedures.json, gzipped),
// so that the suite runs on a clone that has no shared/ folder beside it.
export const NATIONAL_FILE = new URL('../../seed/national-procedures.json.gz', import.meta.url);

export async function readNationalFile(): Promise<Uint8Array> {
  return gunzipSync(await readFile(NATIONAL_FILE));
}

/** A factory for records in the national file's shape. */
export function procedureRecord(overrides: Partial<ProcedureRecord> = {}): ProcedureRecord {
  return {
    code: '1.001193',
    name: 'Thủ tục đăng ký khai sinh',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    issuingMinistry: 'Bộ Tư pháp',
    decisionNo: '163/QĐ-BTP',
    applicants: 'Công dân Việt Nam',
    competentAuthority: 'Ủy ban nhân dân cấp xã',
    implementingAgency: 'Ủy ban nhân dân cấp xã',
    channels: [
      { channel: 'Trực tiếp', processingTime: '3 Ngày làm việc', fee: 'Miễn phí', description: '' },
      { channel: 'Trực tuyến', processingTime: '3 Ngày làm việc', fee: 'Miễn phí', description: '' },
    ],
    requiredDocuments: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, templateHint: '', group: '' }],
    results: [{ name: 'Giấy khai sinh', code: 'KQ.1' }],
    conditions: '',
    steps: 'Bước 1: nộp hồ sơ',
    legalBasisRaw: 'Luật Hộ tịch 2014',
    sourceUrl: 'https://dichvucong.gov.vn/x',
    raw: { cachThucThucHien: '…' },
    ...overrides,
  };
}

/** A CSV file (UTF-8) from rows of cells; cells are quoted when needed. */
export function csvFile(rows: ReadonlyArray<ReadonlyArray<string>>): Uint8Array {
  const quote = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return new TextEncoder().encode(rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n');
}

/** An XLSX workbook (first sheet) from rows of cells. */
export async function xlsxFile(rows: ReadonlyArray<ReadonlyArray<string | number>>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Thủ tục');
  for (const row of rows) sheet.addRow([...row]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
