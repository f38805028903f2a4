// The column set of CSV and XLSX catalog files (docs/catalog-import.md): one procedure per row, the
// first row names the columns (English keys or their Vietnamese headings, any case, with or without
// accents). A row becomes a ProcedureRecord, the same shape a JSON file gives.
import type { ChannelRecord, DocumentRecord, ProcedureRecord } from './procedure-record.ts';
import { cleanText, foldVietnamese } from './text.ts';

export interface ColumnSpec {
  key: string;
  headings: readonly string[];
  description: string;
}

export const COLUMNS: readonly ColumnSpec[] = [
  { key: 'code', headings: ['Mã thủ tục', 'Mã TTHC', 'Mã'], description: 'National code, e.g. 1.001193 (required, unique in the file).' },
  { key: 'local_code', headings: ['Mã địa phương', 'Mã thủ tục địa phương'], description: 'Province-localised code, e.g. 1.001193.000.00.00.H56.' },
  { key: 'name', headings: ['Tên thủ tục', 'Tên'], description: 'Name (required).' },
  { key: 'field', headings: ['Lĩnh vực'], description: 'Field (required).' },
  { key: 'field_code', headings: ['Mã lĩnh vực'], description: 'Field code.' },
  { key: 'level', headings: ['Cấp thực hiện', 'Cấp', 'levels'], description: 'Cấp tỉnh / Cấp huyện / Cấp xã (also Cấp bộ, Cơ quan khác); several separated by ";" (required).' },
  { key: 'issuing_ministry', headings: ['Bộ ngành', 'Cơ quan ban hành'], description: 'Ministry that published it.' },
  { key: 'decision_no', headings: ['Quyết định công bố', 'Số quyết định'], description: 'Publishing decision number.' },
  { key: 'procedure_type', headings: ['Loại thủ tục'], description: 'Procedure type.' },
  { key: 'applicants', headings: ['Đối tượng thực hiện'], description: 'Applicants.' },
  { key: 'competent_agency', headings: ['Cơ quan có thẩm quyền'], description: 'Competent agency.' },
  { key: 'implementing_agency', headings: ['Cơ quan thực hiện'], description: 'Implementing agency.' },
  { key: 'authorized_agency', headings: ['Cơ quan được ủy quyền'], description: 'Authorised agency.' },
  { key: 'coordinating_agency', headings: ['Cơ quan phối hợp'], description: 'Coordinating agency.' },
  { key: 'receiving_address', headings: ['Địa chỉ tiếp nhận'], description: 'Where dossiers are received.' },
  { key: 'channels', headings: ['Kênh nộp', 'Cách thức thực hiện'], description: 'Offered channels: Trực tiếp; Trực tuyến; Dịch vụ bưu chính (default: those with a time or fee column filled, else direct).' },
  { key: 'processing_time', headings: ['Thời hạn giải quyết', 'Thời hạn'], description: 'Time limit text for every channel, e.g. "15 ngày làm việc".' },
  { key: 'time_direct', headings: ['Thời hạn trực tiếp'], description: 'Time limit when filed in person (overrides processing_time).' },
  { key: 'time_online', headings: ['Thời hạn trực tuyến'], description: 'Time limit when filed online.' },
  { key: 'time_postal', headings: ['Thời hạn bưu chính'], description: 'Time limit when filed by post.' },
  { key: 'fee', headings: ['Phí, lệ phí', 'Phí'], description: 'Fee text for every channel, e.g. "50.000 đồng", "Miễn phí".' },
  { key: 'fee_direct', headings: ['Phí trực tiếp'], description: 'Fee when filed in person (overrides fee).' },
  { key: 'fee_online', headings: ['Phí trực tuyến'], description: 'Fee when filed online.' },
  { key: 'fee_postal', headings: ['Phí bưu chính'], description: 'Fee when filed by post.' },
  { key: 'fee_note', headings: ['Mô tả phí', 'Ghi chú phí'], description: 'Note on the fee or time limit (basis, exemptions).' },
  { key: 'documents', headings: ['Thành phần hồ sơ'], description: 'One document per line: "name | originals | certified copies | photocopies | template"; a line "# heading" starts a case.' },
  { key: 'results', headings: ['Kết quả', 'Kết quả thực hiện'], description: 'Results, one per line.' },
  { key: 'conditions', headings: ['Yêu cầu, điều kiện', 'Điều kiện'], description: 'Conditions.' },
  { key: 'legal_basis', headings: ['Căn cứ pháp lý'], description: 'Legal basis.' },
  { key: 'steps', headings: ['Trình tự thực hiện', 'Trình tự'], description: 'Steps.' },
  { key: 'online_level', headings: ['Mức độ trực tuyến', 'Mức độ DVC'], description: 'toàn trình / một phần / không (default derived from the channels).' },
  { key: 'must_file_in_own_area', headings: ['Nộp tại địa bàn'], description: 'có/không: must be filed in its own area.' },
  { key: 'online_payment_required', headings: ['Thanh toán trực tuyến'], description: 'có/không: fee must be paid online.' },
  { key: 'digitally_signed_result', headings: ['Kết quả ký số'], description: 'có/không: result must be digitally signed.' },
  { key: 'supplement_policy', headings: ['Thời hạn khi bổ sung'], description: 'tính lại (restart, default) / tạm dừng (pause): how a supplement moves the clock.' },
  { key: 'source_url', headings: ['Nguồn', 'Đường dẫn'], description: 'Source URL.' },
];

const REQUIRED = ['code', 'name'];

function headingKey(text: string): string {
  return foldVietnamese(text).replace(/[_\-.:]+/g, ' ').replace(/\s+/g, ' ').trim();
}

const BY_HEADING = new Map<string, string>();
for (const column of COLUMNS) {
  BY_HEADING.set(headingKey(column.key), column.key);
  for (const heading of column.headings) BY_HEADING.set(headingKey(heading), column.key);
}

export type HeaderResult = { ok: true; keys: Array<string | null> } | { ok: false; code: string; message: string; details: Record<string, unknown> };

/** Maps the header row to column keys; unknown, duplicate or missing required columns refuse the file. */
export function mapHeader(headers: readonly string[]): HeaderResult {
  const keys: Array<string | null> = [];
  const unknown: string[] = [];
  const seen = new Map<string, string>();
  for (const header of headers) {
    const label = cleanText(header);
    if (label === '') {
      keys.push(null);
      continue;
    }
    const key = BY_HEADING.get(headingKey(label));
    if (!key) {
      unknown.push(label);
      keys.push(null);
      continue;
    }
    if (seen.has(key)) {
      return { ok: false, code: 'DUPLICATE_COLUMN', message: `Cột "${label}" trùng với cột "${seen.get(key)}".`, details: { column: label } };
    }
    seen.set(key, label);
    keys.push(key);
  }
  if (unknown.length > 0) {
    return { ok: false, code: 'UNKNOWN_COLUMN', message: `Tệp có cột không xác định: ${unknown.map((u) => `"${u}"`).join(', ')} (xem docs/catalog-import.md).`, details: { columns: unknown } };
  }
  const missing = REQUIRED.filter((k) => !seen.has(k));
  if (missing.length > 0) {
    return { ok: false, code: 'MISSING_COLUMN', message: `Tệp thiếu cột bắt buộc: ${missing.join(', ')}.`, details: { columns: missing } };
  }
  return { ok: true, keys };
}

const CHANNEL_COLUMNS = [
  { channel: 'Trực tiếp', time: 'time_direct', fee: 'fee_direct' },
  { channel: 'Trực tuyến', time: 'time_online', fee: 'fee_online' },
  { channel: 'Dịch vụ bưu chính', time: 'time_postal', fee: 'fee_postal' },
] as const;

/** One data row (cells in header order) as a ProcedureRecord; `raw` keeps the row's non-empty cells. */
export function tabularRecord(keys: ReadonlyArray<string | null>, headers: readonly string[], cells: readonly string[]): ProcedureRecord {
  const cell: Record<string, string> = {};
  const raw: Record<string, string> = {};
  keys.forEach((key, i) => {
    const value = cells[i] ?? '';
    if (key) cell[key] = value;
    if (value.trim() !== '') raw[cleanText(headers[i]) || `#${i + 1}`] = value;
  });
  const get = (key: string) => (cell[key] ?? '').trim();

  const offered = get('channels')
    ? get('channels').split(/[;,\n]/).map((s) => s.trim()).filter(Boolean)
    : CHANNEL_COLUMNS.filter((c) => get(c.time) || get(c.fee)).map((c) => c.channel as string);
  if (offered.length === 0 && (get('processing_time') || get('fee'))) offered.push('Trực tiếp');
  const channels: ChannelRecord[] = offered.map((label) => {
    const columns = CHANNEL_COLUMNS.find((c) => foldVietnamese(c.channel) === foldVietnamese(label)) ?? channelColumnsByAlias(label);
    return {
      channel: label,
      processingTime: (columns && get(columns.time)) || get('processing_time'),
      fee: (columns && get(columns.fee)) || get('fee'),
      description: get('fee_note'),
    };
  });

  return {
    code: get('code'),
    localCode: get('local_code'),
    name: get('name'),
    field: get('field'),
    fieldCode: get('field_code'),
    levels: get('level'),
    issuingMinistry: get('issuing_ministry'),
    decisionNo: get('decision_no'),
    procedureType: get('procedure_type'),
    applicants: get('applicants'),
    competentAuthority: get('competent_agency'),
    implementingAgency: get('implementing_agency'),
    authorizedAgency: get('authorized_agency'),
    coordinatingAgency: get('coordinating_agency'),
    receivingAddress: get('receiving_address'),
    channels,
    requiredDocuments: parseDocumentCell(get('documents')),
    results: get('results'),
    conditions: get('conditions'),
    legalBasis: get('legal_basis'),
    steps: get('steps'),
    onlineLevel: get('online_level'),
    mustFileInOwnArea: cell.must_file_in_own_area,
    onlinePaymentRequired: cell.online_payment_required,
    digitallySignedResult: cell.digitally_signed_result,
    ...(get('supplement_policy') ? { supplementPolicy: get('supplement_policy') } : {}),
    sourceUrl: get('source_url'),
    raw,
  };
}

function channelColumnsByAlias(label: string) {
  const folded = foldVietnamese(label);
  if (['direct', 'truc tiep', '1'].includes(folded)) return CHANNEL_COLUMNS[0];
  if (['online', 'truc tuyen', '2'].includes(folded)) return CHANNEL_COLUMNS[1];
  if (['postal', 'buu chinh', 'buu chinh cong ich', 'dich vu buu chinh cong ich', '3'].includes(folded)) return CHANNEL_COLUMNS[2];
  return undefined;
}

/** "name | originals | certified copies | photocopies | template" per line; "# heading" starts a case. */
export function parseDocumentCell(text: string): DocumentRecord[] {
  const documents: DocumentRecord[] = [];
  let group = '';
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (trimmed.startsWith('#')) {
      group = trimmed.replace(/^#+\s*/, '');
      continue;
    }
    const [name, originals, certifiedCopies, photocopies, template] = trimmed.split('|').map((s) => s.trim());
    documents.push({ name, originals, certifiedCopies, photocopies, template, group });
  }
  return documents;
}
