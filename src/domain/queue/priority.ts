// Priority tickets (ưu tiên): the elderly, people with disabilities, pregnant women, people with small
// children and veterans get a head start measured in minutes, so the waiting line stays one ordering
// (rank = issue instant − head start) that the database can index. Anti-starvation comes twice:
//  1. a head start is bounded, so no ticket is ever overtaken by one issued more than `maxHeadStart`
//     after it — a normal ticket always reaches the front;
//  2. a counter that called `maxConsecutivePriority` priority tickets in a row takes the oldest normal
//     ticket next when one waits, so a stream of priority arrivals cannot hold normal tickets back.
// The weights are not law (domain.md §9: "from the best queue systems"): they are a policy value.
import { MINUTE_MS } from '../calendar/local-time.ts';

export const PRIORITY_KINDS = ['normal', 'elderly', 'disability', 'pregnant', 'small_children', 'veteran', 'appointment'] as const;
export type PriorityKind = (typeof PRIORITY_KINDS)[number];

export const PRIORITY_LABELS: Record<PriorityKind, string> = {
  normal: 'Thường',
  elderly: 'Người cao tuổi',
  disability: 'Người khuyết tật',
  pregnant: 'Phụ nữ mang thai',
  small_children: 'Người đưa con nhỏ',
  veteran: 'Người có công, cựu chiến binh',
  appointment: 'Đặt lịch hẹn',
};

/** Kinds a citizen may claim at the kiosk (an appointment's rank comes from its slot instead). */
export const CLAIMABLE_PRIORITIES: readonly PriorityKind[] = ['normal', 'elderly', 'disability', 'pregnant', 'small_children', 'veteran'];

export interface PriorityPolicy {
  /** Head start in minutes per kind. */
  headStartMinutes: Record<PriorityKind, number>;
  /** After this many priority calls in a row, a counter takes a waiting normal ticket. */
  maxConsecutivePriority: number;
}

export const DEFAULT_PRIORITY_POLICY: PriorityPolicy = {
  headStartMinutes: { normal: 0, elderly: 20, disability: 30, pregnant: 30, small_children: 20, veteran: 20, appointment: 0 },
  maxConsecutivePriority: 3,
};

export function isPriorityKind(value: unknown): value is PriorityKind {
  return typeof value === 'string' && (PRIORITY_KINDS as readonly string[]).includes(value);
}

/** The priority groups proper; a normal or an appointment ticket is not one. */
export function isPriorityTicket(kind: PriorityKind): boolean {
  return kind !== 'normal' && kind !== 'appointment';
}

export function maxHeadStartMs(policy: PriorityPolicy = DEFAULT_PRIORITY_POLICY): number {
  return Math.max(...Object.values(policy.headStartMinutes)) * MINUTE_MS;
}

/** The instant a ticket ranks at in the waiting line. */
export function rankInstant(issuedAt: number, kind: PriorityKind, policy: PriorityPolicy = DEFAULT_PRIORITY_POLICY): number {
  return issuedAt - policy.headStartMinutes[kind] * MINUTE_MS;
}

/**
 * The rank of a checked-in appointment: as if it had queued at its slot's start when it arrives on
 * time (early arrivals do not jump the line before their slot); a late arrival ranks as it arrives.
 */
export function appointmentRankInstant(slotStart: number, checkInAt: number, graceMs = 15 * MINUTE_MS): number {
  if (checkInAt <= slotStart) return slotStart;
  return checkInAt <= slotStart + graceMs ? slotStart : checkInAt;
}

export interface WaitingTicket {
  id: string;
  rankAt: number;
  seq: number;
  priority: PriorityKind;
  serviceGroup: string;
  targetCounter: string | null;
}

export interface CounterView {
  code: string;
  serviceGroups: readonly string[];
  priorityStreak: number;
}

export function eligibleFor(counter: CounterView, ticket: WaitingTicket): boolean {
  return counter.serviceGroups.includes(ticket.serviceGroup) && (ticket.targetCounter === null || ticket.targetCounter === counter.code);
}

/** Whether this counter must take a normal ticket next (rule 2), given one is waiting for it. */
export function mustTakeNormal(counter: CounterView, policy: PriorityPolicy = DEFAULT_PRIORITY_POLICY): boolean {
  return counter.priorityStreak >= policy.maxConsecutivePriority;
}

function before(a: WaitingTicket, b: WaitingTicket): boolean {
  if (a.rankAt !== b.rankAt) return a.rankAt < b.rankAt;
  if (a.seq !== b.seq) return a.seq < b.seq;
  return a.id < b.id;
}

/**
 * The ticket a counter calls next, the same rule the store's call-next query applies in SQL: eligible
 * tickets by rank; when the priority streak is full and a normal ticket waits, the first normal one.
 */
export function pickNext(counter: CounterView, waiting: readonly WaitingTicket[], policy: PriorityPolicy = DEFAULT_PRIORITY_POLICY): WaitingTicket | undefined {
  let best: WaitingTicket | undefined;
  let bestNormal: WaitingTicket | undefined;
  for (const ticket of waiting) {
    if (!eligibleFor(counter, ticket)) continue;
    if (!best || before(ticket, best)) best = ticket;
    if (!isPriorityTicket(ticket.priority) && (!bestNormal || before(ticket, bestNormal))) bestNormal = ticket;
  }
  return mustTakeNormal(counter, policy) && bestNormal ? bestNormal : best;
}

/** The counter's streak after calling a ticket of this kind. */
export function nextStreak(streak: number, called: PriorityKind): number {
  return isPriorityTicket(called) ? streak + 1 : 0;
}

/** Tickets one address (a kiosk, a phone) may take per minute at one unit before it is refused. */
export const TICKETS_PER_ADDRESS_PER_MINUTE = 30;
