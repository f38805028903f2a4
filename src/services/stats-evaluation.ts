// GET /stats/evaluation: Circular 01/2018/TT-VPCP arts. 13–15 scores for a month, quarter or year — per
// officer (the one who recorded the result or the rejection that finished the dossier's clock) and per
// unit (the chosen subtree and each unit directly below it), with the classification bands. The rules and
// the readings where domain.md is silent are in domain/service-index/evaluation.ts.
import { invalid } from '../domain/errors.ts';
import {
  dossierIndices, evaluateOfficer, evaluateUnit, OFFICER_BAND_LABELS_VI, UNIT_BAND_LABELS_VI, type DossierIndex, type Points,
} from '../domain/service-index/evaluation.ts';
import { feedbackIndicators } from '../domain/feedback/index.ts';
import { localDayNumber } from '../domain/calendar/local-time.ts';
import { localDate } from '../domain/stats/period.ts';
import type { FinishOutcome } from '../domain/sla/index.ts';
import { finishedDossiers, type FinishedDossier } from '../store/service-index.ts';
import { feedbackForIndicators, listEventsOf } from '../store/feedback.ts';
import { listAllUnits } from '../store/units.ts';
import { feedbackCalendar, feedbackDeadlines, stateOfRecords } from './feedback/feedback-state.ts';
import { resolveStatsScope } from './stats-scope.ts';
import { loadStructure, structureMode } from './stats-structure.ts';
import { childUnitGroups } from './stats-structure-groups.ts';
import { indexPeriod, type IndexQuery } from './stats-service-index.ts';
import type { Actor, ServiceContext } from './context.ts';

/** A consulted agency's answer: before its due day early, on it on time, after late. */
function consultationOutcome(c: { answeredAt: Date; dueAt: Date }): FinishOutcome {
  if (c.answeredAt.getTime() > c.dueAt.getTime()) return 'late';
  return localDayNumber(c.answeredAt.getTime()) < localDayNumber(c.dueAt.getTime()) ? 'early' : 'on_time';
}

export function indicesOf(d: FinishedDossier): Record<DossierIndex, Points> {
  const r = d.ratingPoints;
  return dossierIndices({
    outcome: d.outcome,
    consultedOutcomes: d.consultations.map(consultationOutcome),
    supplementRequests: d.supplementRequests,
    channel: d.channel,
    catalogComplete: d.catalogComplete,
    verifiedComplaint: d.verifiedComplaint,
    citizen: r ? { time: r.time, contacts: r.contacts, agencies: r.agencies, attitude: r.attitude } : null,
  });
}

/** Withdrawals finish the clock too, but by the applicant's choice: they are nobody's handling. */
const evaluated = (d: FinishedDossier) => d.action !== 'withdraw';

export async function serviceEvaluation(ctx: ServiceContext, actor: Actor, query: IndexQuery) {
  const today = localDate(ctx.now().getTime());
  const period = indexPeriod(query.period ?? 'quarter', query.at ?? today);
  structureMode(query);
  if (period.from > today) throw invalid('PERIOD_IN_FUTURE', `Kỳ ${period.label} chưa bắt đầu: chưa có số liệu để đánh giá.`, { field: 'at', from: period.from });
  const scope = await resolveStatsScope(ctx, actor, { unitCode: query.unitCode, from: period.from, to: period.to });
  const startsAt = new Date(`${period.from}T00:00:00+07:00`);
  const endsAt = new Date(Date.parse(`${period.to}T00:00:00+07:00`) + 86_400_000);
  const calendar = await feedbackCalendar(ctx);

  const feedbackOnTime = async (codes: readonly string[]) => {
    const rows = await feedbackForIndicators(ctx.db, ctx.provinceCode, codes, startsAt, endsAt);
    const events = await listEventsOf(ctx.db, ctx.provinceCode, rows.map((r) => r.code));
    const judgedAt = Math.min(endsAt.getTime(), ctx.now().getTime());
    return feedbackIndicators(rows.map((row) => {
      const state = stateOfRecords(events.get(row.code) ?? []);
      return { kind: row.kind, state, deadlines: feedbackDeadlines(calendar, state, judgedAt) };
    }), startsAt.getTime(), endsAt.getTime()).timeliness.percent;
  };
  const unitOf = async (codes: readonly string[]) => {
    const dossiers = (await finishedDossiers(ctx.db, ctx.provinceCode, { fromDay: period.from, toDay: period.to, unitCodes: codes })).filter(evaluated);
    return { dossiers, evaluation: evaluateUnit(dossiers.map(indicesOf), await feedbackOnTime(codes)) };
  };

  const own = await unitOf(scope.unitCodes);
  const officers = new Map<string, { name: string | null; unitCode: string | null; indices: Array<Record<DossierIndex, Points>> }>();
  for (const d of own.dossiers) {
    const entry = officers.get(d.officer) ?? { name: d.officerName, unitCode: d.officerUnitCode, indices: [] };
    entry.indices.push(indicesOf(d));
    officers.set(d.officer, entry);
  }
  const allUnits = await listAllUnits(ctx.db);
  const unitNames = new Map(allUnits.map((u) => [u.code, u.name]));
  // structure=asOf|mapped: the rows are the units of that structure (the scope's own evaluation does not change).
  const view = await loadStructure(ctx, query, scope);
  const byUnit = [];
  for (const group of await childUnitGroups(ctx, scope, view)) {
    const { evaluation } = await unitOf(group.codes);
    byUnit.push({ unitCode: group.unitCode, unitName: group.unitName, ...unitView(evaluation) });
  }
  return {
    ...(view ? { structure: { mode: view.mode, at: view.day } } : {}),
    unitCode: scope.unit.code,
    unitName: scope.unit.name,
    period: { kind: period.kind, label: period.label, from: period.from, to: period.to },
    unit: unitView(own.evaluation),
    byUnit,
    officers: [...officers.entries()]
      .map(([username, o]) => {
        const e = evaluateOfficer(o.indices)!;
        return { username, fullName: o.name, unitCode: o.unitCode, unitName: o.unitCode ? unitNames.get(o.unitCode) ?? o.unitCode : null, ...e, bandLabel: OFFICER_BAND_LABELS_VI[e.band] };
      })
      .sort((a, b) => b.score - a.score || a.username.localeCompare(b.username)),
  };
}

function unitView(e: ReturnType<typeof evaluateUnit>) {
  return { ...e, bandLabel: e.band ? UNIT_BAND_LABELS_VI[e.band] : null };
}
