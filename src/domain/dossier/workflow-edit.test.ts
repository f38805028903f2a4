import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkWorkflowDraft, describeSteps, toVersionTemplate, workingMinutesVi, type WorkflowDraft, type WorkflowStepDraft } from './workflow-edit.ts';
import { resolveDossierWorkflow, STEP_KEYS, STEP_ROLE_CHOICES, stepAfterAction, type StepKey } from './workflow.ts';

const LIMIT = 15 * 480;
const step = (key: string, budgetMinutes: number, role?: string, extra: Partial<WorkflowStepDraft> = {}): WorkflowStepDraft =>
  ({ key, budgetMinutes, role: role ?? STEP_ROLE_CHOICES[key as StepKey]?.[0] ?? 'reception', ...extra });
const eight = (): WorkflowStepDraft[] => [
  step('receive', 0), step('forward', 480), step('assign', 480), step('process', 4320), step('review', 960),
  step('approve', 480), step('deliver_result', 240), step('return', 240),
];
const draft = (steps: WorkflowStepDraft[], supplementPolicy = 'restart'): WorkflowDraft => ({ steps, supplementPolicy });
const codes = (d: WorkflowDraft, limit: number | null = LIMIT) => {
  const r = checkWorkflowDraft(d, limit);
  return r.ok ? [] : r.problems.map((p) => p.code);
};

describe('checkWorkflowDraft', () => {
  it('accepts the eight steps whose budgets add up to the legal limit', () => {
    const r = checkWorkflowDraft(draft(eight(), 'pause'), LIMIT);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject({ supplementPolicy: 'pause', totalMinutes: LIMIT });
  });

  it('refuses budgets above the limit, and below it, naming the difference', () => {
    const over = eight();
    over[3] = step('process', 4321);
    const r = checkWorkflowDraft(draft(over), LIMIT);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.code)).toEqual(['WORKFLOW_BUDGET_EXCEEDS_LIMIT']);
      expect(r.problems[0]!.message).toContain('15 ngày 1 phút làm việc');
      expect(r.problems[0]!.message).toContain('vượt');
    }
    const under = eight();
    under[3] = step('process', 3840);
    expect(codes(draft(under))).toEqual(['WORKFLOW_BUDGET_BELOW_LIMIT']);
  });

  it('refuses an unreachable step and a second final step', () => {
    const skip = eight();
    skip[3] = step('process', 4320, 'processing', { next: ['approve'] }); // review can no longer be reached
    const r = checkWorkflowDraft(draft(skip), LIMIT);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toEqual([expect.objectContaining({ code: 'UNREACHABLE_STEP', step: 'review' })]);
      expect(r.problems[0]!.message).toContain('Xem xét, trình ký');
    }
    const branch = eight();
    branch[3] = step('process', 4320, 'processing', { next: ['review', 'approve'] }); // optional review: fine
    expect(codes(draft(branch))).toEqual([]);
    const dead = eight();
    dead[4] = step('review', 960, 'leader', { next: [] });
    const r2 = checkWorkflowDraft(draft(dead), LIMIT);
    expect(r2.ok ? [] : r2.problems.map((p) => [p.code, p.step ?? null])).toEqual([
      ['FINAL_STEP_COUNT', null], ['UNREACHABLE_STEP', 'approve'], ['UNREACHABLE_STEP', 'deliver_result'], ['UNREACHABLE_STEP', 'return'],
    ]);
  });

  it('refuses links that go back or nowhere', () => {
    const back = eight();
    back[4] = step('review', 960, 'leader', { next: ['process'] });
    expect(codes(draft(back))).toContain('NEXT_NOT_FORWARD');
    const nowhere = eight();
    nowhere[4] = step('review', 960, 'leader', { next: ['sign'] });
    expect(codes(draft(nowhere))).toContain('UNKNOWN_NEXT_STEP');
  });

  it('refuses roles that do not exist or cannot do the step', () => {
    const steps = eight();
    steps[2] = step('assign', 480, 'processing');
    steps[5] = step('approve', 480, 'boss');
    const r = checkWorkflowDraft(draft(steps), LIMIT);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => [p.code, p.step])).toEqual([['ROLE_NOT_ALLOWED', 'assign'], ['UNKNOWN_ROLE', 'approve']]);
      expect(r.problems[0]!.message).toContain('Lãnh đạo');
    }
  });

  it('refuses missing, unknown, repeated and misplaced steps, a bad policy and an unknown limit', () => {
    expect(codes(draft(eight().filter((s) => s.key !== 'approve')))).toContain('REQUIRED_STEP_MISSING');
    expect(codes(draft([...eight(), step('sign', 0)]))).toContain('UNKNOWN_STEP');
    expect(codes(draft([step('receive', 0), ...eight().slice(1), step('receive', 0)]))).toContain('DUPLICATE_STEP');
    const swapped = eight();
    [swapped[4], swapped[5]] = [swapped[5]!, swapped[4]!];
    expect(codes(draft(swapped))).toContain('STEP_ORDER');
    expect(codes(draft(eight(), 'forever'))).toEqual(['INVALID_SUPPLEMENT_POLICY']);
    expect(codes(draft(eight()), null)).toEqual(['WORKFLOW_LIMIT_UNKNOWN']);
    expect(codes(draft([]))).toEqual(['WORKFLOW_EMPTY']);
    const negative = eight();
    negative[0] = step('receive', -5);
    expect(codes(draft(negative))).toEqual(['INVALID_BUDGET']);
  });

  it('writes working minutes in days, hours and minutes', () => {
    expect(workingMinutesVi(480 * 2 + 90)).toBe('2 ngày 1 giờ 30 phút làm việc');
    expect(workingMinutesVi(0)).toBe('0 phút làm việc');
  });
});

describe('an edited template as a dossier follows it', () => {
  it('keeps a four-step template as given (not refined as phases), with its roles', () => {
    const r = checkWorkflowDraft(draft([step('receive', 480), step('process', 5760, 'leader'), step('approve', 480), step('return', 480)]), LIMIT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const wf = resolveDossierWorkflow(toVersionTemplate(r.value, false), { unit: 'days', value: 15 });
    expect(wf.source).toBe('version');
    expect(wf.steps.map((s) => [s.key, s.role, s.budgetMinutes])).toEqual([
      ['receive', 'reception', 480], ['process', 'leader', 5760], ['approve', 'leader', 480], ['return', 'reception', 480],
    ]);
    expect(describeSteps(wf.steps)).toBe('receive[reception] 480 · process[leader] 5760 · approve[leader] 480 · return[reception] 480');
  });

  it('forwards only along the template\'s links', () => {
    const steps = eight();
    steps[3] = step('process', 4320, 'processing', { next: ['review'] });
    const r = checkWorkflowDraft(draft(steps), LIMIT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const wf = resolveDossierWorkflow(toVersionTemplate(r.value, false), { unit: 'days', value: 15 });
    expect(stepAfterAction(wf, 'process', 'forward', { toStep: 'review', direction: 'next' })).toEqual({ ok: true, step: 'review' });
    expect(stepAfterAction(wf, 'process', 'forward', { toStep: 'approve', direction: 'next' })).toMatchObject({ ok: false, code: 'WRONG_DIRECTION' });
    // Without links any later agency step is allowed, as before.
    const plain = resolveDossierWorkflow(toVersionTemplate({ ...r.value, steps: r.value.steps.map(({ next: _n, ...s }) => s) }, false), { unit: 'days', value: 15 });
    expect(stepAfterAction(plain, 'process', 'forward', { toStep: 'approve', direction: 'next' })).toEqual({ ok: true, step: 'approve' });
  });
});

/** A valid draft: the required steps plus any optional ones, canonical order, allowed roles, budgets summing to `limit`. */
const validDraft = (limit: number) =>
  fc.record({
    optional: fc.subarray(['forward', 'assign', 'review', 'deliver_result'] as StepKey[]),
    roleSeed: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    cuts: fc.array(fc.integer({ min: 0, max: limit }), { minLength: 7, maxLength: 7 }),
    policy: fc.constantFrom('restart', 'pause'),
  }).map(({ optional, roleSeed, cuts, policy }) => {
    const keys = STEP_KEYS.filter((k) => ['receive', 'process', 'approve', 'return'].includes(k) || optional.includes(k));
    const points = [0, ...cuts.slice(0, keys.length - 1).sort((a, b) => a - b), limit];
    return draft(keys.map((key, i) => {
      const choices = STEP_ROLE_CHOICES[key];
      return step(key, points[i + 1]! - points[i]!, choices[roleSeed[i]! % choices.length]);
    }), policy);
  });

describe('checkWorkflowDraft properties', () => {
  const limits = fc.integer({ min: 1, max: 60 * 480 });

  it('accepts every well-formed draft and a dossier then follows exactly those steps', () => {
    fc.assert(fc.property(limits.chain((limit) => fc.tuple(fc.constant(limit), validDraft(limit))), ([limit, d]) => {
      const r = checkWorkflowDraft(d, limit);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const wf = resolveDossierWorkflow(toVersionTemplate(r.value, false), { unit: 'hours', value: limit / 60 });
      expect(wf.source).toBe('version');
      expect(wf.steps.map((s) => [s.key, s.role, s.budgetMinutes])).toEqual(d.steps.map((s) => [s.key, s.role, s.budgetMinutes]));
      expect(wf.steps.reduce((sum, s) => sum + s.budgetMinutes, 0)).toBe(limit);
    }));
  });

  it('refuses any change of one budget, naming whether the total exceeds or falls short of the limit', () => {
    fc.assert(fc.property(
      limits.chain((limit) => fc.tuple(fc.constant(limit), validDraft(limit), fc.nat(), fc.integer({ min: -limit, max: limit }).filter((d) => d !== 0))),
      ([limit, d, which, delta]) => {
        const i = which % d.steps.length;
        const changed = d.steps.map((s, j) => (j === i ? { ...s, budgetMinutes: s.budgetMinutes + delta } : s));
        const problems = codes(draft(changed, d.supplementPolicy), limit);
        if (changed[i]!.budgetMinutes < 0) expect(problems).toEqual(['INVALID_BUDGET']);
        else expect(problems).toEqual([delta > 0 ? 'WORKFLOW_BUDGET_EXCEEDS_LIMIT' : 'WORKFLOW_BUDGET_BELOW_LIMIT']);
      },
    ));
  });

  it('refuses a draft where a step is cut off from every link, and nothing else changes', () => {
    fc.assert(fc.property(limits.chain((limit) => fc.tuple(fc.constant(limit), validDraft(limit), fc.nat())), ([limit, d, which]) => {
      // Make every step before the victim skip over it; the victim itself stays a (middle) step.
      const middle = d.steps.length - 2;
      const victim = 1 + (which % middle);
      const steps = d.steps.map((s, j) => (j === victim - 1 ? { ...s, next: [d.steps[victim + 1]!.key] } : s));
      const r = checkWorkflowDraft(draft(steps, d.supplementPolicy), limit);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems).toEqual([expect.objectContaining({ code: 'UNREACHABLE_STEP', step: d.steps[victim]!.key })]);
    }));
  });
});
