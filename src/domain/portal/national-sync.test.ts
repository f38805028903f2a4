import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nationalPortalMessage, syncDecision, type DossierSnapshot } from './national-sync.ts';
import { portalCodeOf } from './online-filing.ts';

const snapshot: DossierSnapshot = {
  provinceCode: '74', code: '000.00.53.H48-241209-0001', actionCount: 3, statusCode: 4, channel: 'postal',
  agencyIdentifier: '000.00.53.H48', procedureCode: '1.001193', receivedAt: Date.parse('2024-12-09T09:00:00+07:00'),
  dueAt: Date.parse('2024-12-12T17:00:00+07:00'), finishedAt: null,
};

describe('national portal message', () => {
  it('carries the state the portal needs and nothing about the applicant', () => {
    expect(nationalPortalMessage(snapshot)).toEqual({
      provinceCode: '74', dossierCode: '000.00.53.H48-241209-0001', seq: 3, statusCode: 4, channelCode: 3,
      agencyIdentifier: '000.00.53.H48', procedureCode: '1.001193',
      receivedAt: '2024-12-09T02:00:00.000Z', dueAt: '2024-12-12T10:00:00.000Z', finishedAt: null,
    });
    expect(nationalPortalMessage({ ...snapshot, channel: 'direct' }).channelCode).toBe(1);
    expect(nationalPortalMessage({ ...snapshot, channel: 'online', receivedAt: null }).channelCode).toBe(2);
  });

  it('gives a paused dossier the code of its pause reason (6 fee, 4 consultation, 8 otherwise)', () => {
    const context = { rejectedAtReceipt: false, refusedOnline: false };
    expect(portalCodeOf('paused', { ...context, pauseReason: 'fee' })).toBe(6);
    expect(portalCodeOf('paused', { ...context, pauseReason: 'consultation' })).toBe(4);
    expect(portalCodeOf('paused', { ...context, pauseReason: 'citizen_request' })).toBe(8);
    expect(portalCodeOf('paused', context)).toBe(8);
  });
});

describe('sync decision', () => {
  it('sends a new state, skips the one the portal has, sends a moved due date', () => {
    expect(syncDecision({ seq: 1, dueAt: 100 }, { seq: 0, dueAt: null })).toBe('send');
    expect(syncDecision({ seq: 4, dueAt: 100 }, { seq: 4, dueAt: 100 })).toBe('skip');
    expect(syncDecision({ seq: 4, dueAt: 200 }, { seq: 4, dueAt: 100 })).toBe('send');
    expect(syncDecision({ seq: 5, dueAt: 100 }, { seq: 4, dueAt: 100 })).toBe('send');
  });

  it('never sends a state older than the one the portal has', () => {
    const due = fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: null });
    fc.assert(fc.property(fc.nat(50), due, fc.nat(50), due, (seq, dueAt, syncedSeq, syncedDue) => {
      const decision = syncDecision({ seq, dueAt }, { seq: syncedSeq, dueAt: syncedDue });
      if (seq < syncedSeq) expect(decision).toBe('skip');
      if (decision === 'send') expect(seq >= syncedSeq && !(seq === syncedSeq && dueAt === syncedDue)).toBe(true);
    }));
  });

  it('replaying the states a dossier went through sends only the increasing ones', () => {
    fc.assert(fc.property(fc.array(fc.nat(20), { maxLength: 30 }), (order) => {
      let synced = { seq: 0, dueAt: null as number | null };
      const sent: number[] = [];
      for (const seq of order) {
        if (syncDecision({ seq, dueAt: 1 }, synced) === 'send') {
          sent.push(seq);
          synced = { seq, dueAt: 1 };
        }
      }
      for (let i = 1; i < sent.length; i++) expect(sent[i]!).toBeGreaterThan(sent[i - 1]!);
    }));
  });
});
