import { describe, expect, it } from 'vitest';
import { ACTORS, actor, dossier } from './dossier-test-support.ts';
import { openSubDossierRefusal, subDossierActionRefusal, subDossierCode } from './sub-dossier.ts';
import { allowedActions, decide } from './state-machine.ts';

const NOW = Date.parse('2025-03-11T09:00:00+07:00');
const open = { coordinatingUnitCode: 'STP74', coordinatingIsAgency: true, request: 'Xin ý kiến', budget: { unit: 'days', value: 2 } as const };
const coordinating = { officer: actor('cv.STP74', 'STP74', 'processing'), leader: actor('ld.STP74', 'STP74', 'leader'), other: actor('cv2.STP74', 'STP74', 'processing') };
const code = (e: { code: string } | undefined) => e?.code;

describe('inter-agency sub-dossiers', () => {
  const processing = dossier({ status: 'processing', handlerUsername: ACTORS.processing.username });

  it('are opened by the holder or the leader of the competent agency while processing', () => {
    expect(openSubDossierRefusal(processing, ACTORS.processing, open)).toBeUndefined();
    expect(openSubDossierRefusal(processing, ACTORS.leader, open)).toBeUndefined();
    expect(code(openSubDossierRefusal(processing, ACTORS.receptionAtReceiving, open))).toBe('NOT_PARENT_HANDLER');
    expect(code(openSubDossierRefusal(dossier({ status: 'processing', handlerUsername: 'someone' }), ACTORS.processing, open))).toBe('NOT_PARENT_HANDLER');
    expect(code(openSubDossierRefusal(dossier({ status: 'approved' }), ACTORS.leader, open))).toBe('PARENT_NOT_IN_PROCESSING');
    expect(code(openSubDossierRefusal(processing, ACTORS.leader, { ...open, coordinatingUnitCode: processing.competentUnitCode }))).toBe('INVALID_COORDINATING_UNIT');
    expect(code(openSubDossierRefusal(processing, ACTORS.leader, { ...open, coordinatingIsAgency: false }))).toBe('INVALID_COORDINATING_UNIT');
    expect(code(openSubDossierRefusal(processing, ACTORS.leader, { ...open, request: '  ' }))).toBe('REQUIRED');
    expect(code(openSubDossierRefusal(processing, ACTORS.leader, { ...open, budget: { unit: 'days', value: 0 } }))).toBe('INVALID_DURATION');
  });

  it('are answered by the coordinating agency (its assignee once assigned) and closed by the parent with a reason', () => {
    const sub = { status: 'open' as const, coordinatingUnitCode: 'STP74', assigneeUsername: null };
    expect(subDossierActionRefusal(sub, processing, coordinating.officer, 'answer', { answer: 'Đồng ý' })).toBeUndefined();
    expect(code(subDossierActionRefusal(sub, processing, ACTORS.processing, 'answer', { answer: 'Đồng ý' }))).toBe('NOT_HANDLER');
    expect(code(subDossierActionRefusal(sub, processing, coordinating.officer, 'answer', { answer: '' }))).toBe('REQUIRED');
    const assigned = { ...sub, assigneeUsername: 'cv.STP74' };
    expect(code(subDossierActionRefusal(assigned, processing, coordinating.other, 'answer', { answer: 'x' }))).toBe('NOT_HANDLER');
    expect(subDossierActionRefusal(assigned, processing, coordinating.leader, 'answer', { answer: 'x' })).toBeUndefined();
    expect(subDossierActionRefusal(sub, processing, coordinating.leader, 'assign', { assignee: coordinating.officer })).toBeUndefined();
    expect(code(subDossierActionRefusal(sub, processing, coordinating.leader, 'assign', { assignee: ACTORS.processing }))).toBe('HANDLER_NOT_ELIGIBLE');
    expect(code(subDossierActionRefusal(sub, processing, coordinating.officer, 'assign', { assignee: coordinating.officer }))).toBe('ROLE_NOT_ALLOWED');
    expect(code(subDossierActionRefusal(sub, processing, ACTORS.leader, 'close', {}))).toBe('REQUIRED');
    expect(subDossierActionRefusal(sub, processing, ACTORS.leader, 'close', { reason: 'Không cần nữa' })).toBeUndefined();
    expect(code(subDossierActionRefusal(sub, processing, coordinating.leader, 'close', { reason: 'x' }))).toBe('NOT_PARENT_HANDLER');
    expect(code(subDossierActionRefusal({ ...sub, status: 'answered' }, processing, coordinating.officer, 'answer', { answer: 'x' }))).toBe('SUB_DOSSIER_NOT_OPEN');
  });

  it('block the approval of the parent while open', () => {
    const blocked = dossier({ status: 'processing', openSubDossiers: 1 });
    const decision = decide(blocked, { type: 'approve' }, ACTORS.leader, NOW);
    expect(decision.ok ? 'accepted' : decision.error.code).toBe('SUB_DOSSIERS_OPEN');
    expect(allowedActions(blocked, ACTORS.leader, NOW)).not.toContain('approve');
    expect(allowedActions({ ...blocked, openSubDossiers: 0 }, ACTORS.leader, NOW)).toContain('approve');
    expect(subDossierCode('000.00.05.H74-250311-0001', 3)).toBe('000.00.05.H74-250311-0001-LT03');
  });
});
