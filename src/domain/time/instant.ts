// Instants on the wire: ISO 8601 with an explicit offset, shown in Vietnam's fixed +07:00.
import { invalid } from '../errors.ts';

const VN_OFFSET_MS = 7 * 3_600_000;
const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 2025-02-05T16:30:00+07:00 */
export function formatInstantVN(epochMs: number): string {
  const local = new Date(epochMs + VN_OFFSET_MS).toISOString(); // wall time in Vietnam, labelled Z
  return `${local.slice(0, 19)}+07:00`;
}

function validCivilDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** An ISO 8601 instant that states its offset; a bare local time is ambiguous and refused. */
export function parseInstant(text: string, field: string): number {
  const match = INSTANT_RE.exec(text.trim());
  if (!match || !validCivilDate(Number(match[1]), Number(match[2]), Number(match[3])) || Number(match[4]) > 23 || Number(match[5]) > 59) {
    throw invalid('INVALID_INSTANT', `Trường "${field}" phải là thời điểm ISO 8601 có múi giờ, ví dụ 2025-02-05T08:00:00+07:00.`, { field, value: text });
  }
  const epochMs = Date.parse(text.trim());
  if (Number.isNaN(epochMs)) {
    throw invalid('INVALID_INSTANT', `Trường "${field}" không phải thời điểm hợp lệ (giây hoặc múi giờ sai).`, { field, value: text });
  }
  return epochMs;
}

/** A date (00:00 +07:00 that day) or an instant, as every `at=` parameter of the contract takes. */
export function parseDateOrInstant(text: string, field: string): number {
  const match = DATE_RE.exec(text.trim());
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (!validCivilDate(y, m, d)) {
      throw invalid('INVALID_DATE', `Trường "${field}" không phải ngày hợp lệ (YYYY-MM-DD).`, { field, value: text });
    }
    return Date.UTC(y, m - 1, d) - VN_OFFSET_MS;
  }
  return parseInstant(text, field);
}
