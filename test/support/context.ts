// Factories for a service context over a test database, with a clock the test controls.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings, type Settings } from '../../src/config/settings.ts';
import { PROVINCE_CODE } from '../../src/config/province.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';
import type { ServiceContext } from '../../src/services/context.ts';

export interface TestClock {
  now: () => Date;
  set(instant: string | Date): void;
  advance(ms: number): void;
}

export function testClock(start = '2024-12-02T08:00:00+07:00'): TestClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (instant) => {
      current = new Date(instant);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

export function testContext(handle: DatabaseHandle, clock = testClock(), settings: Partial<Settings> = {}): ServiceContext {
  // Attachments of a test go to a temporary folder, never into the working copy's data directory.
  const files = { filesDir: mkdtempSync(join(tmpdir(), 'motcua-test-files-')) };
  return { db: handle.db, settings: loadSettings({}, { ...files, ...settings }), provinceCode: PROVINCE_CODE, now: clock.now };
}

export const DEMO_PASSWORD = 'motcua-demo';
