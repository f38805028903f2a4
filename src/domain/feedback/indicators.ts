// Indicators 5.1–5.3 of the service index (Decision 766/QĐ-TTg) for one unit and period, from the
// messages' states and deadlines. The decision names the indicators (classification, timeliness,
// satisfaction) and the time limits; the exact ratios below are motcua's reading (decision 0010):
// - 5.1 classification: messages received in the period whose first decision (accept, refuse or ask for
//   more) came within the 2-working-day limit, over messages received in the period.
// - 5.2 timeliness: messages finished in the period (answered or refused) whose every measured step
//   (refusal ≤ 2, information request ≤ 5, answer ≤ 15, publication ≤ 2 working days) was on time, over
//   messages finished in the period.
// - 5.3 satisfaction: "satisfied" ratings given in the period over ratings given in the period.
// Rates are percentages with one decimal, null when nothing was counted. Points per indicator are
// configuration (domain.md §7: weights are open), not computed here.
import type { FeedbackDeadline } from './deadlines.ts';
import type { FeedbackState } from './history.ts';
import type { FeedbackKind } from './kinds.ts';

export interface IndicatorInput {
  kind: FeedbackKind;
  state: FeedbackState;
  /** feedbackDeadlines(…) of the message, judged at the end of the period (or now). */
  deadlines: readonly FeedbackDeadline[];
}

export interface Ratio {
  count: number;
  total: number;
  percent: number | null;
}

export interface FeedbackIndicators {
  /** 5.1 */
  classification: Ratio & { byKind: Record<FeedbackKind, number>; unclassified: number };
  /** 5.2 */
  timeliness: Ratio & { steps: Record<'refuse' | 'request_info' | 'resolve' | 'publish', Ratio> };
  /** 5.3 */
  satisfaction: Ratio;
}

export function ratio(count: number, total: number): Ratio {
  return { count, total, percent: total === 0 ? null : Math.round((count / total) * 1000) / 10 };
}

const inPeriod = (at: number | null, from: number, to: number) => at !== null && at >= from && at < to;

/** Indicators over `[from, to)` (epoch ms). */
export function feedbackIndicators(items: readonly IndicatorInput[], from: number, to: number): FeedbackIndicators {
  const received = items.filter((i) => inPeriod(i.state.receivedAt, from, to));
  const byKind: Record<FeedbackKind, number> = { question: 0, feedback: 0, complaint: 0, suggestion: 0 };
  let classifiedOnTime = 0;
  let unclassified = 0;
  for (const item of received) {
    byKind[item.kind] += 1;
    const refuse = item.deadlines.find((d) => d.kind === 'refuse');
    if (item.state.classifiedAt === null) unclassified += 1;
    else if (refuse && item.state.classifiedAt <= refuse.dueAt) classifiedOnTime += 1;
  }

  const finishedAt = (s: FeedbackState) => s.refusedAt ?? s.answeredAt;
  const finished = items.filter((i) => inPeriod(finishedAt(i.state), from, to));
  const steps = { refuse: [0, 0], request_info: [0, 0], resolve: [0, 0], publish: [0, 0] } as Record<'refuse' | 'request_info' | 'resolve' | 'publish', [number, number]>;
  let onTime = 0;
  for (const item of finished) {
    let allMet = true;
    for (const d of item.deadlines) {
      if (d.state !== 'met' && d.state !== 'late') continue;
      steps[d.kind][1] += 1;
      if (d.state === 'met') steps[d.kind][0] += 1;
      else allMet = false;
    }
    if (allMet) onTime += 1;
  }

  const rated = items.filter((i) => i.state.rating !== null && inPeriod(i.state.rating.at, from, to));
  const satisfied = rated.filter((i) => i.state.rating!.satisfied).length;

  return {
    classification: { ...ratio(classifiedOnTime, received.length), byKind, unclassified },
    timeliness: {
      ...ratio(onTime, finished.length),
      steps: {
        refuse: ratio(...steps.refuse),
        request_info: ratio(...steps.request_info),
        resolve: ratio(...steps.resolve),
        publish: ratio(...steps.publish),
      },
    },
    satisfaction: ratio(satisfied, rated.length),
  };
}
