// What the forms print about one dossier, gathered from its row and its append-only history: names of
// units and officers instead of codes, the applicant's address with the commune's name, and the facts of
// the supplement request, refusal and extension when they happened. Nothing here is invented: a fact the
// system does not hold stays null and the form prints a labelled blank line.
import type { ProcedureClock } from '../../domain/sla/index.ts';
import type { Unit } from '../../domain/network/unit.ts';
import { listAllUnits } from '../../store/units.ts';
import { findStaffByUsername } from '../../store/staff.ts';
import { listActions, type ActionRecord, type DossierRecord } from '../../store/dossiers.ts';
import { unitCalendar } from '../calendar.ts';
import { clockEventsOf, clockOf } from '../dossier-history.ts';
import type { ServiceContext } from '../context.ts';

export interface DocumentLine {
  name: string;
  originals: number;
  certifiedCopies: number;
  photocopies: number;
}

export interface UnitFacts {
  code: string;
  name: string;
  parentName: string | null;
}

export interface StepFacts {
  seq: number;
  type: string;
  at: number;
  actorName: string;
  actorUnit: UnitFacts;
  reason: string | null;
  request: Record<string, unknown>;
  /** The person the step handed the dossier to (assign, forward with `to`). */
  handedToName: string | null;
}

export interface DossierFormFacts {
  code: string;
  procedureCode: string;
  procedureName: string;
  status: string;
  channel: string;
  applicant: {
    kind: 'citizen' | 'organization';
    fullName: string;
    idNumber: string | null;
    phone: string | null;
    email: string | null;
    address: string | null;
    representativeName: string | null;
  };
  receivingUnit: UnitFacts;
  competentUnit: UnitFacts;
  returnUnit: UnitFacts;
  returnByPost: boolean;
  documents: DocumentLine[];
  receivedAt: number;
  receivedByName: string;
  /** "3 ngày làm việc", from the clock pinned at intake. */
  timeLimitText: string | null;
  /** The due instant promised at intake (before any extension). */
  promisedDueAt: number | null;
  dueAt: number | null;
  finishedAt: number | null;
  steps: StepFacts[];
  supplement: { at: number; reason: string; missingDocuments: string[]; actorName: string; actorUnit: UnitFacts } | null;
  rejection: { at: number; reason: string; actorName: string; actorUnit: UnitFacts; atReceipt: boolean } | null;
  extension: { at: number; reason: string; previousDueAt: number; newDueAt: number; actorName: string; actorUnit: UnitFacts } | null;
  outcome: 'early' | 'on_time' | 'late' | null;
}

export function timeLimitText(clock: ProcedureClock | undefined): string | null {
  const limit = clock?.timeLimit;
  if (!limit) return null;
  switch (limit.unit) {
    case 'days': return `${formatNumber(limit.value)} ngày làm việc`;
    case 'hours': return `${formatNumber(limit.value)} giờ làm việc`;
    case 'sameDay': return 'trong ngày';
    case 'sameDayOrNextIfAfter': return `trong ngày (nhận sau ${limit.cutoff} thì trả trong ngày làm việc tiếp theo)`;
    default: return null;
  }
}

const formatNumber = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** "xã An Linh" from the commune committee the network holds for that GSO code. */
export function communeName(units: readonly Unit[], communeCode: string): string | null {
  const committee = units.find((u) => u.type === 'agency' && u.agencyLevel === 'commune' && u.areaCode === communeCode);
  if (!committee) return null;
  return committee.name.replace(/^(Ủy|Uỷ) ban nhân dân\s+/i, '');
}

export async function loadFormFacts(ctx: ServiceContext, dossier: DossierRecord): Promise<DossierFormFacts> {
  const [units, actions] = await Promise.all([listAllUnits(ctx.db), listActions(ctx.db, ctx.provinceCode, dossier.code)]);
  const byCode = new Map(units.map((u) => [u.code, u]));
  const unitFacts = (code: string): UnitFacts => {
    const unit = byCode.get(code);
    const parent = unit?.parentCode ? byCode.get(unit.parentCode) : undefined;
    return { code, name: unit?.name ?? code, parentName: parent?.name ?? null };
  };
  const names = new Map<string, string>();
  const nameOf = async (username: string | undefined | null): Promise<string | null> => {
    if (!username) return null;
    if (!names.has(username)) names.set(username, (await findStaffByUsername(ctx.db, username))?.fullName ?? username);
    return names.get(username)!;
  };

  const steps: StepFacts[] = [];
  for (const action of actions) {
    const request = ((action.payload as { request?: Record<string, unknown> }).request ?? {}) as Record<string, unknown>;
    const handedTo = typeof request.assignee === 'string' ? request.assignee : typeof request.to === 'string' ? request.to : null;
    steps.push({
      seq: action.seq, type: action.type, at: action.at.getTime(), actorName: (await nameOf(action.actorUsername))!,
      actorUnit: unitFacts(action.actorUnitCode), reason: action.reason, request, handedToName: await nameOf(handedTo),
    });
  }

  const calendar = await unitCalendar(ctx, dossier.receivingUnitCode);
  const clock = dossier.clock as ProcedureClock;
  // The due instant as it stood after these actions (projected as if resumed then, when paused).
  const dueAfter = (upTo: readonly ActionRecord[], at: number) => clockOf(calendar, clock, clockEventsOf(upTo), at).dueAt;
  const now = ctx.now().getTime();
  const status = clockOf(calendar, clock, clockEventsOf(actions), now);

  const last = (type: string) => [...steps].reverse().find((s) => s.type === type);
  const supplement = last('request_supplement');
  const rejection = last('reject');
  const extensionStep = last('extend');
  const applicant = dossier.applicant as {
    kind?: 'citizen' | 'organization'; fullName?: string; idNumber?: string; phone?: string; email?: string | null;
    address?: { communeCode?: string; detail?: string | null }; representative?: { fullName?: string } | null;
  };
  const commune = applicant.address?.communeCode ? communeName(units, applicant.address.communeCode) : null;
  const address = [applicant.address?.detail, commune].filter((part): part is string => Boolean(part && part.trim())).join(', ') || null;

  return {
    code: dossier.code,
    procedureCode: dossier.procedureCode,
    procedureName: dossier.procedureName,
    status: dossier.status,
    channel: dossier.channel,
    applicant: {
      kind: applicant.kind ?? 'citizen',
      fullName: applicant.fullName ?? '',
      idNumber: applicant.idNumber ?? null,
      phone: applicant.phone ?? null,
      email: applicant.email ?? null,
      address,
      representativeName: applicant.representative?.fullName ?? null,
    },
    receivingUnit: unitFacts(dossier.receivingUnitCode),
    competentUnit: unitFacts(dossier.competentUnitCode),
    returnUnit: unitFacts(dossier.returnUnitCode),
    returnByPost: dossier.returnByPost,
    documents: (dossier.documents as Array<Partial<DocumentLine>>).map((d) => ({
      name: String(d.name ?? ''), originals: d.originals ?? 0, certifiedCopies: d.certifiedCopies ?? 0, photocopies: d.photocopies ?? 0,
    })),
    receivedAt: dossier.receivedAt.getTime(),
    receivedByName: (await nameOf(dossier.receivedBy)) ?? dossier.receivedBy,
    timeLimitText: timeLimitText(clock),
    promisedDueAt: actions.length > 0 ? dueAfter(actions.slice(0, 1), dossier.receivedAt.getTime()) : dossier.dueAt?.getTime() ?? null,
    dueAt: dossier.dueAt?.getTime() ?? null,
    finishedAt: dossier.finishedAt?.getTime() ?? null,
    steps,
    supplement: supplement ? {
      at: supplement.at, reason: supplement.reason ?? '', actorName: supplement.actorName, actorUnit: supplement.actorUnit,
      missingDocuments: Array.isArray(supplement.request.missingDocuments) ? (supplement.request.missingDocuments as string[]) : [],
    } : null,
    rejection: rejection ? {
      at: rejection.at, reason: rejection.reason ?? '', actorName: rejection.actorName, actorUnit: rejection.actorUnit,
      atReceipt: actions.find((a) => a.seq === rejection.seq)?.fromStatus === 'received',
    } : null,
    extension: extensionStep ? {
      at: extensionStep.at, reason: extensionStep.reason ?? '', actorName: extensionStep.actorName, actorUnit: extensionStep.actorUnit,
      previousDueAt: dueAfter(actions.filter((a) => a.seq < extensionStep.seq), extensionStep.at),
      newDueAt: dueAfter(actions.filter((a) => a.seq <= extensionStep.seq), extensionStep.at),
    } : null,
    outcome: status.finish?.outcome === 'early' || status.finish?.outcome === 'on_time' || status.finish?.outcome === 'late' ? status.finish.outcome : null,
  };
}
