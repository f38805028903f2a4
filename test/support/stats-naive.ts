// The dashboard summary computed the slow way, for the statistics tests: every dossier's raw actions,
// its clock replayed at each step (not the outcome stored on the finishing action), the open set from
// the dossiers as they stand.
import { sql } from 'kysely';
import { unitCalendar } from '../../src/services/calendar.ts';
import { clockOf } from '../../src/services/dossier-history.ts';
import { subtreeCodesOf } from '../../src/store/units.ts';
import { findDossier, listActions } from '../../src/store/dossiers.ts';
import type { ClockEvent, ProcedureClock } from '../../src/domain/sla/index.ts';
import type { ServiceContext } from '../../src/services/context.ts';

const startOf = (day: string) => Date.parse(`${day}T00:00:00+07:00`);

export interface Naive {
  received: { total: number; direct: number; online: number; postal: number };
  finished: { early: number; onTime: number; late: number };
  inProgress: { onTime: number; overdue: number };
  returned: number;
  rejected: number;
  withdrawn: number;
}

/** The summary computed the slow way: every dossier's raw actions, its clock replayed at each step. */
export async function naiveSummary(ctx: ServiceContext, unitCode: string, from: string, to: string, now: number): Promise<Naive> {
  const scope = new Set(await subtreeCodesOf(ctx.db, unitCode));
  const startsAt = startOf(from);
  const endsAt = startOf(to) + 86_400_000;
  const at = Math.min(endsAt, now);
  const inPeriod = (ms: number) => ms >= startsAt && ms < endsAt;
  const n: Naive = { received: { total: 0, direct: 0, online: 0, postal: 0 }, finished: { early: 0, onTime: 0, late: 0 }, inProgress: { onTime: 0, overdue: 0 }, returned: 0, rejected: 0, withdrawn: 0 };
  const codes = (await sql<{ code: string; parent: string | null }>`SELECT code, to_jsonb(d) ->> 'parent_code' AS parent FROM dossiers d`.execute(ctx.db)).rows;
  for (const { code, parent } of codes) {
    if (parent !== null) continue;
    const d = (await findDossier(ctx.db, ctx.provinceCode, code))!;
    if (!scope.has(d.receivingUnitCode) && !scope.has(d.competentUnitCode)) continue;
    const actions = await listActions(ctx.db, ctx.provinceCode, code);
    const calendar = await unitCalendar(ctx, d.receivingUnitCode);
    const events: ClockEvent[] = [];
    let finishedAt: number | null = null;
    for (const a of actions) {
      events.push(...(a.clockEvents as ClockEvent[]));
      const t = a.at.getTime();
      if (a.seq === 1 && inPeriod(t)) {
        n.received.total++;
        n.received[d.channel]++;
      }
      const clock = clockOf(calendar, d.clock as ProcedureClock, events, t);
      if (finishedAt === null && clock.phase === 'finished') {
        finishedAt = t;
        if (inPeriod(t)) {
          const outcome = clock.finish!.outcome;
          if (outcome === 'early') n.finished.early++;
          else if (outcome === 'on_time') n.finished.onTime++;
          else n.finished.late++;
        }
      }
      if (inPeriod(t) && a.type === 'return_result') n.returned++;
      if (inPeriod(t) && a.type === 'reject') n.rejected++;
      if (inPeriod(t) && a.type === 'withdraw') n.withdrawn++;
    }
    const receivedAt = d.receivedAt.getTime();
    if (receivedAt < at && (finishedAt === null || finishedAt > at)) {
      const paused = finishedAt === null && ['awaiting_supplement', 'paused'].includes(d.status);
      if (d.dueAt !== null && d.dueAt.getTime() < at && !paused) n.inProgress.overdue++;
      else n.inProgress.onTime++;
    }
  }
  return n;
}
