import { describe, expect, it } from 'vitest';
import { prepareSearchQuery } from './search-query.ts';

describe('prepareSearchQuery', () => {
  it('cleans and splits the query into distinct words', () => {
    expect(prepareSearchQuery('  cấp   giấy phép  cấp ')).toEqual({ phrase: 'cấp giấy phép cấp', words: ['cấp', 'giấy', 'phép'] });
    expect(prepareSearchQuery(undefined)).toBeUndefined();
    expect(prepareSearchQuery('   ')).toBeUndefined();
  });

  it('bounds any input: 200 code points, 12 words, no control characters, punctuation and emoji not searched', () => {
    const long = prepareSearchQuery('giấy phép '.repeat(500))!;
    expect(Array.from(long.phrase).length).toBeLessThanOrEqual(200);
    expect(long.words).toEqual(['giấy', 'phép']);
    const many = prepareSearchQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))!;
    expect(many.words).toHaveLength(12);
    expect(prepareSearchQuery("%_\\' 😀 --")).toEqual({ phrase: "%_\\' 😀 --", words: [] });
    expect(prepareSearchQuery('a\u0000b')!.phrase).toBe('ab');
    expect(Array.from(prepareSearchQuery('😀'.repeat(300))!.phrase)).toHaveLength(200); // never cuts a surrogate pair
  });
});
