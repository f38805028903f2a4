// The timer scan: for each running dossier near its promised instant, fires the due-soon warning and
// the apology reminder (in-app, to the handler and the competent agency's leaders) and marks overdue
// dossiers (a row in the dossier's history, an outbox event, the same in-app message). Each timer fires
// once per dossier per due instant (dossier_timer_marks), so a moved due date arms them again. The scan
// itself is a singleton under a lease; the marks keep it exact even if two scans ever overlap.
import { timersAt, type TimerPolicy, type TimerState } from '../domain/sla/dossier-timers.ts';
import { formatRemainingVN, type ProcedureClock } from '../domain/sla/index.ts';
import { OVERDUE_STEP } from '../domain/dossier/history-labels.ts';
import { dateVN } from '../domain/dossier/vn-text.ts';
import { formatInstantVN } from '../domain/time/instant.ts';
import { unitCalendar } from '../services/calendar.ts';
import type { ServiceContext } from '../services/context.ts';
import { factsOf } from '../services/dossier-history.ts';
import { advanceDossier, appendAction, appendOutbox, findDossier, listActions } from '../store/dossiers.ts';
import { claimJobLease, releaseJobLease } from '../store/job-leases.ts';
import { enqueueNotification } from '../store/notifications.ts';
import { activeLeadersOf, insertTimerMark, listTimerCandidates, type TimerCandidate, type TimerKind } from '../store/timer-marks.ts';
import type { Db } from '../store/database.ts';

export const TIMER_JOB = 'dossier-timers';
/** The username recorded on history rows the system appends. */
export const SYSTEM_ACTOR = 'system';
const PAUSED_STATUSES = new Set(['awaiting_supplement', 'paused']);
const KINDS: readonly TimerKind[] = ['due_soon', 'apology_reminder', 'overdue'];

export interface TimerScanOptions {
  holder: string;
  leaseMs: number;
  policy: TimerPolicy;
  pageSize?: number;
}

export interface TimerScanReport {
  leaseHeld: boolean;
  scanned: number;
  dueSoon: number;
  apologyReminders: number;
  overdue: number;
}

export async function scanDossierTimers(ctx: ServiceContext, options: TimerScanOptions): Promise<TimerScanReport> {
  const report: TimerScanReport = { leaseHeld: false, scanned: 0, dueSoon: 0, apologyReminders: 0, overdue: 0 };
  const startedAt = ctx.now();
  if (!(await claimJobLease(ctx.db, TIMER_JOB, options.holder, startedAt, options.leaseMs))) return report;
  report.leaseHeld = true;
  let failure: string | null = null;
  try {
    await scan(ctx, options, report);
  } catch (error) {
    failure = (error as Error).message;
    throw error;
  } finally {
    await releaseJobLease(ctx.db, TIMER_JOB, options.holder, ctx.now(), failure);
  }
  return report;
}

/** One pass over the candidates, without the lease (the lease-free path is what two racing scans do). */
export async function scan(ctx: ServiceContext, options: Pick<TimerScanOptions, 'policy' | 'pageSize'>, report: TimerScanReport): Promise<void> {
  const now = ctx.now();
  const pageSize = options.pageSize ?? 500;
  let after: { dueAt: Date; code: string } | undefined;
  for (;;) {
    const page = await listTimerCandidates(ctx.db, ctx.provinceCode, now, options.policy.dueSoonPercent / 100, pageSize, after);
    for (const candidate of page) {
      report.scanned += 1;
      const calendar = await unitCalendar(ctx, candidate.receivingUnitCode);
      // `extended` is checked under the lock; here an apology reminder may be wanted, which is enough.
      const state = timersAt(calendar, facts(candidate, false), now.getTime(), options.policy);
      if (!KINDS.some((kind) => reached(state, kind) && !candidate.marked.includes(kind))) continue;
      const fired = await fireTimers(ctx, candidate, options.policy, now);
      for (const kind of fired) {
        if (kind === 'due_soon') report.dueSoon += 1;
        else if (kind === 'apology_reminder') report.apologyReminders += 1;
        else report.overdue += 1;
      }
    }
    if (page.length < pageSize) return;
    const last = page[page.length - 1]!;
    after = { dueAt: last.dueAt, code: last.code };
  }
}

const facts = (c: TimerCandidate, extended: boolean) => ({
  receivedAt: c.receivedAt.getTime(), dueAt: c.dueAt.getTime(), timeLimit: (c.clock as ProcedureClock).timeLimit, extended,
});

function reached(state: TimerState, kind: TimerKind): boolean {
  return kind === 'due_soon' ? state.dueSoon : kind === 'apology_reminder' ? state.apologyReminder : state.overdue;
}

/**
 * Fires the timers the dossier has reached, in one transaction. The overdue row is appended like an
 * officer's action — insert the next `seq`, then move `action_count` only if it is unchanged — in the same
 * order as `actOnDossier`, so a racing officer and the scan never deadlock: whichever inserts the row
 * second meets a unique violation (the officer gets the usual 409; the scan leaves the dossier to its
 * next tick).
 */
async function fireTimers(ctx: ServiceContext, candidate: TimerCandidate, policy: TimerPolicy, now: Date): Promise<TimerKind[]> {
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const dossier = await findDossier(trx, ctx.provinceCode, candidate.code);
      // The dossier moved on since the scan read it (finished, paused, new due date): next scan decides.
      if (!dossier || dossier.finishedAt !== null || PAUSED_STATUSES.has(dossier.status) || dossier.dueAt?.getTime() !== candidate.dueAt.getTime()) return [];
      const actions = await listActions(trx, ctx.provinceCode, candidate.code);
      const dossierFacts = factsOf(dossier, actions);
      const calendar = await unitCalendar(ctx, candidate.receivingUnitCode, trx);
      const state = timersAt(calendar, facts(candidate, dossierFacts.extensionGranted), now.getTime(), policy);
      const fired: TimerKind[] = [];
      for (const kind of KINDS) {
        if (!reached(state, kind)) continue;
        if (!(await insertTimerMark(trx, ctx.provinceCode, candidate.code, kind, candidate.dueAt, now))) continue;
        fired.push(kind);
        const dueAt = formatInstantVN(candidate.dueAt.getTime());
        const payload: Record<string, unknown> = {
          code: candidate.code, procedureName: candidate.procedureName, dueAt, at: formatInstantVN(now.getTime()),
          remainingText: formatRemainingVN(state.remainingMs), apologyDeadlineAt: formatInstantVN(state.apologyDeadlineAt),
        };
        if (kind === 'overdue') {
          await appendAction(trx, ctx.provinceCode, candidate.code, {
            seq: dossier.actionCount + 1, type: OVERDUE_STEP, at: now, actorUsername: SYSTEM_ACTOR, actorRoles: [], actorUnitCode: dossier.competentUnitCode,
            fromStatus: dossier.status, toStatus: dossier.status, reason: `Quá ngày hẹn trả kết quả ${dateVN(candidate.dueAt.getTime())} mà chưa có kết quả.`,
            payload: { timer: 'overdue', dueAt }, clockEvents: [],
          });
          const moved = await advanceDossier(trx, ctx.provinceCode, candidate.code, dossier.actionCount,
            { status: dossier.status, dueAt: dossier.dueAt, finishedAt: null, at: now });
          if (!moved) throw new DossierChanged();
        }
        await appendOutbox(trx, ctx.provinceCode, `dossier.${kind}`, candidate.code, payload);
        await notifyStaff(ctx, trx, candidate, dossierFacts.handlerUsername, kind, payload);
      }
      return fired;
    });
  } catch (error) {
    if (error instanceof DossierChanged || isUniqueViolation(error)) return []; // an officer acted at that instant
    throw error;
  }
}

class DossierChanged extends Error {}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

async function notifyStaff(ctx: ServiceContext, trx: Db, candidate: TimerCandidate, handler: string | null, kind: TimerKind, payload: Record<string, unknown>) {
  const leaders = await activeLeadersOf(trx, ctx.provinceCode, candidate.competentUnitCode);
  const recipients = [...new Set([...(handler ? [handler] : []), ...leaders])];
  const template = kind === 'due_soon' ? 'dossier.due_soon' : kind === 'apology_reminder' ? 'dossier.apology_reminder' : 'dossier.overdue';
  for (const username of recipients) {
    await enqueueNotification(trx, ctx.provinceCode, {
      channel: 'inapp', recipient: username, template, payload, subjectKind: 'dossier', subjectCode: candidate.code,
      dedupeKey: `dossier:${candidate.code}:${kind}:${candidate.dueAt.getTime()}:${username}`,
    });
  }
}
