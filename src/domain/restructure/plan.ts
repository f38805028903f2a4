// A restructuring plan (phương án sắp xếp), format v1 of the public contract: an effective instant and
// operations on the network. Parsing checks the shape and lists every problem; `validate.ts` checks the
// plan against the network as it stands.
import type { AgencyLevel, UnitType } from '../network/unit.ts';
import { UNIT_TYPES } from '../network/unit.ts';

export interface NewUnit {
  code: string;
  name: string;
  type: UnitType;
  parentCode: string | null;
  shortName?: string;
  agencyLevel?: AgencyLevel;
  /** GSO code of the area served (commune for a point, district for a branch). */
  areaCode?: string;
  agencyIdentifier?: string;
  address?: string;
}

export type Operation =
  | { op: 'create'; unit: NewUnit }
  /** Many → one: `into` keeps (or, when created by the plan, starts); the others close. */
  | { op: 'merge'; from: string[]; into: string }
  /** One → many: each open dossier goes to communeMap[its applicant's commune], else to `default`. */
  | { op: 'split'; from: string; into: string[]; assignBy: 'applicantCommune'; communeMap: Record<string, string>; default?: string }
  | { op: 'close'; code: string; successor?: string }
  | { op: 'rename'; code: string; name: string }
  | { op: 'move'; code: string; parentCode: string };

export interface RestructurePlan {
  id: string;
  title: string;
  effectiveAt: number;
  /** Why the plan exists and what is demo about it (not in the contract's example; optional). */
  note?: string;
  operations: Operation[];
}

export interface PlanProblem {
  /** Where: "operations[3].into", "effectiveAt", … */
  path: string;
  code: string;
  message: string;
}

const PLAN_ID = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const UNIT_CODE = /^[A-Za-z0-9._-]{1,50}$/;
const AGENCY_LEVELS: readonly AgencyLevel[] = ['province', 'district', 'commune'];
const OPS = ['create', 'merge', 'split', 'close', 'rename', 'move'];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = 300): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

/** Parses an instant with an explicit offset (or a date meaning 00:00 +07:00). */
export function parseInstant(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+07:00` : value;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

export type ParseResult = { ok: true; plan: RestructurePlan } | { ok: false; problems: PlanProblem[] };

export function parsePlan(input: unknown): ParseResult {
  const problems: PlanProblem[] = [];
  const problem = (path: string, code: string, message: string) => problems.push({ path, code, message });
  if (!isObject(input)) return { ok: false, problems: [{ path: '', code: 'PLAN_NOT_OBJECT', message: 'Phương án phải là một đối tượng JSON.' }] };

  if (!(typeof input.id === 'string' && PLAN_ID.test(input.id))) {
    problem('id', 'PLAN_ID_INVALID', 'Mã phương án (id) phải gồm chữ thường, số, dấu chấm, gạch ngang; tối đa 100 ký tự.');
  }
  if (!isText(input.title, 500)) problem('title', 'PLAN_TITLE_MISSING', 'Phương án phải có tiêu đề (title).');
  const effectiveAt = parseInstant(input.effectiveAt);
  if (effectiveAt === null) problem('effectiveAt', 'PLAN_EFFECTIVE_AT_INVALID', 'Thời điểm hiệu lực (effectiveAt) phải là thời điểm ISO 8601 có múi giờ, ví dụ 2025-01-01T00:00:00+07:00.');
  if (input.note !== undefined && !isText(input.note, 2000)) problem('note', 'PLAN_NOTE_INVALID', 'Ghi chú (note) phải là chuỗi không quá 2.000 ký tự.');
  if (!Array.isArray(input.operations) || input.operations.length === 0) {
    problem('operations', 'PLAN_NO_OPERATIONS', 'Phương án phải có ít nhất một thao tác (operations).');
  } else if (input.operations.length > 5000) {
    problem('operations', 'PLAN_TOO_LARGE', 'Phương án có quá nhiều thao tác (tối đa 5.000).');
  }

  const operations: Operation[] = [];
  const ops = Array.isArray(input.operations) ? input.operations.slice(0, 5000) : [];
  ops.forEach((raw, index) => {
    const at = `operations[${index}]`;
    const code = (path: string, value: unknown): value is string => {
      if (typeof value === 'string' && UNIT_CODE.test(value)) return true;
      problem(`${at}.${path}`, 'PLAN_UNIT_CODE_INVALID', `Mã đơn vị tại ${at}.${path} không hợp lệ.`);
      return false;
    };
    const codes = (path: string, value: unknown, min: number): value is string[] => {
      if (!Array.isArray(value) || value.length < min) {
        problem(`${at}.${path}`, 'PLAN_UNIT_LIST_INVALID', `${at}.${path} phải là danh sách ít nhất ${min} mã đơn vị.`);
        return false;
      }
      return value.every((v, i) => code(`${path}[${i}]`, v));
    };
    if (!isObject(raw) || typeof raw.op !== 'string' || !OPS.includes(raw.op)) {
      problem(at, 'PLAN_OPERATION_UNKNOWN', `Thao tác ${at} không thuộc các loại: ${OPS.join(', ')}.`);
      return;
    }
    switch (raw.op) {
      case 'create': {
        const unit = raw.unit;
        if (!isObject(unit)) {
          problem(`${at}.unit`, 'PLAN_UNIT_MISSING', `Thao tác tạo ${at} phải có đơn vị (unit).`);
          return;
        }
        let ok = code('unit.code', unit.code);
        if (!isText(unit.name)) {
          problem(`${at}.unit.name`, 'PLAN_UNIT_NAME_MISSING', `Đơn vị tạo mới tại ${at} phải có tên.`);
          ok = false;
        }
        if (!UNIT_TYPES.includes(unit.type as UnitType)) {
          problem(`${at}.unit.type`, 'PLAN_UNIT_TYPE_INVALID', `Loại đơn vị tại ${at} phải là một trong: ${UNIT_TYPES.join(', ')}.`);
          ok = false;
        }
        if (unit.parentCode !== null && !code('unit.parentCode', unit.parentCode)) ok = false;
        if (unit.type === 'agency' && !AGENCY_LEVELS.includes(unit.agencyLevel as AgencyLevel)) {
          problem(`${at}.unit.agencyLevel`, 'PLAN_AGENCY_LEVEL_MISSING', `Cơ quan tạo mới tại ${at} phải có cấp (agencyLevel: province, district hoặc commune).`);
          ok = false;
        }
        for (const key of ['shortName', 'areaCode', 'agencyIdentifier', 'address'] as const) {
          if (unit[key] !== undefined && !isText(unit[key])) {
            problem(`${at}.unit.${key}`, 'PLAN_UNIT_FIELD_INVALID', `${at}.unit.${key} phải là chuỗi không rỗng.`);
            ok = false;
          }
        }
        if (ok) {
          const created: NewUnit = { code: unit.code as string, name: (unit.name as string).trim(), type: unit.type as UnitType, parentCode: unit.parentCode as string | null };
          if (unit.agencyLevel !== undefined) created.agencyLevel = unit.agencyLevel as AgencyLevel;
          for (const key of ['shortName', 'areaCode', 'agencyIdentifier', 'address'] as const) if (typeof unit[key] === 'string') created[key] = unit[key];
          operations.push({ op: 'create', unit: created });
        }
        return;
      }
      case 'merge': {
        if (codes('from', raw.from, 1) && code('into', raw.into)) operations.push({ op: 'merge', from: raw.from, into: raw.into });
        return;
      }
      case 'split': {
        let ok = code('from', raw.from) && codes('into', raw.into, 2);
        if (raw.assignBy !== 'applicantCommune') {
          problem(`${at}.assignBy`, 'PLAN_SPLIT_RULE_MISSING', `Tách đơn vị tại ${at} phải nêu quy tắc chọn đơn vị kế thừa (assignBy: "applicantCommune").`);
          ok = false;
        }
        const map = raw.communeMap ?? {};
        if (!isObject(map) || !Object.values(map).every((v) => typeof v === 'string')) {
          problem(`${at}.communeMap`, 'PLAN_SPLIT_MAP_INVALID', `communeMap tại ${at} phải ánh xạ mã xã → mã đơn vị kế thừa.`);
          ok = false;
        }
        if (raw.default !== undefined && !code('default', raw.default)) ok = false;
        if (ok && isObject(map) && Object.keys(map).length === 0 && raw.default === undefined) {
          problem(`${at}`, 'PLAN_SPLIT_RULE_MISSING', `Tách đơn vị tại ${at} không có quy tắc chọn đơn vị kế thừa (communeMap hoặc default).`);
          ok = false;
        }
        if (ok) {
          const split: Operation = { op: 'split', from: raw.from as string, into: raw.into as string[], assignBy: 'applicantCommune', communeMap: map as Record<string, string> };
          if (typeof raw.default === 'string') split.default = raw.default;
          operations.push(split);
        }
        return;
      }
      case 'close': {
        if (!code('code', raw.code)) return;
        if (raw.successor !== undefined && !code('successor', raw.successor)) return;
        operations.push(typeof raw.successor === 'string' ? { op: 'close', code: raw.code, successor: raw.successor } : { op: 'close', code: raw.code });
        return;
      }
      case 'rename': {
        if (!code('code', raw.code)) return;
        if (!isText(raw.name)) {
          problem(`${at}.name`, 'PLAN_UNIT_NAME_MISSING', `Đổi tên tại ${at} phải có tên mới.`);
          return;
        }
        operations.push({ op: 'rename', code: raw.code, name: raw.name.trim() });
        return;
      }
      case 'move': {
        if (code('code', raw.code) && code('parentCode', raw.parentCode)) operations.push({ op: 'move', code: raw.code, parentCode: raw.parentCode });
        return;
      }
    }
  });

  if (problems.length > 0) return { ok: false, problems };
  const plan: RestructurePlan = { id: input.id as string, title: (input.title as string).trim(), effectiveAt: effectiveAt!, operations };
  if (typeof input.note === 'string') plan.note = input.note;
  return { ok: true, plan };
}

/** The plan as the contract writes it (instants in +07:00), for storage and answers. */
export function planToJson(plan: RestructurePlan): Record<string, unknown> {
  const json: Record<string, unknown> = { id: plan.id, title: plan.title, effectiveAt: toVietnamInstant(plan.effectiveAt), operations: plan.operations };
  if (plan.note !== undefined) json.note = plan.note;
  return json;
}

export function toVietnamInstant(ms: number): string {
  const shifted = new Date(ms + 7 * 3_600_000).toISOString().replace('Z', '').replace(/\.000$/, '');
  return `${shifted}+07:00`;
}
