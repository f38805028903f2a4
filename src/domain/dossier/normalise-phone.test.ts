import { describe, expect, it } from 'vitest';
import { normalisePhone } from './identity-numbers.ts';

describe('normalisePhone', () => {
  it('gives the stored form of a mobile number written with +84 and spaces, and null for non-phones', () => {
    expect(normalisePhone('0912345678')).not.toBeNull();
    expect(normalisePhone('+84 912 345 678')).toBe(normalisePhone('0912345678'));
    expect(normalisePhone('hello')).toBeNull();
  });
});
