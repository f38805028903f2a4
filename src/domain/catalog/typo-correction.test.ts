import { describe, expect, it } from 'vitest';
import { correctQueryWords, editDistance } from './typo-correction.ts';

const vocabulary = [
  { word: 'dang', frequency: 400 },
  { word: 'ky', frequency: 420 },
  { word: 'khai', frequency: 80 },
  { word: 'sinh', frequency: 60 },
  { word: 'anh', frequency: 5 },
  { word: 'giay', frequency: 300 },
  { word: 'phep', frequency: 250 },
  { word: 'xay', frequency: 90 },
  { word: 'dung', frequency: 200 },
];

describe('typo correction', () => {
  it('measures edit distance with transpositions', () => {
    expect(editDistance('dugn', 'dung', 2)).toBe(1);
    expect(editDistance('snh', 'sinh', 2)).toBe(1);
    expect(editDistance('abc', 'xyzabc', 1)).toBe(2);
  });

  it('replaces unknown words by the closest, most frequent vocabulary word', () => {
    expect(correctQueryWords(['khai', 'snh'], vocabulary)).toEqual([
      { word: 'khai', alternatives: ['khai'] },
      { word: 'snh', alternatives: ['sinh'] },
    ]);
    expect(correctQueryWords(['giay', 'phep', 'xay', 'dugn'], vocabulary)?.map((w) => w.alternatives[0])).toEqual(['giay', 'phep', 'xay', 'dung']);
  });

  it('answers undefined when every word is known or nothing is close', () => {
    expect(correctQueryWords(['khai', 'sinh'], vocabulary)).toBeUndefined();
    expect(correctQueryWords(['qqqqqqq'], vocabulary)).toBeUndefined();
    expect(correctQueryWords(['khai', 'qqqqqqq'], vocabulary)).toEqual([{ word: 'khai', alternatives: ['khai'] }]);
  });
});
