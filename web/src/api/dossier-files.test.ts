import { describe, expect, it } from 'vitest';
import { attachmentLabel } from './dossier-files.ts';

describe('attachment label', () => {
  it('keeps a short name, collapses spaces, and cuts a catalogue paragraph to 500 characters', () => {
    expect(attachmentLabel('  Tờ khai   đăng ký ')).toBe('Tờ khai đăng ký');
    expect(attachmentLabel('   ')).toBeUndefined();
    const label = attachmentLabel('Giấy tờ '.repeat(600))!;
    expect(label.length).toBeLessThanOrEqual(500);
    expect(label.endsWith('…')).toBe(true);
  });
});
