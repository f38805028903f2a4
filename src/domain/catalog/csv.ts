// A small RFC 4180 reader: quoted fields with doubled quotes, CRLF or LF line ends, newlines inside
// quotes. The delimiter is the comma, or the semicolon / tab when the header row uses those (Excel
// with a Vietnamese locale saves ";"). Each record keeps the line it started on, for error reports.

export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvResult = { ok: true; records: CsvRecord[]; delimiter: string } | { ok: false; line: number; message: string };

export function detectDelimiter(text: string): string {
  const header = firstLineOutsideQuotes(text);
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

function firstLineOutsideQuotes(text: string): string {
  let inQuotes = false;
  let out = '';
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes) out += ch;
  }
  return out;
}

export function parseCsv(text: string, delimiter = detectDelimiter(text)): CsvResult {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false; // the current field started with a quote
  let afterQuote = false; // the closing quote of the current field was seen
  const endField = () => {
    fields.push(field);
    field = '';
    quoted = false;
    afterQuote = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted && !afterQuote) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        afterQuote = true;
        i++;
        continue;
      }
      if (ch === '\n') line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === delimiter) {
      endField();
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (afterQuote) {
      return { ok: false, line, message: `Dòng ${line}: ký tự "${ch}" sau dấu ngoặc kép đóng; trường có ngoặc kép phải kết thúc ngay sau dấu đóng.` };
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
      continue;
    }
    field += ch;
    i++;
  }
  if (quoted && !afterQuote) {
    return { ok: false, line: recordLine, message: `Dòng ${recordLine}: dấu ngoặc kép mở nhưng không đóng đến hết tệp.` };
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { ok: true, records, delimiter };
}
