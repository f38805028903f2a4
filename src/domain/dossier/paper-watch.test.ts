import { describe, expect, it } from 'vitest';
import { provinceCalendar, vn } from '../calendar/calendar-test-support.ts';
import { forwardingDeadline } from '../calendar/index.ts';
import { planPaperTransfer } from './paper-transfer.ts';
import { watchPaperTransfer } from './paper-watch.ts';

const calendar = provinceCalendar();
const plan = (readyAt: string) =>
  planPaperTransfer({ purpose: 'dossier', fromUnitCode: 'CN724', toUnitCode: 'UBX25861', readyAt: vn(readyAt), deadline: forwardingDeadline(calendar, vn(readyAt)) });

describe('watching paper transfers', () => {
  it('is on track, then due soon within 2 working hours, then overdue', () => {
    const t = plan('2025-03-10 09:00'); // due 17:00
    expect(watchPaperTransfer(calendar, t, vn('2025-03-10 09:30'))).toMatchObject({ watch: 'on_track', remainingWorkingMs: 6 * 3_600_000 });
    expect(watchPaperTransfer(calendar, t, vn('2025-03-10 15:00')).watch).toBe('due_soon');
    expect(watchPaperTransfer(calendar, t, vn('2025-03-10 17:10'))).toMatchObject({ watch: 'overdue', late: true, lateByMs: 10 * 60_000 });
  });

  it('counts working time only: after the cut-off on Friday, due soon until Monday 07:30', () => {
    const t = plan('2025-03-14 15:30');
    expect(watchPaperTransfer(calendar, t, vn('2025-03-14 15:30'))).toMatchObject({ watch: 'due_soon', remainingWorkingMs: 1.5 * 3_600_000 });
    expect(watchPaperTransfer(calendar, t, vn('2025-03-16 12:00'))).toMatchObject({ watch: 'due_soon', remainingWorkingMs: 0 });
    expect(watchPaperTransfer(calendar, t, vn('2025-03-17 07:31')).watch).toBe('overdue');
  });

  it('follows the handovers and cancellation', () => {
    const t = plan('2025-03-10 09:00');
    const sent = { ...t, sent: { username: 'tn.CN724', unitCode: 'CN724', at: vn('2025-03-10 10:00') } };
    expect(watchPaperTransfer(calendar, sent, vn('2025-03-12 10:00'))).toMatchObject({ watch: 'in_transit', late: false });
    expect(watchPaperTransfer(calendar, { ...sent, received: { username: 'cv', unitCode: 'UBX25861', at: vn('2025-03-10 11:00') } }, vn('2025-03-12 10:00')).watch).toBe('delivered');
    expect(watchPaperTransfer(calendar, { ...t, cancelledAt: vn('2025-03-10 09:30') }, vn('2025-03-12 10:00'))).toMatchObject({ watch: 'cancelled', late: false });
    expect(watchPaperTransfer(calendar, { ...t, deadline: null }, vn('2025-04-12 10:00')).watch).toBe('no_deadline');
  });
});
