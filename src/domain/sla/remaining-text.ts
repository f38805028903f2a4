// "Còn 2 ngày 3 giờ" / "Quá 1 ngày 2 giờ" / "Còn 45 phút": remaining working time as officers read it.
// Amounts are truncated (never shows more time left, or more delay, than there is).
import { HOUR_MS, MINUTE_MS } from '../calendar/index.ts';

function amount(ms: number, hoursPerDay: number): string {
  if (ms < MINUTE_MS) return 'dưới 1 phút';
  if (ms < HOUR_MS) return `${Math.floor(ms / MINUTE_MS)} phút`;
  const dayMs = hoursPerDay * HOUR_MS;
  const days = Math.floor(ms / dayMs);
  const hours = Math.floor((ms - days * dayMs) / HOUR_MS);
  if (days === 0) return `${hours} giờ`;
  return hours === 0 ? `${days} ngày` : `${days} ngày ${hours} giờ`;
}

/** Positive = working time left, negative = working time overdue, 0 = due now. */
export function formatRemainingVN(workingMs: number, hoursPerDay = 8): string {
  if (workingMs === 0) return 'Đến hạn';
  return workingMs > 0 ? `Còn ${amount(workingMs, hoursPerDay)}` : `Quá ${amount(-workingMs, hoursPerDay)}`;
}
