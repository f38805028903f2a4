import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { provinceCalendar } from '../calendar/calendar-test-support.ts';
import { applyClockEvent, procedureClock, startClock, type ClockState } from '../sla/index.ts';
import { ACTION_TYPES, type ActionType } from './action.ts';
import { ALL_ACTORS, dossier, RECEIVED_AT, SUPPLEMENT_DEADLINE, validRequest } from './dossier-test-support.ts';
import { applyDecision, type DossierFacts } from './dossier-facts.ts';
import { allowedActions, decide } from './state-machine.ts';
import { DOSSIER_STATUSES, isTerminal, TERMINAL_STATUSES, type DossierStatus } from './status.ts';
import { nextStatusOf } from './transitions.ts';

const RUNS = 200;
const MINUTE = 60_000;

const actorArb = fc.constantFrom(...ALL_ACTORS);
const actionArb = fc.constantFrom(...ACTION_TYPES);
const statusArb = fc.constantFrom(...DOSSIER_STATUSES);
/** Any facts, reachable or not: the rules must agree with themselves everywhere. */
const factsArb: fc.Arbitrary<DossierFacts> = fc
  .record({
    status: statusArb,
    handlerUsername: fc.constantFrom(null, 'cv.UBX25861', 'cv2.UBX25861', 'ld.UBX25861'),
    extensionGranted: fc.boolean(),
    supplementRequests: fc.integer({ min: 0, max: 2 }),
  })
  .map((o) => dossier(o));
const nowArb = fc.integer({ min: 0, max: (SUPPLEMENT_DEADLINE - RECEIVED_AT) / MINUTE + 3 * 24 * 60 }).map((m) => RECEIVED_AT + m * MINUTE);

describe('dossier state machine properties (fast-check)', () => {
  it('never leaves a terminal status, whoever asks, whatever the action', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TERMINAL_STATUSES), actorArb, actionArb, nowArb, (status, actor, action, now) => {
        const facts = dossier({ status });
        const decision = decide(facts, validRequest(action, facts, now), actor, now);
        expect(decision.ok).toBe(false);
        if (!decision.ok) expect(decision.error.code).toBe('ACTION_NOT_ALLOWED');
        expect(allowedActions(facts, actor, now)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('allowedActions lists exactly the actions decide accepts (with a well-formed request)', () => {
    fc.assert(
      fc.property(factsArb, actorArb, nowArb, (facts, actor, now) => {
        const allowed = allowedActions(facts, actor, now);
        for (const action of ACTION_TYPES) {
          const decision = decide(facts, validRequest(action, facts, now), actor, now);
          expect(decision.ok, `${action} from ${facts.status} by ${actor.username}`).toBe(allowed.includes(action));
          if (decision.ok) expect(decision.nextStatus).toBe(nextStatusOf(action, facts.status));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('random walks from receipt: every accepted action gives clock events the SLA clock accepts', () => {
    const calendar = provinceCalendar();
    const step = fc.record({ actor: actorArb, action: actionArb, gapMinutes: fc.integer({ min: 0, max: 2 * 24 * 60 }) });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        let facts = dossier();
        let clock: ClockState = startClock(calendar, procedureClock({ unit: 'days', value: 5 }), RECEIVED_AT);
        let now = RECEIVED_AT;
        for (const { actor, action, gapMinutes } of steps) {
          now += gapMinutes * MINUTE;
          const wasTerminal = isTerminal(facts.status);
          const decision = decide(facts, validRequest(action, facts, now), actor, now);
          if (wasTerminal) expect(decision.ok).toBe(false);
          if (!decision.ok) continue;
          for (const event of decision.clockEvents) {
            const next = applyClockEvent(calendar, clock, event);
            if (!next.ok) throw new Error(`${action} from ${decision.fromStatus}: clock refused ${event.type}: ${next.error.message}`);
            clock = next.value;
          }
          facts = applyDecision(facts, decision);
          // The clock stops exactly when the dossier reaches a status where the agency's work is over.
          expect(clock.phase === 'finished').toBe(['result_ready', 'returned', 'rejected', 'withdrawn'].includes(facts.status));
          expect(clock.phase === 'paused').toBe(facts.status === 'awaiting_supplement' || facts.status === 'paused');
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the transition graph (exhaustive over the fixture actors)', () => {
  /** Every facts value reachable from receipt, and its successors. */
  function explore(): Map<string, { facts: DossierFacts; next: Set<string> }> {
    const now = RECEIVED_AT;
    const key = (f: DossierFacts) => JSON.stringify(f);
    const start = dossier();
    const seen = new Map<string, { facts: DossierFacts; next: Set<string> }>([[key(start), { facts: start, next: new Set() }]]);
    const queue = [start];
    while (queue.length > 0) {
      if (seen.size > 10_000) throw new Error('state space unexpectedly large');
      const facts = queue.shift() as DossierFacts;
      const node = seen.get(key(facts));
      for (const actor of ALL_ACTORS) {
        for (const action of allowedActions(facts, actor, now)) {
          const decision = decide(facts, validRequest(action as ActionType, facts, now), actor, now);
          if (!decision.ok) throw decision.error;
          // Supplement rounds can repeat forever; beyond two the rules no longer tell them apart.
          const applied = applyDecision(facts, decision);
          const next = { ...applied, supplementRequests: Math.min(applied.supplementRequests, 2) };
          node?.next.add(key(next));
          if (!seen.has(key(next))) {
            seen.set(key(next), { facts: next, next: new Set() });
            queue.push(next);
          }
        }
      }
    }
    return seen;
  }
  let explored: ReturnType<typeof explore> | undefined;
  const graphOf = () => (explored ??= explore());

  it('reaches every status from received', () => {
    const reached = new Set<DossierStatus>([...graphOf().values()].map((n) => n.facts.status));
    expect([...reached].sort()).toEqual([...DOSSIER_STATUSES].sort());
  });

  it('has no dead end: from every reachable state some terminal status can be reached', () => {
    const graph = graphOf();
    const canFinish = new Set([...graph].filter(([, n]) => isTerminal(n.facts.status)).map(([k]) => k));
    let grew = true;
    while (grew) {
      grew = false;
      for (const [k, n] of graph) {
        if (!canFinish.has(k) && [...n.next].some((m) => canFinish.has(m))) {
          canFinish.add(k);
          grew = true;
        }
      }
    }
    expect([...graph.keys()].filter((k) => !canFinish.has(k))).toEqual([]);
  });
});
