// The README's configuration table and the settings the process reads must not drift apart.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SETTING_SPECS } from './settings.ts';

describe('README configuration table', () => {
  it('lists every setting with its default', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const [name, spec] of Object.entries(SETTING_SPECS)) {
      expect(readme, name).toContain(`| \`${name}\` | ${spec.description} | \`${spec.default}\` |`);
    }
  });
});
