import { describe, expect, it } from 'vitest';
import { provinceCalendar } from '../calendar/calendar-test-support.ts';
import { supplementRequestDeadline } from '../sla/index.ts';
import type { ActionRequest } from './action.ts';
import type { ActorFacts } from './actor.ts';
import type { Accepted, Decision } from './decision.ts';
import { ACTORS, dossier, RECEIVED_AT, SUPPLEMENT_DEADLINE, validRequest, vn } from './dossier-test-support.ts';
import { applyDecision, receivedDossier, type DossierFacts } from './dossier-facts.ts';
import { allowedActions, decide } from './state-machine.ts';

const accepted = (decision: Decision): Accepted => {
  if (!decision.ok) throw decision.error;
  return decision;
};
const refusal = (decision: Decision) => {
  if (decision.ok) throw new Error(`expected a refusal, got ${decision.nextStatus}`);
  return { kind: decision.error.kind, code: decision.error.code, message: decision.error.message };
};

describe('the issue 5 flow: filed at Chi nhánh Dĩ An, decided by UBND xã An Linh, returned at its point', () => {
  it('walks received → … → returned with the clock events and effects the services need', () => {
    const steps: [ActionRequest, ActorFacts, string][] = [
      [{ type: 'transfer' }, ACTORS.receptionAtReceiving, '2025-03-10 10:00'],
      [{ type: 'assign', assignee: ACTORS.processing }, ACTORS.leader, '2025-03-10 14:00'],
      [{ type: 'request_supplement', reason: 'Thiếu bản sao giấy khai sinh.' }, ACTORS.processing, '2025-03-11 08:00'],
      [{ type: 'receive_supplement' }, ACTORS.receptionAtReturn, '2025-03-12 09:00'],
      [{ type: 'forward', toStep: 'approve', direction: 'next', to: ACTORS.leader }, ACTORS.processing, '2025-03-13 09:00'],
      [{ type: 'approve' }, ACTORS.leader, '2025-03-13 10:00'],
      [{ type: 'record_result', resultNumber: '12/GCN', signer: 'Trần Thị Hoa', signedAt: vn('2025-03-13 10:00') }, ACTORS.leader, '2025-03-13 11:00'],
      [{ type: 'return_result', method: 'counter', recipientName: 'Nguyễn Văn An' }, ACTORS.receptionAtReturn, '2025-03-14 08:00'],
    ];
    let facts = receivedDossier(dossier(), RECEIVED_AT, SUPPLEMENT_DEADLINE);
    const trail: string[] = [];
    const clock: string[] = [];
    const effects: string[] = [];
    for (const [request, who, at] of steps) {
      const decision = accepted(decide(facts, request, who, vn(at)));
      trail.push(`${decision.fromStatus}→${decision.nextStatus}`);
      clock.push(...decision.clockEvents.map((e) => e.type));
      effects.push(...decision.effects.map((e) => (e.kind === 'paper_transfer' ? `paper:${e.purpose}:${e.fromUnitCode}>${e.toUnitCode}` : e.kind === 'form' ? `form:${e.form}` : e.kind)));
      facts = applyDecision(facts, decision);
    }
    expect(trail).toEqual([
      'received→transferred',
      'transferred→processing',
      'processing→awaiting_supplement',
      'awaiting_supplement→processing',
      'processing→processing',
      'processing→approved',
      'approved→result_ready',
      'result_ready→returned',
    ]);
    expect(clock).toEqual(['supplement_requested', 'supplement_received', 'finished']);
    expect(effects).toEqual([
      'paper:dossier:CN724>UBX25861',
      'handler',
      'form:supplement_request',
      'notify_applicant',
      'paper:supplement:DTN25861>UBX25861',
      'step',
      'handler',
      'result',
      'paper:result:UBX25861>DTN25861',
      'notify_applicant',
      'returned',
    ]);
    expect(facts).toMatchObject({ status: 'returned', supplementRequests: 1, handlerUsername: 'ld.UBX25861' });
    expect(allowedActions(facts, ACTORS.leader, vn('2025-03-14 09:00'))).toEqual([]);
  });

  it('uses the SLA module’s supplement deadline as the fixtures assume', () => {
    expect(supplementRequestDeadline(provinceCalendar(), RECEIVED_AT)).toBe(SUPPLEMENT_DEADLINE);
  });
});

describe('refusals name the obstacle', () => {
  it('409 ACTION_NOT_ALLOWED names the current status in Vietnamese', () => {
    expect(refusal(decide(dossier({ status: 'received' }), { type: 'approve' }, ACTORS.leader, RECEIVED_AT))).toEqual({
      kind: 'conflict',
      code: 'ACTION_NOT_ALLOWED',
      message: 'Không thể phê duyệt kết quả khi hồ sơ đang ở trạng thái "Đã tiếp nhận" (chỉ được khi "Đang xử lý").',
    });
  });

  it('terminal statuses accept nothing, for anyone', () => {
    for (const status of ['returned', 'rejected', 'withdrawn'] as const) {
      const r = refusal(decide(dossier({ status }), { type: 'withdraw' }, ACTORS.receptionAtReceiving, RECEIVED_AT));
      expect(r.code).toBe('ACTION_NOT_ALLOWED');
      expect(r.message).toContain('hồ sơ đã kết thúc');
    }
  });

  it('403 ROLE_NOT_ALLOWED lists who may do it; OUT_OF_SCOPE when the role fits but the unit does not', () => {
    const facts = dossier({ status: 'processing', handlerUsername: 'cv.UBX25861' });
    expect(refusal(decide(facts, { type: 'approve' }, ACTORS.processing, RECEIVED_AT))).toEqual({
      kind: 'forbidden',
      code: 'ROLE_NOT_ALLOWED',
      message: 'Thao tác "phê duyệt kết quả" chỉ dành cho Lãnh đạo của cơ quan có thẩm quyền giải quyết.',
    });
    expect(refusal(decide(facts, { type: 'approve' }, ACTORS.otherLeader, RECEIVED_AT))).toEqual({
      kind: 'forbidden',
      code: 'OUT_OF_SCOPE',
      message: 'Hồ sơ không thuộc phạm vi đơn vị của bạn: thao tác "phê duyệt kết quả" do Lãnh đạo của cơ quan có thẩm quyền giải quyết (UBX25861) thực hiện.',
    });
    expect(refusal(decide(dossier(), { type: 'transfer' }, ACTORS.receptionElsewhere, RECEIVED_AT)).code).toBe('OUT_OF_SCOPE');
    expect(refusal(decide(dossier(), { type: 'transfer' }, ACTORS.manager, RECEIVED_AT)).code).toBe('ROLE_NOT_ALLOWED');
    expect(refusal(decide(dossier(), { type: 'transfer' }, ACTORS.admin, RECEIVED_AT)).code).toBe('ROLE_NOT_ALLOWED');
  });

  it('a processing officer acts only on the dossiers they hold; the leader always can', () => {
    const facts = dossier({ status: 'processing', handlerUsername: 'cv.UBX25861' });
    const pause: ActionRequest = { type: 'pause', reason: 'consultation' };
    expect(refusal(decide(facts, pause, ACTORS.otherProcessing, RECEIVED_AT))).toMatchObject({ code: 'NOT_HANDLER', kind: 'forbidden' });
    expect(decide(facts, pause, ACTORS.processing, RECEIVED_AT).ok).toBe(true);
    expect(decide(facts, pause, ACTORS.leader, RECEIVED_AT).ok).toBe(true);
    // Recording a signed result is not tied to the handler.
    const approved = dossier({ status: 'approved', handlerUsername: 'ld.UBX25861' });
    expect(decide(approved, validRequest('record_result', approved, vn('2025-03-12 10:00')), ACTORS.otherProcessing, vn('2025-03-12 10:00')).ok).toBe(true);
  });

  it('status comes before role, role before unit', () => {
    expect(refusal(decide(dossier({ status: 'returned' }), { type: 'approve' }, ACTORS.admin, RECEIVED_AT)).code).toBe('ACTION_NOT_ALLOWED');
    expect(refusal(decide(dossier({ status: 'processing' }), { type: 'approve' }, ACTORS.receptionElsewhere, RECEIVED_AT)).code).toBe('ROLE_NOT_ALLOWED');
  });

  it('an unknown action type is invalid, not a crash', () => {
    const r = refusal(decide(dossier(), { type: 'delete' } as unknown as ActionRequest, ACTORS.leader, RECEIVED_AT));
    expect(r).toMatchObject({ kind: 'invalid', code: 'UNKNOWN_ACTION' });
  });
});

describe('legal rules', () => {
  const processing = dossier({ status: 'processing', handlerUsername: 'cv.UBX25861' });
  const ask: ActionRequest = { type: 'request_supplement', reason: 'Thiếu tờ khai.' };

  it('a supplement request within 3 working days of receipt, up to the deadline instant included', () => {
    expect(decide(processing, ask, ACTORS.processing, SUPPLEMENT_DEADLINE).ok).toBe(true);
    expect(refusal(decide(processing, ask, ACTORS.processing, SUPPLEMENT_DEADLINE + 1))).toEqual({
      kind: 'conflict',
      code: 'SUPPLEMENT_REQUEST_TOO_LATE',
      message: 'Đã quá thời hạn yêu cầu bổ sung hồ sơ: chỉ được yêu cầu trong 3 ngày làm việc kể từ khi tiếp nhận (hạn cuối 09:00 ngày 13/03/2025).',
    });
    expect(allowedActions(processing, ACTORS.processing, SUPPLEMENT_DEADLINE + 1)).not.toContain('request_supplement');
  });

  it('a second supplement request is allowed in time but flagged: it makes the dossier late', () => {
    const decision = accepted(decide({ ...processing, supplementRequests: 1 }, ask, ACTORS.processing, RECEIVED_AT));
    expect(decision.effects).toContainEqual(expect.objectContaining({ kind: 'warning', code: 'REPEATED_SUPPLEMENT_REQUEST' }));
  });

  it('extension: leader only, once, with a reason and more time; produces the apology', () => {
    const extend: ActionRequest = { type: 'extend', reason: 'Chờ xác minh.', extension: { kind: 'added', duration: { unit: 'days', value: 3 } } };
    const decision = accepted(decide(processing, extend, ACTORS.leader, vn('2025-03-14 09:00')));
    expect(decision.nextStatus).toBe('processing');
    expect(decision.clockEvents).toEqual([{ type: 'extension_granted', at: vn('2025-03-14 09:00'), extension: { kind: 'added', duration: { unit: 'days', value: 3 } } }]);
    expect(decision.effects).toEqual([{ kind: 'form', form: 'apology' }, { kind: 'notify_applicant', topic: 'extended' }]);
    expect(decision.reason).toBe('Chờ xác minh.');
    const after = applyDecision(processing, decision);
    expect(refusal(decide(after, extend, ACTORS.leader, vn('2025-03-14 10:00')))).toMatchObject({ code: 'EXTENSION_ALREADY_GRANTED', kind: 'conflict' });
    expect(refusal(decide(processing, { ...extend, reason: '   ' }, ACTORS.leader, RECEIVED_AT))).toMatchObject({ code: 'REASON_REQUIRED', kind: 'invalid' });
    expect(refusal(decide(processing, { ...extend, extension: { kind: 'added', duration: { unit: 'days', value: 0 } } }, ACTORS.leader, RECEIVED_AT)).code).toBe('INVALID_EXTENSION');
    expect(refusal(decide(processing, extend, ACTORS.processing, RECEIVED_AT)).code).toBe('ROLE_NOT_ALLOWED');
  });

  it('a new due instant must be later than the current one; it becomes the facts’ dueAt', () => {
    const at = vn('2025-03-14 09:00');
    const to = (dueAt: number): ActionRequest => ({ type: 'extend', reason: 'Chờ xác minh.', extension: { kind: 'newDueAt', dueAt } });
    expect(refusal(decide(processing, to(vn('2025-03-17 09:00')), ACTORS.leader, at)).code).toBe('EXTENSION_NOT_LATER');
    const decision = accepted(decide(processing, to(vn('2025-03-20 17:00')), ACTORS.leader, at));
    expect(applyDecision(processing, decision)).toMatchObject({ extensionGranted: true, dueAt: vn('2025-03-20 17:00') });
  });

  it('rejection needs a reason; at the counter before transfer it is portal code 3, later the agency head decides', () => {
    expect(refusal(decide(dossier(), { type: 'reject', reason: '' }, ACTORS.receptionAtReceiving, RECEIVED_AT)).code).toBe('REASON_REQUIRED');
    const atCounter = accepted(decide(dossier(), { type: 'reject', reason: 'Không thuộc thẩm quyền.' }, ACTORS.receptionAtReceiving, RECEIVED_AT));
    expect(applyDecision(dossier(), atCounter).rejectedAtReceipt).toBe(true);
    expect(atCounter.effects).toEqual([{ kind: 'form', form: 'refusal' }, { kind: 'notify_applicant', topic: 'rejected' }]);
    expect(atCounter.clockEvents).toEqual([{ type: 'finished', at: RECEIVED_AT }]);
    const later = accepted(decide(processing, { type: 'reject', reason: 'Không đủ điều kiện.' }, ACTORS.leader, RECEIVED_AT));
    expect(applyDecision(processing, later).rejectedAtReceipt).toBe(false);
    expect(later.effects).toContainEqual({ kind: 'paper_transfer', purpose: 'result', fromUnitCode: 'UBX25861', toUnitCode: 'DTN25861' });
    expect(refusal(decide(processing, { type: 'reject', reason: 'x' }, ACTORS.receptionAtReceiving, RECEIVED_AT)).code).toBe('ROLE_NOT_ALLOWED');
  });

  it('withdrawal on the applicant’s request, at a counter they used, until the agency decides', () => {
    for (const status of ['received', 'transferred', 'processing', 'awaiting_supplement', 'paused'] as const) {
      expect(decide(dossier({ status }), { type: 'withdraw' }, ACTORS.receptionAtReturn, RECEIVED_AT).ok, status).toBe(true);
    }
    for (const status of ['approved', 'result_ready'] as const) {
      expect(refusal(decide(dossier({ status }), { type: 'withdraw' }, ACTORS.receptionAtReceiving, RECEIVED_AT)).code, status).toBe('ACTION_NOT_ALLOWED');
    }
    expect(refusal(decide(dossier(), { type: 'withdraw' }, ACTORS.receptionElsewhere, RECEIVED_AT)).code).toBe('OUT_OF_SCOPE');
  });
});

describe('request contents', () => {
  const at = vn('2025-03-12 10:00');
  const check = (facts: DossierFacts, request: ActionRequest, who: ActorFacts) => {
    const d = decide(facts, request, who, at);
    return d.ok ? 'ok' : `${d.error.code} ${(d.error.details as { field?: string }).field}`;
  };

  it('assign and forward only to officers of the competent agency', () => {
    const transferred = dossier({ status: 'transferred' });
    expect(check(transferred, { type: 'assign', assignee: ACTORS.processing }, ACTORS.leader)).toBe('ok');
    expect(check(transferred, { type: 'assign', assignee: ACTORS.receptionAtReturn }, ACTORS.leader)).toBe('HANDLER_NOT_ELIGIBLE assignee');
    const processing = dossier({ status: 'processing', handlerUsername: 'cv.UBX25861' });
    expect(check(processing, { type: 'forward', toStep: ' ', direction: 'next' }, ACTORS.processing)).toBe('STEP_REQUIRED toStep');
    expect(check(processing, { type: 'forward', toStep: 'process', direction: 'back', to: ACTORS.otherLeader }, ACTORS.leader)).toBe('HANDLER_NOT_ELIGIBLE to');
  });

  it('a result needs its number, signer and a signing date between receipt and now', () => {
    const approved = dossier({ status: 'approved' });
    const result = (o: Partial<Extract<ActionRequest, { type: 'record_result' }>>): ActionRequest => ({
      type: 'record_result', resultNumber: '1/QĐ', signer: 'A', signedAt: vn('2025-03-11 00:00'), ...o,
    });
    expect(check(approved, result({}), ACTORS.processing)).toBe('ok');
    expect(check(approved, result({ signedAt: vn('2025-03-10 00:00') }), ACTORS.processing)).toBe('ok'); // the receipt day, date only
    expect(check(approved, result({ signedAt: vn('2025-03-09 23:00') }), ACTORS.processing)).toBe('INVALID_SIGNED_AT signedAt');
    expect(check(approved, result({ signedAt: at + 1 }), ACTORS.processing)).toBe('INVALID_SIGNED_AT signedAt');
    expect(check(approved, result({ resultNumber: '' }), ACTORS.processing)).toBe('RESULT_INCOMPLETE resultNumber');
    expect(check(approved, result({ signer: ' ' }), ACTORS.processing)).toBe('RESULT_INCOMPLETE signer');
  });

  it('a return records who took the result, or the postal item', () => {
    const ready = dossier({ status: 'result_ready' });
    expect(check(ready, { type: 'return_result', method: 'counter' }, ACTORS.receptionAtReturn)).toBe('RECIPIENT_REQUIRED recipientName');
    expect(check(ready, { type: 'return_result', method: 'post' }, ACTORS.receptionAtReturn)).toBe('POSTAL_TRACKING_REQUIRED postalTrackingNumber');
    const d = accepted(decide(ready, { type: 'return_result', method: 'post', postalTrackingNumber: ' EB123456789VN ' }, ACTORS.receptionAtReturn, at));
    expect(d.effects).toEqual([{ kind: 'returned', method: 'post', recipientName: null, postalTrackingNumber: 'EB123456789VN' }]);
    expect(d.clockEvents).toEqual([]);
    expect(check(ready, { type: 'return_result', method: 'counter', recipientName: 'A' }, ACTORS.receptionAtReceiving)).toBe(
      'OUT_OF_SCOPE undefined',
    );
  });

  it('pause reasons map to clock pauses; resume clears the reason', () => {
    const processing = dossier({ status: 'processing', handlerUsername: 'cv.UBX25861' });
    expect(check(processing, { type: 'pause', reason: 'supplement' as 'fee' }, ACTORS.processing)).toBe('INVALID_PAUSE_REASON reason');
    const paused = accepted(decide(processing, { type: 'pause', reason: 'fee', note: 'Chờ nộp lệ phí' }, ACTORS.processing, at));
    expect(paused.clockEvents).toEqual([{ type: 'paused', at, reason: 'fee' }]);
    expect(paused.reason).toBe('Chờ nộp lệ phí');
    const facts = applyDecision(processing, paused);
    expect(facts).toMatchObject({ status: 'paused', pauseReason: 'fee' });
    expect(applyDecision(facts, accepted(decide(facts, { type: 'resume' }, ACTORS.processing, at)))).toMatchObject({ status: 'processing', pauseReason: null });
  });

  it('over-long text is refused', () => {
    expect(check(dossier(), { type: 'reject', reason: 'x'.repeat(2001) }, ACTORS.receptionAtReceiving)).toBe('TEXT_TOO_LONG reason');
  });
});

describe('allowedActions: what each officer sees on the dossier page', () => {
  it.each([
    ['received', 'receptionAtReceiving', ['transfer', 'reject', 'withdraw']],
    ['received', 'receptionAtReturn', ['withdraw']],
    ['transferred', 'leader', ['assign', 'extend', 'reject']],
    ['processing', 'processing', ['forward', 'request_supplement', 'pause']],
    ['processing', 'leader', ['assign', 'forward', 'request_supplement', 'pause', 'extend', 'reject', 'approve']],
    ['awaiting_supplement', 'receptionAtReturn', ['receive_supplement', 'withdraw']],
    ['paused', 'processing', ['resume']],
    ['approved', 'processing', ['record_result']],
    ['result_ready', 'receptionAtReturn', ['return_result']],
    ['result_ready', 'leader', []],
  ] as const)('%s, %s → %j', (status, who, expected) => {
    const facts = dossier({ status, handlerUsername: 'cv.UBX25861' });
    expect(allowedActions(facts, ACTORS[who], RECEIVED_AT)).toEqual(expected);
  });
});
