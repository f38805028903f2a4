// Queue settings an administrator edits (cấu hình hàng đợi): service groups with their ticket prefix and
// appointment slots, counters, and the unit's priority weights. Checks name the field they refuse; the
// store's constraints (prefix shape, unique prefix per unit) are stated here first, in Vietnamese.
import { invalid } from '../errors.ts';
import { PRIORITY_KINDS, type PriorityKind, type PriorityPolicy } from './priority.ts';

const GROUP_CODE_RE = /^[A-Z0-9]{1,10}$/;
const COUNTER_CODE_RE = /^[A-Za-z0-9-]{1,10}$/;
const PREFIX_RE = /^[A-Z]{1,2}$/;

export function checkGroupCode(code: string): string {
  const c = code.trim().toUpperCase();
  if (!GROUP_CODE_RE.test(c)) throw invalid('INVALID_GROUP_CODE', `Mã nhóm dịch vụ "${code}" chỉ gồm 1–10 chữ cái không dấu hoặc chữ số.`, { field: 'code' });
  return c;
}

export function checkCounterCode(code: string): string {
  const c = code.trim();
  if (!COUNTER_CODE_RE.test(c)) throw invalid('INVALID_COUNTER_CODE', `Mã quầy "${code}" chỉ gồm 1–10 chữ cái không dấu, chữ số hoặc gạch ngang.`, { field: 'code' });
  return c;
}

export function checkPrefix(prefix: string): string {
  const p = prefix.trim().toUpperCase();
  if (!PREFIX_RE.test(p)) throw invalid('INVALID_PREFIX', `Tiền tố số thứ tự "${prefix}" phải là 1–2 chữ cái in hoa không dấu (ví dụ A, HT).`, { field: 'prefix' });
  return p;
}

export function checkName(name: string, label: string): string {
  const n = name.trim();
  if (n === '') throw invalid('REQUIRED', `${label} không được để trống.`, { field: 'name' });
  if (n.length > 200) throw invalid('TOO_LONG', `${label} dài quá 200 ký tự.`, { field: 'name' });
  return n;
}

export function checkSlotMinutes(minutes: number): number {
  if (!Number.isInteger(minutes) || minutes < 5 || minutes > 240) {
    throw invalid('INVALID_SLOT_MINUTES', `Độ dài khung giờ hẹn ${minutes} phút không hợp lệ: từ 5 đến 240 phút.`, { field: 'slotMinutes' });
  }
  return minutes;
}

export function checkSlotCapacity(capacity: number): number {
  if (!Number.isInteger(capacity) || capacity < 0 || capacity > 1000) {
    throw invalid('INVALID_SLOT_CAPACITY', `Số lượt hẹn mỗi khung giờ ${capacity} không hợp lệ: từ 0 (không nhận hẹn) đến 1000.`, { field: 'slotCapacity' });
  }
  return capacity;
}

/** Head starts of 0–240 minutes per kind (normal and appointment stay 0: they are not priorities). */
export function checkPriorityPolicy(policy: { headStartMinutes: Partial<Record<string, number>>; maxConsecutivePriority: number }): PriorityPolicy {
  const unknown = Object.keys(policy.headStartMinutes).filter((k) => !(PRIORITY_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0) throw invalid('UNKNOWN_PRIORITY_KIND', `Không có đối tượng ưu tiên: ${unknown.join(', ')}.`, { field: 'headStartMinutes', unknown });
  const headStartMinutes = {} as Record<PriorityKind, number>;
  for (const kind of PRIORITY_KINDS) {
    const value = kind === 'normal' || kind === 'appointment' ? 0 : (policy.headStartMinutes[kind] ?? 0);
    if (!Number.isInteger(value) || value < 0 || value > 240) {
      throw invalid('INVALID_HEAD_START', `Thời gian ưu tiên của "${kind}" là ${value} phút: phải từ 0 đến 240 phút.`, { field: `headStartMinutes.${kind}` });
    }
    headStartMinutes[kind] = value;
  }
  const max = policy.maxConsecutivePriority;
  if (!Number.isInteger(max) || max < 1 || max > 20) {
    throw invalid('INVALID_PRIORITY_STREAK', `Số lượt ưu tiên liên tiếp tối đa ${max} không hợp lệ: từ 1 đến 20.`, { field: 'maxConsecutivePriority' });
  }
  return { headStartMinutes, maxConsecutivePriority: max };
}
