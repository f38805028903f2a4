import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { vn } from '../calendar/calendar-test-support.ts';
import { stateOf } from './feedback-test-support.ts';
import { applyFeedbackEvent, replayFeedback, type FeedbackEvent, type FeedbackState } from './history.ts';
import { allowedFeedbackActions, checkFeedbackAction, FEEDBACK_TRANSITIONS, type FeedbackAction } from './transitions.ts';
import { FEEDBACK_STATUSES } from './kinds.ts';

const r = vn('2024-12-02 09:00');

describe('feedback transitions', () => {
  it('walks received → accepted → answered → published, then a single rating', () => {
    const s = stateOf('TT74', r, [['accept', r + 1], ['answer', r + 2], ['publish', r + 3]]);
    expect(s.status).toBe('published');
    expect(checkFeedbackAction(s, 'rate', { kind: 'citizen' }).ok).toBe(true);
    const rated = applyFeedbackEvent(s, { type: 'rate', at: r + 4, unitCode: 'TT74', satisfied: true });
    const again = checkFeedbackAction(rated, 'rate', { kind: 'citizen' });
    expect(again.ok).toBe(false);
    expect(!again.ok && again.error.code).toBe('ALREADY_RATED');
  });

  it('refuses an action from the wrong status with a 409 naming the statuses in Vietnamese', () => {
    const s = stateOf('TT74', r, []);
    const res = checkFeedbackAction(s, 'answer', { kind: 'staff', roles: ['processing'] });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.kind).toBe('conflict');
      expect(res.error.message).toContain('Đã tiếp nhận, chờ phân loại');
    }
  });

  it('lets only leaders and managers publish, and citizens only rate or add information', () => {
    const answered = stateOf('TT74', r, [['accept', r + 1], ['answer', r + 2]]);
    expect(checkFeedbackAction(answered, 'publish', { kind: 'staff', roles: ['processing'] }).ok).toBe(false);
    expect(checkFeedbackAction(answered, 'publish', { kind: 'staff', roles: ['leader'] }).ok).toBe(true);
    expect(checkFeedbackAction(answered, 'publish', { kind: 'citizen' }).ok).toBe(false);
    expect(checkFeedbackAction(answered, 'rate', { kind: 'staff', roles: ['manager'] }).ok).toBe(false);
    expect(allowedFeedbackActions(stateOf('TT74', r, []), ['reception'])).toEqual(['accept', 'refuse', 'request_info', 'reassign']);
  });

  it('records the first decision as the classification, whatever comes after', () => {
    const s = stateOf('TT74', r, [['request_info', r + 10], ['info_received', r + 20], ['answer', r + 30]]);
    expect(s).toMatchObject({ classification: 'request_info', classifiedAt: r + 10, answeredAt: r + 30, status: 'answered' });
    expect(s.infoRequests).toEqual([{ requestedAt: r + 10, receivedAt: r + 20 }]);
  });

  it('keeps the status on reassignment and moves the unit', () => {
    const s = replayFeedback([{ type: 'submitted', at: r, unitCode: 'TT74' }, { type: 'reassign', at: r + 5, unitCode: 'STP74' }]);
    expect(s).toMatchObject({ status: 'received', unitCode: 'STP74', reassignments: 1 });
  });

  it('a restructuring moves the unit without counting a reassignment or changing the status', () => {
    const s = replayFeedback([{ type: 'submitted', at: r, unitCode: 'DTN25741' }, { type: 'accept', at: r + 3, unitCode: 'DTN25741' }, { type: 'restructure', at: r + 5, unitCode: 'DTN7925747' }]);
    expect(s).toMatchObject({ status: 'accepted', unitCode: 'DTN7925747', reassignments: 0 });
  });

  it('property: any sequence of allowed actions yields the table\'s status; a rating happens at most once', () => {
    const actions = Object.keys(FEEDBACK_TRANSITIONS) as FeedbackAction[];
    fc.assert(fc.property(fc.array(fc.constantFrom(...actions), { maxLength: 25 }), (attempts) => {
      let state: FeedbackState = replayFeedback([{ type: 'submitted', at: r, unitCode: 'TT74' }]);
      const applied: FeedbackEvent[] = [{ type: 'submitted', at: r, unitCode: 'TT74' }];
      let ratings = 0;
      attempts.forEach((action, i) => {
        const performer = action === 'rate' ? { kind: 'citizen' as const } : { kind: 'staff' as const, roles: ['leader' as const] };
        const check = checkFeedbackAction(state, action, performer);
        const allowed = FEEDBACK_TRANSITIONS[action].from.includes(state.status) && !(action === 'rate' && state.rating !== null);
        expect(check.ok).toBe(allowed);
        if (!check.ok) return;
        const event: FeedbackEvent = { type: action, at: r + i + 1, unitCode: 'TT74', satisfied: true };
        state = applyFeedbackEvent(state, event);
        applied.push(event);
        if (action === 'rate') ratings += 1;
        expect(state.status).toBe(check.value);
      });
      expect(ratings).toBeLessThanOrEqual(1);
      expect(FEEDBACK_STATUSES).toContain(state.status);
      // Replaying the stored history gives the same state.
      expect(replayFeedback(applied)).toEqual(state);
    }));
  });
});
