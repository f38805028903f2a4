import { describe, expect, it } from 'vitest';
import {
  CHANNEL_PORTAL_CODES,
  CLOCK_FINISHED_STATUSES,
  DOSSIER_STATUSES,
  isDossierStatus,
  isTerminal,
  PORTAL_STATUS_LABELS_VI,
  portalStatusCode,
  STATUS_LABELS_VI,
  TERMINAL_STATUSES,
} from './status.ts';

describe('dossier statuses', () => {
  it('are the contract’s ten, each with a Vietnamese label', () => {
    expect(DOSSIER_STATUSES).toEqual(['received', 'transferred', 'processing', 'awaiting_supplement', 'paused', 'approved', 'result_ready', 'returned', 'rejected', 'withdrawn']);
    expect(new Set(Object.values(STATUS_LABELS_VI)).size).toBe(10);
    expect(isDossierStatus('processing')).toBe(true);
    expect(isDossierStatus('stopped')).toBe(false);
  });

  it('end in returned, rejected or withdrawn; the clock has stopped also when a result waits', () => {
    expect(TERMINAL_STATUSES).toEqual(['returned', 'rejected', 'withdrawn']);
    expect(DOSSIER_STATUSES.filter(isTerminal)).toEqual(['returned', 'rejected', 'withdrawn']);
    expect(CLOCK_FINISHED_STATUSES).toEqual(['result_ready', ...TERMINAL_STATUSES]);
  });
});

describe('national portal codes', () => {
  it.each([
    ['received', {}, 2],
    ['transferred', {}, 4],
    ['processing', {}, 4],
    ['awaiting_supplement', {}, 5],
    ['paused', { pauseReason: 'fee' }, 6],
    ['paused', { pauseReason: 'consultation' }, 4],
    ['paused', { pauseReason: 'citizen_request' }, 8],
    ['paused', {}, 8],
    ['approved', {}, 4],
    ['result_ready', {}, 9],
    ['returned', {}, 10],
    ['rejected', { rejectedAtReceipt: true }, 3],
    ['rejected', {}, 8],
    ['withdrawn', {}, 7],
  ] as const)('%s %j → %i', (status, context, code) => {
    expect(portalStatusCode(status, context)).toBe(code);
  });

  it('labels the ten portal codes as domain.md §3 lists them', () => {
    expect(PORTAL_STATUS_LABELS_VI[1]).toBe('Mới đăng ký');
    expect(PORTAL_STATUS_LABELS_VI[10]).toBe('Đã trả kết quả');
  });

  it('channels: direct 1, online 2, postal 3', () => {
    expect(CHANNEL_PORTAL_CODES).toEqual({ direct: 1, online: 2, postal: 3 });
  });
});
