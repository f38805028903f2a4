import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { provinceCalendar, vn } from '../calendar/calendar-test-support.ts';
import { dueDate } from '../calendar/index.ts';
import { defaultWorkflow } from '../catalog/workflow.ts';
import { defaultDossierWorkflow, refinePhases, resolveDossierWorkflow, stepAfterAction, stepAfterIntake, stepDeadlines, STEP_KEYS, type StepKey } from './workflow.ts';

const total = (steps: { budgetMinutes: number }[]) => steps.reduce((s, x) => s + x.budgetMinutes, 0);

describe('dossier workflow template', () => {
  it('refines the catalog phases into eight steps, keeping each phase total', () => {
    fc.assert(fc.property(fc.record({ receive: fc.nat(2000), process: fc.nat(50_000), approve: fc.nat(2000), return: fc.nat(2000) }), (phases) => {
      const steps = refinePhases(phases);
      expect(steps.map((s) => s.key)).toEqual([...STEP_KEYS]);
      expect(steps.every((s) => Number.isInteger(s.budgetMinutes) && s.budgetMinutes >= 0)).toBe(true);
      expect(total(steps)).toBe(phases.receive + phases.process + phases.approve + phases.return);
      const by = Object.fromEntries(steps.map((s) => [s.key, s.budgetMinutes]));
      expect(by.assign! + by.process! + by.review!).toBe(phases.process);
      expect(by.deliver_result! + by.return!).toBe(phases.return);
    }));
  });

  it("uses the version's phases, a detailed template as given, and the default when absent or unusable", () => {
    const limit = { unit: 'days', value: 5 } as const;
    expect(resolveDossierWorkflow(defaultWorkflow(limit), limit).source).toBe('version_phases');
    expect(resolveDossierWorkflow(undefined, limit)).toEqual(defaultDossierWorkflow(limit));
    expect(resolveDossierWorkflow({ steps: [{ key: 'receive', budgetMinutes: null }] }, limit).source).toBe('default');
    const detailed = resolveDossierWorkflow({ steps: [
      { key: 'receive', budgetMinutes: 0 }, { key: 'process', budgetMinutes: 1200, name: 'Thẩm định tại phòng Tư pháp' },
      { key: 'approve', budgetMinutes: 600 }, { key: 'return', budgetMinutes: 600 },
      { key: 'assign', budgetMinutes: 10 }, // out of order → the whole template is refused
    ] }, limit);
    expect(detailed.source).toBe('default');
    const ok = resolveDossierWorkflow({ steps: [
      { key: 'receive', budgetMinutes: 0 }, { key: 'forward', budgetMinutes: 60 }, { key: 'process', budgetMinutes: 1140, name: 'Thẩm định tại phòng Tư pháp' },
      { key: 'approve', budgetMinutes: 600 }, { key: 'return', budgetMinutes: 600 },
    ] }, limit);
    expect(ok).toMatchObject({ source: 'version', steps: [{ key: 'receive' }, { key: 'forward' }, { key: 'process', name: 'Thẩm định tại phòng Tư pháp', role: 'processing' }, { key: 'approve' }, { key: 'return' }] });
    // A template without assignment or review: the transfer leads to processing, "review" does not exist.
    expect(stepAfterIntake(ok)).toBe('forward');
    expect(stepAfterAction(ok, 'forward', 'transfer')).toEqual({ ok: true, step: 'process' });
    expect(stepAfterAction(ok, 'process', 'forward', { toStep: 'review', direction: 'next' })).toMatchObject({ ok: false, code: 'UNKNOWN_STEP' });
  });

  it('moves along the steps with the actions, forward and back', () => {
    const w = defaultDossierWorkflow({ unit: 'days', value: 10 });
    const move = (from: StepKey | null, action: Parameters<typeof stepAfterAction>[2], to?: string, direction: 'next' | 'back' = 'next') =>
      stepAfterAction(w, from, action, to ? { toStep: to, direction } : undefined);
    expect(stepAfterIntake(w)).toBe('forward');
    expect(move('forward', 'transfer')).toEqual({ ok: true, step: 'assign' });
    expect(move('assign', 'assign')).toEqual({ ok: true, step: 'process' });
    expect(move('review', 'assign')).toEqual({ ok: true, step: 'review' });
    expect(move('process', 'forward', 'review')).toEqual({ ok: true, step: 'review' });
    expect(move('review', 'forward', 'process', 'back')).toEqual({ ok: true, step: 'process' });
    expect(move('review', 'forward', 'process')).toMatchObject({ ok: false, code: 'WRONG_DIRECTION' });
    expect(move('process', 'forward', 'return')).toMatchObject({ ok: false, code: 'UNKNOWN_STEP' });
    expect(move('process', 'request_supplement')).toEqual({ ok: true, step: 'process' });
    expect(move('review', 'approve')).toEqual({ ok: true, step: 'approve' });
    expect(move('approve', 'record_result')).toEqual({ ok: true, step: 'deliver_result' });
    expect(move('deliver_result', 'paper_received_result')).toEqual({ ok: true, step: 'return' });
    expect(move('return', 'return_result')).toEqual({ ok: true, step: null });
    expect(move('process', 'reject')).toEqual({ ok: true, step: null });
  });

  it('schedules step deadlines back from the due instant: laid end to end from the receipt at intake', () => {
    const calendar = provinceCalendar();
    const limit = { unit: 'days', value: 5 } as const;
    const w = defaultDossierWorkflow(limit);
    const receivedAt = vn('2025-03-10 09:00');
    const due = dueDate(calendar, receivedAt, limit);
    const deadlines = stepDeadlines(calendar, w, due);
    expect(deadlines[0]!.dueAt).toBe(receivedAt);
    expect(deadlines.at(-1)!.dueAt).toBe(due);
    for (let i = 1; i < deadlines.length; i++) expect(deadlines[i]!.dueAt).toBeGreaterThanOrEqual(deadlines[i - 1]!.dueAt);
    // forward = 10% of 5 days = 4 working hours from 09:00 Monday → 14:30 (lunch 11:30–13:00).
    expect(deadlines[1]!.dueAt).toBe(vn('2025-03-10 14:30'));
    // A later due instant (pause, restart) moves the remaining steps with it.
    const later = stepDeadlines(calendar, w, dueDate(calendar, due, { unit: 'days', value: 2 }));
    expect(later.at(-1)!.dueAt).toBe(vn('2025-03-19 09:00'));
  });
});
