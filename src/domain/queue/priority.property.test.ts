// The waiting line's two anti-starvation promises, checked on random days of arrivals and calls.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_PRIORITY_POLICY,
  CLAIMABLE_PRIORITIES,
  isPriorityTicket,
  maxHeadStartMs,
  nextStreak,
  pickNext,
  rankInstant,
  type CounterView,
  type PriorityKind,
  type WaitingTicket,
} from './priority.ts';

interface Arrival { at: number; priority: PriorityKind }
interface Issued extends WaitingTicket { issuedAt: number }

const MIN = 60_000;
const arrivals = fc.array(
  fc.record({ gapMin: fc.integer({ min: 0, max: 6 }), priority: fc.constantFrom(...CLAIMABLE_PRIORITIES) }),
  { minLength: 1, maxLength: 120 },
);

/** One counter serving one group; it calls every `serviceMin` minutes while tickets wait. */
function simulate(input: Array<{ gapMin: number; priority: PriorityKind }>, serviceMin: number) {
  let t = 0;
  const schedule: Arrival[] = input.map(({ gapMin, priority }) => ({ at: (t += gapMin * MIN), priority }));
  const waiting: Issued[] = [];
  const calls: Issued[] = [];
  const counter: CounterView = { code: '1', serviceGroups: ['HT'], priorityStreak: 0 };
  let next = 0;
  let clock = 0;
  while (calls.length < schedule.length) {
    while (next < schedule.length && schedule[next]!.at <= clock) {
      const a = schedule[next]!;
      waiting.push({ id: `t${next}`, seq: next + 1, issuedAt: a.at, rankAt: rankInstant(a.at, a.priority), priority: a.priority, serviceGroup: 'HT', targetCounter: null });
      next++;
    }
    const picked = pickNext(counter, waiting) as Issued | undefined;
    if (picked) {
      waiting.splice(waiting.indexOf(picked), 1);
      calls.push(picked);
      counter.priorityStreak = nextStreak(counter.priorityStreak, picked.priority);
    }
    clock += serviceMin * MIN;
  }
  return calls;
}

describe('priority with anti-starvation', () => {
  it('every ticket is called once, and a normal ticket is never overtaken by one issued more than the largest head start after it', () => {
    fc.assert(
      fc.property(arrivals, fc.integer({ min: 1, max: 10 }), (input, serviceMin) => {
        const calls = simulate(input, serviceMin);
        expect(new Set(calls.map((c) => c.id)).size).toBe(input.length);
        const position = new Map(calls.map((c, i) => [c.id, i]));
        for (const t of calls) {
          if (isPriorityTicket(t.priority)) continue;
          for (const u of calls) {
            if (u.issuedAt > t.issuedAt + maxHeadStartMs()) expect(position.get(u.id)!).toBeGreaterThan(position.get(t.id)!);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('while a normal ticket waits, at most maxConsecutivePriority priority tickets are called in a row', () => {
    const counter: CounterView = { code: '1', serviceGroups: ['HT'], priorityStreak: 0 };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CLAIMABLE_PRIORITIES.filter((p) => p !== 'normal')), { minLength: 5, maxLength: 40 }), (kinds) => {
        // Many priority tickets, all ranked ahead of one old normal ticket.
        const waiting: WaitingTicket[] = kinds.map((k, i) => ({ id: `p${i}`, seq: i + 2, rankAt: rankInstant(60 * MIN, k) - i, priority: k, serviceGroup: 'HT', targetCounter: null }));
        waiting.push({ id: 'n', seq: 1, rankAt: rankInstant(59 * MIN, 'normal'), priority: 'normal', serviceGroup: 'HT', targetCounter: null });
        counter.priorityStreak = 0;
        let run = 0;
        for (;;) {
          const picked = pickNext(counter, waiting)!;
          waiting.splice(waiting.indexOf(picked), 1);
          counter.priorityStreak = nextStreak(counter.priorityStreak, picked.priority);
          if (picked.id === 'n') break;
          run++;
          expect(run).toBeLessThanOrEqual(DEFAULT_PRIORITY_POLICY.maxConsecutivePriority);
        }
      }),
    );
  });

  it('a counter takes only tickets of its groups, and a ticket transferred to one counter only there', () => {
    const waiting: WaitingTicket[] = [
      { id: 'a', seq: 1, rankAt: 0, priority: 'normal', serviceGroup: 'DD', targetCounter: null },
      { id: 'b', seq: 2, rankAt: 1, priority: 'normal', serviceGroup: 'HT', targetCounter: '2' },
      { id: 'c', seq: 3, rankAt: 2, priority: 'normal', serviceGroup: 'HT', targetCounter: null },
    ];
    expect(pickNext({ code: '1', serviceGroups: ['HT'], priorityStreak: 0 }, waiting)?.id).toBe('c');
    expect(pickNext({ code: '2', serviceGroups: ['HT'], priorityStreak: 0 }, waiting)?.id).toBe('b');
    expect(pickNext({ code: '3', serviceGroups: ['KD'], priorityStreak: 0 }, waiting)).toBeUndefined();
  });

  it('an elderly citizen arriving 5 minutes after a normal ticket is called first; 25 minutes after, not', () => {
    const normal: WaitingTicket = { id: 'n', seq: 1, rankAt: rankInstant(0, 'normal'), priority: 'normal', serviceGroup: 'HT', targetCounter: null };
    const counter = { code: '1', serviceGroups: ['HT'], priorityStreak: 0 };
    const soon = { id: 'e', seq: 2, rankAt: rankInstant(5 * MIN, 'elderly'), priority: 'elderly' as const, serviceGroup: 'HT', targetCounter: null };
    const late = { ...soon, rankAt: rankInstant(25 * MIN, 'elderly') };
    expect(pickNext(counter, [normal, soon])?.id).toBe('e');
    expect(pickNext(counter, [normal, late])?.id).toBe('n');
  });
});
