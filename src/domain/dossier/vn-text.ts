// Small pieces of Vietnamese prose shared by the dossier messages.
const VN_OFFSET_MS = 7 * 3_600_000;

/** 10/03/2025 (the day in Vietnam). */
export function dateVN(epochMs: number): string {
  const iso = new Date(epochMs + VN_OFFSET_MS).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** 15:30 ngày 10/03/2025 */
export function instantVN(epochMs: number): string {
  const iso = new Date(epochMs + VN_OFFSET_MS).toISOString();
  return `${iso.slice(11, 16)} ngày ${dateVN(epochMs)}`;
}

/** "A", "A hoặc B", "A, B hoặc C". */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} hoặc ${items[items.length - 1]}`;
}
