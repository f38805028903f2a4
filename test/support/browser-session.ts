// One browser test file's world: the full server on a fresh seeded database, Debian's Chromium, and a
// Vietnamese page. Registers its own beforeAll/afterAll; read the fields inside tests.
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startWebServer, type RunningServer } from './web-server.ts';

export interface BrowserSession {
  server: RunningServer;
  browser: Browser;
  page: Page;
}

export function useBrowserSession(): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    session.server = await startWebServer();
    session.browser = await launchBrowser();
    session.page = await session.browser.newPage({ locale: 'vi-VN' });
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}
