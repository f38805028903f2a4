// The queue's central promise, on each engine: 20 counters calling "next" at the same instant on 1,000
// waiting tickets each get distinct tickets, and every ticket is called exactly once — none skipped,
// none twice — because call-next takes its row with FOR UPDATE SKIP LOCKED.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { insertCounters } from '../../src/store/queue-config.ts';
import { takeTicket } from '../../src/services/queue-tickets.ts';
import { callNext } from '../../src/services/queue-counter.ts';
import type { Actor, ServiceContext } from '../../src/services/context.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

const UNIT = 'TT74';
const COUNTERS = 20;
const TICKETS = 1000;
const GROUPS = ['HT', 'DD', 'KD', 'CT', 'TH'];
const PRIORITIES = ['normal', 'normal', 'normal', 'elderly', 'pregnant', 'normal', 'veteran'];

describe.each(ENGINES)('queue call-next under concurrency on %s', (engine) => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  const clock = testClock('2024-12-05T08:00:00+07:00');

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    ctx = testContext(handle, clock);
    await seedDemo(ctx, DEMO_PASSWORD);
    // The Center's demo counters (1–8) plus twelve more, every one serving all groups.
    await insertCounters(handle.db, ctx.provinceCode, Array.from({ length: COUNTERS - 8 }, (_, i) => ({ unitCode: UNIT, code: String(i + 9), name: `Quầy ${i + 9}`, serviceGroups: GROUPS })));
  }, 180_000);
  afterAll(async () => {
    await handle?.close();
  });

  it(`${COUNTERS} counters calling at once on ${TICKETS} tickets get distinct tickets, and none is skipped`, async () => {
    const issued = new Set<string>();
    for (let i = 0; i < TICKETS; i++) {
      // Ten kiosks, so the per-address rate limit is not what this test measures.
      const t = await takeTicket(ctx, UNIT, { serviceGroup: GROUPS[i % GROUPS.length]!, priority: PRIORITIES[i % PRIORITIES.length] }, { address: `10.0.0.${i % 10}`, userAgent: null, requestId: null });
      issued.add(t.id);
      if (i % 25 === 24) clock.advance(61_000);
    }
    expect(issued.size).toBe(TICKETS);

    const officers: Actor[] = Array.from({ length: COUNTERS }, (_, i) => ({
      userId: `u${i}`, username: `tn.${UNIT}.${i + 1}`, fullName: `Cán bộ ${i + 1}`, unitCode: UNIT, unitName: 'Trung tâm', roles: ['reception'],
    }));
    const origin = { address: '127.0.0.1', userAgent: null, requestId: null };
    const calledBy = await Promise.all(officers.map(async (officer, i) => {
      const mine: string[] = [];
      for (;;) {
        const answer = await callNext(ctx, officer, UNIT, String(i + 1), origin);
        if (!answer.ticket) return mine;
        mine.push(answer.ticket.id);
      }
    }));
    const all = calledBy.flat();
    expect(all.length).toBe(TICKETS); // no ticket called twice …
    expect(new Set(all)).toEqual(issued); // … and none skipped
    if (engine === 'postgres') {
      // The calls really interleaved: more than one counter took part.
      expect(calledBy.filter((list) => list.length > 0).length).toBeGreaterThan(1);
    }
    const rows = await handle.db.selectFrom('queue_tickets').select(['status']).where('unit_code', '=', UNIT).execute();
    // Each counter's last call finished the ticket it held; the final call of each found none waiting.
    expect(rows.filter((r) => r.status === 'waiting')).toHaveLength(0);
    const called = await handle.db.selectFrom('queue_ticket_events').select((eb) => eb.fn.countAll<number>().as('n')).where('type', '=', 'called').executeTakeFirstOrThrow();
    expect(Number(called.n)).toBe(TICKETS);
  }, 600_000);
});
