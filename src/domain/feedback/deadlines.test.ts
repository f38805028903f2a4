import { describe, expect, it } from 'vitest';
import { local, provinceCalendar, vn } from '../calendar/calendar-test-support.ts';
import { feedbackDeadlines, openWork, resolveDueAt } from './deadlines.ts';
import { stateOf } from './feedback-test-support.ts';

const cal = provinceCalendar();
const byKind = (list: ReturnType<typeof feedbackDeadlines>) => Object.fromEntries(list.map((d) => [d.kind, { due: local(d.dueAt), state: d.state }]));

describe('feedback deadlines on the legal calendar', () => {
  it('counts working days across Tết 2025 (27–31/01 off, weekends excluded)', () => {
    const received = vn('2025-01-23 10:00'); // Thursday before the break
    const state = stateOf('TT74', received, []);
    expect(byKind(feedbackDeadlines(cal, state, received))).toEqual({
      refuse: { due: '2025-02-03 10:00', state: 'open' },
      request_info: { due: '2025-02-06 10:00', state: 'open' },
      resolve: { due: '2025-02-20 10:00', state: 'open' },
    });
  });

  it('starts the clock at the next working period when received at night or on a holiday', () => {
    const state = stateOf('TT74', vn('2025-04-30 20:00'), []); // 30/4 holiday, 1–2/5 off, weekend
    const refuse = feedbackDeadlines(cal, state, vn('2025-04-30 20:00')).find((d) => d.kind === 'refuse')!;
    expect(local(refuse.dueAt)).toBe('2025-05-06 17:00'); // Mon 05/05 07:30 + 2 working days
  });

  it('marks due soon within one working day and overdue after the due instant', () => {
    const received = vn('2024-12-02 09:00');
    const state = stateOf('TT74', received, []);
    expect(openWork(cal, state, vn('2024-12-03 08:00')).urgency).toBe('open');
    expect(openWork(cal, state, vn('2024-12-03 09:00'))).toMatchObject({ nextDeadline: 'refuse', urgency: 'due_soon' });
    expect(openWork(cal, state, vn('2024-12-04 09:01')).urgency).toBe('overdue');
  });

  it('judges a refusal after two working days as late and closes the other deadlines', () => {
    const received = vn('2024-12-02 09:00');
    const state = stateOf('TT74', received, [['refuse', vn('2024-12-05 09:00')]]);
    const d = byKind(feedbackDeadlines(cal, state, vn('2024-12-30 09:00')));
    expect(d.refuse).toEqual({ due: '2024-12-04 09:00', state: 'late' });
    expect(d.resolve!.state).toBe('closed');
    expect(d.request_info!.state).toBe('closed');
    expect(openWork(cal, state, vn('2024-12-30 09:00')).urgency).toBe('none');
  });

  it('stops the resolve clock while waiting for the citizen, by the working time waited', () => {
    const received = vn('2024-12-02 09:00'); // Monday; 15 working days → 23/12 09:00
    const base = stateOf('TT74', received, [['accept', vn('2024-12-02 10:00')]]);
    expect(local(resolveDueAt(cal, base, received))).toBe('2024-12-23 09:00');
    const waited = stateOf('TT74', received, [
      ['accept', vn('2024-12-02 10:00')],
      ['request_info', vn('2024-12-03 09:00')],
      ['info_received', vn('2024-12-05 09:00')], // two working days later
    ]);
    expect(local(resolveDueAt(cal, waited, vn('2024-12-06 09:00')))).toBe('2024-12-25 09:00');
    // While waiting: projected as if the information came now, and never overdue.
    const waiting = stateOf('TT74', received, [['request_info', vn('2024-12-03 09:00')]]);
    const atNow = vn('2025-01-20 09:00');
    const resolve = feedbackDeadlines(cal, waiting, atNow).find((d) => d.kind === 'resolve')!;
    expect(resolve.state).toBe('open');
    expect(resolve.dueAt).toBeGreaterThan(atNow);
  });

  it('measures publication two working days after the answer', () => {
    const received = vn('2024-12-02 09:00');
    const state = stateOf('STP74', received, [
      ['accept', vn('2024-12-02 10:00')],
      ['answer', vn('2024-12-06 16:00')], // Friday
      ['publish', vn('2024-12-10 16:30')], // Tuesday, after 16:00
    ]);
    const d = byKind(feedbackDeadlines(cal, state, vn('2024-12-11 09:00')));
    expect(d.publish).toEqual({ due: '2024-12-10 16:00', state: 'late' });
    expect(d.resolve!.state).toBe('met');
  });
});
