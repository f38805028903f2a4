// A dossier's facts and clock, derived from its append-only history: the intake row plus each action's
// stored decision are folded again (status is derived, never edited).
import { applyDecision, receivedDossier, type Accepted, type DossierFacts, type DossierStatus } from '../domain/dossier/index.ts';
import { clockStatus, replayClock, type ClockEvent, type ClockStatus, type ProcedureClock } from '../domain/sla/index.ts';
import type { WorkingCalendar } from '../domain/calendar/index.ts';
import type { ActionRecord, DossierRecord } from '../store/dossiers.ts';

export interface StoredDecision {
  decision: Accepted;
  supplementRequestDeadline?: number;
}

export function clockEventsOf(actions: readonly ActionRecord[]): ClockEvent[] {
  return actions.flatMap((a) => a.clockEvents as ClockEvent[]);
}

export function factsOf(dossier: DossierRecord, actions: readonly ActionRecord[]): DossierFacts {
  // The receipt row: the counter's intake, or the officer's receipt of an online filing.
  const intake = actions.find((a) => (a.payload as { supplementRequestDeadline?: number }).supplementRequestDeadline !== undefined) ?? actions[0];
  const deadline = Number((intake?.payload as { supplementRequestDeadline?: number } | undefined)?.supplementRequestDeadline ?? dossier.receivedAt.getTime());
  let facts = receivedDossier(
    { receivingUnitCode: dossier.receivingUnitCode, competentUnitCode: dossier.competentUnitCode, returnUnitCode: dossier.returnUnitCode },
    dossier.receivedAt.getTime(),
    deadline,
    dossier.dueAt?.getTime() ?? null,
  );
  for (const action of actions.slice(1)) {
    const decision = (action.payload as { decision?: Accepted }).decision;
    if (decision) facts = applyDecision(facts, decision);
  }
  return { ...facts, status: dossier.status as DossierStatus, dueAt: dossier.dueAt?.getTime() ?? facts.dueAt };
}

export function clockOf(calendar: WorkingCalendar, procedure: ProcedureClock, events: readonly ClockEvent[], now: number): ClockStatus {
  const state = replayClock(calendar, procedure, events);
  if (!state.ok) throw state.error;
  return clockStatus(calendar, state.value, now);
}
