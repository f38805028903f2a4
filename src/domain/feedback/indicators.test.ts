import { describe, expect, it } from 'vitest';
import { provinceCalendar, vn } from '../calendar/calendar-test-support.ts';
import { feedbackDeadlines } from './deadlines.ts';
import { stateOf } from './feedback-test-support.ts';
import { feedbackIndicators, ratio } from './indicators.ts';
import type { FeedbackKind } from './kinds.ts';

const cal = provinceCalendar();
const end = vn('2025-01-01 00:00');
const item = (kind: FeedbackKind, state: ReturnType<typeof stateOf>) => ({ kind, state, deadlines: feedbackDeadlines(cal, state, end) });

describe('indicators 5.1–5.3', () => {
  const r = vn('2024-12-02 09:00');
  const items = [
    // classified on time, answered on time, published on time, satisfied
    item('question', stateOf('STP74', r, [['accept', vn('2024-12-03 09:00')], ['answer', vn('2024-12-10 09:00')], ['publish', vn('2024-12-11 09:00')], ['rate', vn('2024-12-12 09:00'), { satisfied: true }]])),
    // classified late (3 days), answered on time, not satisfied
    item('feedback', stateOf('STP74', r, [['accept', vn('2024-12-05 09:00')], ['answer', vn('2024-12-12 09:00')], ['rate', vn('2024-12-13 09:00'), { satisfied: false }]])),
    // refused on time
    item('suggestion', stateOf('STP74', r, [['refuse', vn('2024-12-03 09:00')]])),
    // asked for more on day 6 (late), then answered
    item('complaint', stateOf('STP74', r, [['accept', vn('2024-12-02 10:00')], ['request_info', vn('2024-12-10 10:00')], ['info_received', vn('2024-12-11 10:00')], ['answer', vn('2024-12-16 10:00')]])),
    // never touched
    item('question', stateOf('STP74', r, [])),
    // received before the period: not counted in 5.1, finished inside it → counted in 5.2
    item('question', stateOf('STP74', vn('2024-11-20 09:00'), [['accept', vn('2024-11-20 10:00')], ['answer', vn('2024-12-03 09:00')]])),
  ];

  it('computes classification, timeliness and satisfaction over the period', () => {
    const result = feedbackIndicators(items, vn('2024-12-01 00:00'), end);
    expect(result.classification).toMatchObject({ count: 3, total: 5, percent: 60, unclassified: 1 });
    expect(result.classification.byKind).toEqual({ question: 2, feedback: 1, complaint: 1, suggestion: 1 });
    expect(result.timeliness).toMatchObject({ count: 4, total: 5, percent: 80 });
    expect(result.timeliness.steps.request_info).toEqual({ count: 0, total: 1, percent: 0 });
    expect(result.timeliness.steps.resolve).toEqual({ count: 4, total: 4, percent: 100 });
    expect(result.timeliness.steps.refuse).toEqual({ count: 1, total: 1, percent: 100 });
    expect(result.satisfaction).toEqual({ count: 1, total: 2, percent: 50 });
  });

  it('gives null rates when nothing was counted', () => {
    expect(feedbackIndicators([], 0, end).satisfaction).toEqual({ count: 0, total: 0, percent: null });
    expect(ratio(2, 3).percent).toBe(66.7);
  });
});
