// Reading a catalog file (JSON, CSV or XLSX) into located records. A file that cannot be read as a
// whole (wrong encoding, broken JSON, unknown columns, not a workbook) is refused with one error;
// row-level problems are left to the importer.
import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { invalid } from '../domain/errors.ts';
import { decodeText } from '../domain/catalog/decode-text.ts';
import { locateJsonError } from '../domain/catalog/json-error.ts';
import { parseCsv } from '../domain/catalog/csv.ts';
import { mapHeader, tabularRecord } from '../domain/catalog/tabular-columns.ts';
import type { LocatedRecord, ProcedureRecord } from '../domain/catalog/procedure-record.ts';

export type ImportFormat = 'json' | 'csv' | 'xlsx';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['json', 'csv', 'xlsx'];

export interface ParsedFile {
  format: ImportFormat;
  records: LocatedRecord[];
}

/** A gzip-compressed file (e.g. seed/national-procedures.json.gz) is read uncompressed. */
export function gunzipIfCompressed(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return new Uint8Array(gunzipSync(bytes));
  } catch (error) {
    throw invalid('IMPORT_INVALID_GZIP', `Không giải nén được tệp gzip: ${(error as Error).message}`);
  }
}

/** By the file name's extension (".gz" ignored), else by the first bytes (a ZIP is a workbook, "{" or "[" is JSON). */
export function detectFormat(bytes: Uint8Array, fileName?: string): ImportFormat {
  const extension = fileName?.toLowerCase().replace(/\.gz$/, '').match(/\.([a-z]+)$/)?.[1];
  if (extension === 'json' || extension === 'csv' || extension === 'xlsx') return extension;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  const start = bytes[0] === 0xef ? 3 : 0;
  let i = start;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b ? 'json' : 'csv';
}

export async function parseProcedureFile(bytes: Uint8Array, format: ImportFormat): Promise<ParsedFile> {
  if (bytes.length === 0) throw invalid('IMPORT_FILE_EMPTY', 'Tệp nhập trống.');
  switch (format) {
    case 'json':
      return { format, records: parseJson(bytes) };
    case 'csv':
      return { format, records: parseCsvFile(bytes) };
    case 'xlsx':
      return { format, records: await parseXlsx(bytes) };
  }
}

function decode(bytes: Uint8Array): string {
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    throw invalid('IMPORT_BAD_ENCODING',
      `Tệp không phải văn bản UTF-8 (byte không hợp lệ ở dòng ${decoded.line}, vị trí ${decoded.byteOffset}). ` +
      'Có thể tệp được lưu bằng bảng mã cũ (Windows-1258, TCVN3/ABC, VNI): hãy lưu lại dưới dạng "CSV UTF-8" hoặc JSON UTF-8.',
      { line: decoded.line, byteOffset: decoded.byteOffset });
  }
  return decoded.text;
}

function parseJson(bytes: Uint8Array): LocatedRecord[] {
  const text = decode(bytes);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const at = locateJsonError(text);
    throw invalid('IMPORT_INVALID_JSON',
      `Tệp JSON không hợp lệ${at ? ` ở dòng ${at.line}, cột ${at.column}` : ''}: ${(error as Error).message}`,
      at ? { line: at.line, column: at.column } : undefined);
  }
  const list = Array.isArray(data) ? data : (data as { procedures?: unknown } | null)?.procedures;
  if (!Array.isArray(list)) {
    throw invalid('IMPORT_INVALID_JSON', 'Tệp JSON phải là một mảng thủ tục hoặc một đối tượng có khóa "procedures" là mảng.');
  }
  return list.map((record, index) => ({ row: index + 1, record: record as ProcedureRecord }));
}

function tabular(rows: Array<{ line: number; cells: string[] }>): LocatedRecord[] {
  const header = rows.find((r) => r.cells.some((c) => c.trim() !== ''));
  if (!header) throw invalid('IMPORT_FILE_EMPTY', 'Tệp không có dòng tiêu đề.');
  const mapped = mapHeader(header.cells);
  if (!mapped.ok) throw invalid(`IMPORT_${mapped.code}`, mapped.message, { line: header.line, ...mapped.details });
  return rows
    .filter((r) => r.line > header.line && r.cells.some((c) => c.trim() !== ''))
    .map((r) => ({ row: r.line, record: tabularRecord(mapped.keys, header.cells, r.cells) }));
}

function parseCsvFile(bytes: Uint8Array): LocatedRecord[] {
  const parsed = parseCsv(decode(bytes));
  if (!parsed.ok) throw invalid('IMPORT_INVALID_CSV', `Tệp CSV không hợp lệ: ${parsed.message}`, { line: parsed.line });
  return tabular(parsed.records.map((r) => ({ line: r.line, cells: r.fields })));
}

async function parseXlsx(bytes: Uint8Array): Promise<LocatedRecord[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as never);
  } catch (error) {
    throw invalid('IMPORT_INVALID_XLSX', `Không đọc được tệp Excel (.xlsx): ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw invalid('IMPORT_FILE_EMPTY', 'Tệp Excel không có trang tính nào có dữ liệu.');
  const rows: Array<{ line: number; cells: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let col = 1; col <= row.cellCount; col++) cells.push(cellText(row.getCell(col).value));
    rows.push({ line: rowNumber, cells });
  });
  return tabular(rows);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return value.result === undefined || value.result === null ? '' : cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}
