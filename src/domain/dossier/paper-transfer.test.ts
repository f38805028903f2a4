import { describe, expect, it } from 'vitest';
import { provinceCalendar, vn } from '../calendar/calendar-test-support.ts';
import { forwardingDeadline } from '../calendar/index.ts';
import { paperTransferStatus, planPaperTransfer, recordPaperReceived, recordPaperSent, type PaperTransfer } from './paper-transfer.ts';

const plan = (readyAt: string) =>
  planPaperTransfer({ purpose: 'dossier', fromUnitCode: 'CN724', toUnitCode: 'UBX25861', readyAt: vn(readyAt), deadline: forwardingDeadline(provinceCalendar(), vn(readyAt)) });
const unwrap = (r: { ok: true; value: PaperTransfer } | { ok: false; error: Error }) => {
  if (!r.ok) throw r.error;
  return r.value;
};
const sentBy = (at: string) => ({ username: 'tn.CN724', unitCode: 'CN724', at: vn(at) });
const takenBy = (at: string) => ({ username: 'cv.UBX25861', unitCode: 'UBX25861', at: vn(at) });

describe('paper transfers and the forwarding deadline', () => {
  it('received before 15:00: due the same working day', () => {
    const transfer = plan('2025-03-10 10:00');
    expect(transfer).toMatchObject({ deadline: vn('2025-03-10 17:00'), deadlineRule: 'sameWorkingDay', sent: null, received: null });
    expect(paperTransferStatus(transfer, vn('2025-03-10 16:00'))).toEqual({ stage: 'awaiting_dispatch', late: false, lateByMs: 0 });
    expect(paperTransferStatus(transfer, vn('2025-03-10 17:30'))).toEqual({ stage: 'awaiting_dispatch', late: true, lateByMs: 30 * 60_000 });
    const sent = unwrap(recordPaperSent(transfer, sentBy('2025-03-10 16:30')));
    expect(paperTransferStatus(sent, vn('2025-03-12 08:00'))).toEqual({ stage: 'in_transit', late: false, lateByMs: 0 });
    const delivered = unwrap(recordPaperReceived(sent, takenBy('2025-03-11 08:00')));
    expect(paperTransferStatus(delivered, vn('2025-03-12 08:00'))).toEqual({ stage: 'delivered', late: false, lateByMs: 0 });
  });

  it('received after 15:00: due at the start of the next working day; a later handover stays late', () => {
    const transfer = plan('2025-03-14 15:30'); // Friday
    expect(transfer).toMatchObject({ deadline: vn('2025-03-17 07:30'), deadlineRule: 'startOfNextWorkingDay' });
    const sent = unwrap(recordPaperSent(transfer, sentBy('2025-03-17 09:30')));
    expect(paperTransferStatus(sent, vn('2025-03-18 09:00'))).toEqual({ stage: 'in_transit', late: true, lateByMs: 2 * 3_600_000 });
  });

  it('results travel without a deadline', () => {
    const result = planPaperTransfer({ purpose: 'result', fromUnitCode: 'UBX25861', toUnitCode: 'DTN25861', readyAt: vn('2025-03-13 11:00'), deadline: null });
    expect(paperTransferStatus(result, vn('2025-04-01 00:00'))).toEqual({ stage: 'awaiting_dispatch', late: false, lateByMs: 0 });
  });

  it('refuses handovers by the wrong unit, out of order, or twice', () => {
    const transfer = plan('2025-03-10 10:00');
    const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);
    expect(code(recordPaperSent(transfer, { ...sentBy('2025-03-10 11:00'), unitCode: 'CN718' }))).toBe('WRONG_UNIT');
    expect(code(recordPaperSent(transfer, sentBy('2025-03-10 09:00')))).toBe('HANDOVER_OUT_OF_ORDER');
    expect(code(recordPaperReceived(transfer, takenBy('2025-03-10 11:00')))).toBe('NOT_SENT');
    const sent = unwrap(recordPaperSent(transfer, sentBy('2025-03-10 11:00')));
    expect(code(recordPaperSent(sent, sentBy('2025-03-10 12:00')))).toBe('ALREADY_SENT');
    expect(code(recordPaperReceived(sent, { ...takenBy('2025-03-10 13:00'), unitCode: 'UBX25741' }))).toBe('WRONG_UNIT');
    expect(code(recordPaperReceived(sent, takenBy('2025-03-10 10:59')))).toBe('HANDOVER_OUT_OF_ORDER');
    const delivered = unwrap(recordPaperReceived(sent, takenBy('2025-03-10 13:00')));
    expect(code(recordPaperReceived(delivered, takenBy('2025-03-10 14:00')))).toBe('ALREADY_RECEIVED');
  });
});
