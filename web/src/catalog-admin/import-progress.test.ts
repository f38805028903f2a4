import { describe, expect, it } from 'vitest';
import { advance, START } from './import-progress.ts';

describe('import progress bar', () => {
  it('moves forward through the upload and the server phases to 100', () => {
    let s = advance(START, { type: 'upload', loaded: 50, total: 100 });
    expect(s.percent).toBe(10);
    s = advance(s, { type: 'upload', loaded: 100, total: 100 });
    s = advance(s, { type: 'progress', phase: 'read', done: 0, total: 0 });
    expect(s.percent).toBe(20);
    s = advance(s, { type: 'progress', phase: 'check', done: 50, total: 100 });
    expect(s.percent).toBe(43);
    s = advance(s, { type: 'progress', phase: 'write', done: 10, total: 10 });
    s = advance(s, { type: 'done' });
    expect(s).toMatchObject({ stage: 'done', percent: 100, seen: ['upload', 'read', 'check', 'write', 'done'] });
  });

  it('never goes back', () => {
    const s = advance(advance(START, { type: 'progress', phase: 'write', done: 5, total: 10 }), { type: 'upload', loaded: 1, total: 100 });
    expect(s.percent).toBe(78);
  });
});
