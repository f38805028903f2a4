import { describe, expect, it } from 'vitest';
import { locateJsonError } from './json-error.ts';

describe('locateJsonError', () => {
  it('finds where JSON.parse stopped, as line and column', () => {
    expect(locateJsonError('[\n{"code": "1",\n"name": }\n]')).toEqual({ offset: 24, line: 3, column: 9 });
    expect(locateJsonError('{"a": [1, 2,]}')).toMatchObject({ line: 1, column: 13 });
    expect(locateJsonError('{"a": "x\ny"}')).toMatchObject({ line: 1, column: 9 });
    expect(locateJsonError('{"a": 1} x')).toMatchObject({ column: 10 });
    expect(locateJsonError('[1, 2')).toMatchObject({ offset: 5 });
    expect(locateJsonError("{'a': 1}")).toMatchObject({ offset: 1 });
  });

  it('answers undefined for valid JSON', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "\\u00e3\\n"]} ', '"x"']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(locateJsonError(text)).toBeUndefined();
    }
  });
});
