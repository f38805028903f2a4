// Location-free status (phi địa giới hành chính) over time, from dated publication decisions: each
// decision adds procedures to the province's location-free list or removes them. A procedure is
// location-free at `t` when the last decision effective at or before `t` that names it added it.
// Decisions effective at the same instant apply in the order they were recorded.

export type PublicationOp = 'add' | 'remove';

export interface PublicationEvent {
  procedureCode: string;
  effectiveAt: number;
  /** Recording order, to break ties between decisions effective at the same instant. */
  seq: number;
  op: PublicationOp;
}

/** A period [from, to) during which a procedure is on the list (to = null: still on it). */
export interface LocationFreeSpan {
  procedureCode: string;
  from: number;
  to: number | null;
}

export function locationFreeSpans(events: readonly PublicationEvent[]): LocationFreeSpan[] {
  const byCode = new Map<string, PublicationEvent[]>();
  for (const event of events) byCode.set(event.procedureCode, [...(byCode.get(event.procedureCode) ?? []), event]);
  const spans: LocationFreeSpan[] = [];
  for (const [procedureCode, list] of [...byCode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    list.sort((a, b) => a.effectiveAt - b.effectiveAt || a.seq - b.seq);
    let open: number | null = null;
    // Only the last decision at an instant counts, so collapse same-instant events first.
    const collapsed = list.filter((e, i) => list[i + 1]?.effectiveAt !== e.effectiveAt);
    for (const event of collapsed) {
      if (event.op === 'add' && open === null) open = event.effectiveAt;
      else if (event.op === 'remove' && open !== null) {
        spans.push({ procedureCode, from: open, to: event.effectiveAt });
        open = null;
      }
    }
    if (open !== null) spans.push({ procedureCode, from: open, to: null });
  }
  return spans;
}

export function isLocationFreeAt(spans: readonly LocationFreeSpan[], procedureCode: string, at: number): boolean {
  return spans.some((s) => s.procedureCode === procedureCode && s.from <= at && (s.to === null || at < s.to));
}
