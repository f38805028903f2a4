// Text hygiene for catalog data: one Unicode form (NFC), no control characters, and an accent-free
// folding used to recognise Vietnamese labels ("Cấp xã", "cap xa", "CẤP XÃ" are the same level).

// C0/C1 controls except tab and newline, and the Unicode non-characters that break JSON consumers.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

/** A value from a file as clean text: NFC, CRLF → LF, controls removed, trimmed. Non-strings → ''. */
export function cleanText(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return '';
  return value.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

/** Like cleanText, and whitespace runs (newlines included) become one space: for names and labels. */
export function cleanLine(value: unknown): string {
  return cleanText(value).replace(/\s+/g, ' ');
}

/** Lower case without diacritics, đ → d: "Cấp Giấy phép" → "cap giay phep". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first `max` code points of a text, never cutting a surrogate pair. */
export function truncateCodePoints(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : points.slice(0, max).join('');
}
