import { describe, expect, it } from 'vitest';
import { isLocationFreeAt, locationFreeSpans, type PublicationEvent } from './location-free.ts';

const t = (date: string) => Date.parse(`${date}T00:00:00+07:00`);
const event = (procedureCode: string, date: string, op: 'add' | 'remove', seq = 1): PublicationEvent => ({ procedureCode, effectiveAt: t(date), op, seq });

describe('locationFreeSpans', () => {
  it('opens a span at an addition and closes it at a removal', () => {
    const spans = locationFreeSpans([event('A', '2024-12-02', 'add'), event('A', '2025-07-01', 'remove'), event('B', '2025-01-01', 'add')]);
    expect(spans).toEqual([
      { procedureCode: 'A', from: t('2024-12-02'), to: t('2025-07-01') },
      { procedureCode: 'B', from: t('2025-01-01'), to: null },
    ]);
    expect(isLocationFreeAt(spans, 'A', t('2024-12-01'))).toBe(false);
    expect(isLocationFreeAt(spans, 'A', t('2024-12-02'))).toBe(true);
    expect(isLocationFreeAt(spans, 'A', t('2025-07-01'))).toBe(false);
    expect(isLocationFreeAt(spans, 'B', t('2030-01-01'))).toBe(true);
  });

  it('ignores repeated additions, and at one instant the last recorded decision wins', () => {
    const spans = locationFreeSpans([
      event('A', '2025-01-01', 'add', 2),
      event('A', '2024-12-02', 'add', 1),
      event('A', '2025-03-01', 'add', 3),
      event('A', '2025-03-01', 'remove', 4),
    ]);
    expect(spans).toEqual([{ procedureCode: 'A', from: t('2024-12-02'), to: t('2025-03-01') }]);
  });

  it('a removal of a procedure never listed does nothing', () => {
    expect(locationFreeSpans([event('A', '2025-01-01', 'remove')])).toEqual([]);
  });
});
