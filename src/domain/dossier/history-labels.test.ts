import { describe, expect, it } from 'vitest';
import { historyStepLabel } from './history-labels.ts';
import { ACTION_LABELS_VI } from './action.ts';

describe('historyStepLabel', () => {
  it('names the intake, every contract action, and passes unknown steps through', () => {
    expect(historyStepLabel('receive')).toBe('Tiếp nhận hồ sơ');
    expect(historyStepLabel('approve')).toBe(ACTION_LABELS_VI.approve);
    expect(historyStepLabel('something_new')).toBe('something_new');
  });
});
