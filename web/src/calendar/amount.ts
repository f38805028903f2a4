// The processing time typed by a person: "3", "1.5" or, the Vietnamese way, "1,5".

/** "1,5" → "1.5"; null when the text is not a non-negative decimal number. */
export function normalizeAmount(text: string): string | null {
  const value = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(value) ? value : null;
}
