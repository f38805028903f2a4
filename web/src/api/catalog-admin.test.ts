import { describe, expect, it } from 'vitest';
import { takeLines } from './catalog-admin.ts';

describe('reading the streamed import answer', () => {
  it('keeps an unfinished line for the next chunk', () => {
    const first = takeLines('{"type":"progress","phase":"read","done":0,"total":0}\n{"type":"prog');
    expect(first.lines).toEqual([{ type: 'progress', phase: 'read', done: 0, total: 0 }]);
    const second = takeLines(`${first.rest}ress","phase":"check","done":1,"total":2}\n`);
    expect(second).toEqual({ lines: [{ type: 'progress', phase: 'check', done: 1, total: 2 }], rest: '' });
  });
});
