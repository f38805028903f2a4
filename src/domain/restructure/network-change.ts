// What a plan does to the network, checked against the network as it stands: every problem is listed
// (unknown units, cycles, orphans, splits without a rule, open work without a successor, plans that would
// rewrite a later plan's past). Pure: the service passes the units, open-work counts and earlier plans.
import { isValidAt, type Unit } from '../network/unit.ts';
import type { Operation, PlanProblem, RestructurePlan } from './plan.ts';

/** How a closed unit hands over its open work. */
export interface Closure {
  code: string;
  kind: 'merge' | 'close' | 'split';
  successors: string[];
  communeMap: Record<string, string>;
  fallback: string | null;
}

export interface NetworkChange {
  effectiveAt: number;
  creates: Unit[];
  closures: Map<string, Closure>;
  renames: Array<{ code: string; from: string; to: string }>;
  moves: Array<{ code: string; from: string | null; to: string }>;
  lineage: Array<{ predecessor: string; successor: string }>;
  /** Every unit the plan names. */
  touched: Set<string>;
}

export interface EarlierPlan {
  id: string;
  effectiveAt: number;
  touched: readonly string[];
}

export interface ChangeInput {
  network: readonly Unit[];
  plan: RestructurePlan;
  provinceCode: string;
  /** Open dossiers per unit code (any role: receiving, competent, return). */
  openWork: ReadonlyMap<string, number>;
  earlierPlans: readonly EarlierPlan[];
}

const ONE_STOP = new Set(['center', 'branch', 'reception_point']);
const family = (type: string) => (ONE_STOP.has(type) ? 'one-stop' : 'agency');

export type ChangeResult = { ok: true; change: NetworkChange } | { ok: false; problems: PlanProblem[] };

export function planNetworkChange(input: ChangeInput): ChangeResult {
  const { network, plan } = input;
  const at = plan.effectiveAt;
  const problems: PlanProblem[] = [];
  const problem = (path: string, code: string, message: string) => problems.push({ path, code, message });

  const everUsed = new Set(network.map((u) => u.code));
  const valid = new Map(network.filter((u) => isValidAt(u, at)).map((u) => [u.code, u]));
  const created = new Map<string, Unit>();
  const closures = new Map<string, Closure>();
  const renames: NetworkChange['renames'] = [];
  const moves: NetworkChange['moves'] = [];
  const touched = new Set<string>();
  const unitOf = (code: string) => created.get(code) ?? valid.get(code);

  // Creates first: later operations may name the units the plan creates, whatever their order.
  plan.operations.forEach((op, i) => {
    if (op.op !== 'create') return;
    const path = `operations[${i}].unit.code`;
    touched.add(op.unit.code);
    if (created.has(op.unit.code)) return problem(path, 'PLAN_DUPLICATE_CREATE', `Đơn vị ${op.unit.code} được tạo hai lần trong phương án.`);
    if (everUsed.has(op.unit.code)) return problem(path, 'PLAN_UNIT_EXISTS', `Mã đơn vị ${op.unit.code} đã được dùng; không thể tạo lại.`);
    created.set(op.unit.code, {
      code: op.unit.code,
      provinceCode: input.provinceCode,
      name: op.unit.name,
      shortName: op.unit.shortName ?? null,
      type: op.unit.type,
      agencyLevel: op.unit.type === 'agency' ? (op.unit.agencyLevel ?? null) : null,
      parentCode: op.unit.parentCode,
      areaCode: op.unit.areaCode ?? null,
      agencyIdentifier: op.unit.agencyIdentifier ?? null,
      address: op.unit.address ?? null,
      validFrom: at,
      validTo: null,
    });
  });

  const requireExisting = (path: string, code: string): Unit | undefined => {
    touched.add(code);
    const unit = unitOf(code);
    if (!unit) {
      problem(path, 'PLAN_UNKNOWN_UNIT', everUsed.has(code)
        ? `Đơn vị ${code} không còn hiệu lực tại thời điểm phương án có hiệu lực.`
        : `Không có đơn vị mã ${code}.`);
    }
    return unit;
  };
  const close = (path: string, code: string, closure: Omit<Closure, 'code'>) => {
    const unit = requireExisting(path, code);
    if (!unit) return;
    if (created.has(code)) return problem(path, 'PLAN_CLOSE_CREATED', `Đơn vị ${code} vừa được tạo trong phương án, không thể đóng ngay.`);
    if (unit.validFrom >= at) return problem(path, 'PLAN_CLOSE_BEFORE_START', `Đơn vị ${code} bắt đầu hiệu lực từ chính thời điểm này; không thể đóng nó cùng lúc (phương án trước đã tạo nó).`);
    if (closures.has(code)) return problem(path, 'PLAN_CLOSED_TWICE', `Đơn vị ${code} bị đóng/sáp nhập/tách nhiều lần trong phương án.`);
    closures.set(code, { code, ...closure });
  };

  plan.operations.forEach((op: Operation, i) => {
    const at_ = `operations[${i}]`;
    switch (op.op) {
      case 'create':
        if (op.unit.parentCode !== null) requireExisting(`${at_}.unit.parentCode`, op.unit.parentCode);
        return;
      case 'merge':
        requireExisting(`${at_}.into`, op.into);
        op.from.forEach((code, j) => {
          if (code === op.into) return problem(`${at_}.from[${j}]`, 'PLAN_MERGE_INTO_ITSELF', `Không thể sáp nhập ${code} vào chính nó.`);
          close(`${at_}.from[${j}]`, code, { kind: 'merge', successors: [op.into], communeMap: {}, fallback: op.into });
        });
        return;
      case 'split': {
        op.into.forEach((code, j) => requireExisting(`${at_}.into[${j}]`, code));
        for (const [commune, successor] of Object.entries(op.communeMap)) {
          if (!op.into.includes(successor)) problem(`${at_}.communeMap.${commune}`, 'PLAN_SPLIT_MAP_OUTSIDE', `communeMap chỉ được trỏ tới các đơn vị kế thừa của thao tác tách (${successor} không thuộc into).`);
        }
        if (op.default !== undefined && !op.into.includes(op.default)) problem(`${at_}.default`, 'PLAN_SPLIT_MAP_OUTSIDE', `default phải là một trong các đơn vị kế thừa (${op.default} không thuộc into).`);
        if (op.into.includes(op.from)) problem(`${at_}.into`, 'PLAN_MERGE_INTO_ITSELF', `Không thể tách ${op.from} thành chính nó.`);
        close(`${at_}.from`, op.from, { kind: 'split', successors: [...op.into], communeMap: { ...op.communeMap }, fallback: op.default ?? null });
        return;
      }
      case 'close':
        if (op.successor !== undefined) requireExisting(`${at_}.successor`, op.successor);
        close(`${at_}.code`, op.code, { kind: 'close', successors: op.successor ? [op.successor] : [], communeMap: {}, fallback: op.successor ?? null });
        return;
      case 'rename': {
        const unit = requireExisting(`${at_}.code`, op.code);
        if (unit && unit.name !== op.name) renames.push({ code: op.code, from: unit.name, to: op.name });
        return;
      }
      case 'move': {
        const unit = requireExisting(`${at_}.code`, op.code);
        requireExisting(`${at_}.parentCode`, op.parentCode);
        if (unit && unit.parentCode !== op.parentCode) moves.push({ code: op.code, from: unit.parentCode, to: op.parentCode });
        return;
      }
    }
  });

  // Successors must live on after the plan and do the same kind of work.
  const lineage: NetworkChange['lineage'] = [];
  for (const closure of closures.values()) {
    const unit = unitOf(closure.code);
    for (const successor of closure.successors) {
      const next = unitOf(successor);
      if (!next) continue;
      if (closures.has(successor)) {
        problem(`units.${closure.code}`, 'PLAN_SUCCESSOR_CLOSED', `Đơn vị kế thừa ${successor} của ${closure.code} cũng bị đóng trong phương án.`);
      } else if (unit && family(unit.type) !== family(next.type)) {
        problem(`units.${closure.code}`, 'PLAN_SUCCESSOR_KIND', `${closure.code} (${unit.type}) không thể giao việc cho ${successor} (${next.type}): bộ phận một cửa chỉ kế thừa bộ phận một cửa, cơ quan chỉ kế thừa cơ quan.`);
      }
      lineage.push({ predecessor: closure.code, successor });
    }
    const open = input.openWork.get(closure.code) ?? 0;
    if (closure.successors.length === 0 && open > 0) {
      problem(`units.${closure.code}`, 'PLAN_OPEN_WORK_WITHOUT_SUCCESSOR', `Đơn vị ${closure.code} còn ${open} hồ sơ đang giải quyết nhưng không có đơn vị kế thừa.`);
    }
    if (closure.kind === 'split' && closure.fallback === null && open > 0) {
      // Dossiers of applicants from communes outside the map would have nowhere to go.
      problem(`units.${closure.code}`, 'PLAN_SPLIT_NO_DEFAULT', `Tách ${closure.code}: còn ${open} hồ sơ đang giải quyết; cần "default" cho hồ sơ của người nộp ngoài communeMap.`);
    }
  }

  // Parents after the plan: created units, moves, and no parent that closes.
  const parentAfter = new Map<string, string | null>();
  for (const [code, unit] of valid) if (!closures.has(code)) parentAfter.set(code, unit.parentCode);
  for (const [code, unit] of created) parentAfter.set(code, unit.parentCode);
  for (const move of moves) if (parentAfter.has(move.code)) parentAfter.set(move.code, move.to);
  for (const [code, parent] of parentAfter) {
    if (parent === null) continue;
    if (closures.has(parent)) {
      problem(`units.${code}`, 'PLAN_ORPHAN', `Đơn vị ${code} còn hiệu lực nhưng đơn vị cấp trên ${parent} bị đóng; hãy chuyển (move) hoặc đóng ${code}.`);
    }
  }
  const inReportedCycle = new Set<string>();
  for (const start of parentAfter.keys()) {
    if (inReportedCycle.has(start)) continue;
    const path: string[] = [];
    let cursor: string | null | undefined = start;
    while (cursor && !path.includes(cursor)) {
      path.push(cursor);
      cursor = parentAfter.get(cursor);
    }
    if (cursor === start) {
      // Report each cycle once, naming its members.
      for (const member of path) inReportedCycle.add(member);
      problem(`units.${start}`, 'PLAN_CYCLE', `Quan hệ cấp trên tạo thành vòng lặp: ${[...path, start].join(' → ')}.`);
    }
  }

  for (const earlier of input.earlierPlans) {
    if (earlier.id === plan.id) continue;
    if (earlier.effectiveAt > at && earlier.touched.some((code) => touched.has(code))) {
      problem('effectiveAt', 'PLAN_OVERLAPS', `Phương án ${earlier.id} có hiệu lực sau thời điểm này và liên quan cùng đơn vị; không thể sắp xếp lại quá khứ của nó.`);
    }
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, change: { effectiveAt: at, creates: [...created.values()], closures, renames, moves, lineage, touched } };
}

/** The unit that takes over `unitCode`'s role for a dossier of an applicant from `communeCode`. */
export function successorFor(change: Pick<NetworkChange, 'closures'>, unitCode: string, communeCode: string): string | null {
  const closure = change.closures.get(unitCode);
  if (!closure) return null;
  return closure.communeMap[communeCode] ?? closure.fallback;
}
