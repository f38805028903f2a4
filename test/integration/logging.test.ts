// Personal data never reaches the logs: phone numbers and ID numbers in URLs, bearer tokens, cookies
// and passwords are masked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testContext } from '../support/context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer, loggerOptions } from '../../src/http/server.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

describe('request logs', () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  const lines: string[] = [];

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    const ctx = { ...testContext(handle), now: () => new Date() };
    await seedDemo(ctx, DEMO_PASSWORD);
    const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    app = await buildServer(ctx, { logger: { ...(loggerOptions('info') as object), stream } });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('mask phones, ID numbers, tokens and passwords', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: DEMO_PASSWORD } });
    const token = login.json().token as string;
    await app.inject({ url: '/api/v1/units?q=x&phone=0912345678&idNumber=079123456789', headers: { authorization: `Bearer ${token}`, cookie: `motcua_session=${token}` } });
    const text = lines.join('');
    expect(text).toContain('/api/v1/units');
    expect(text).toContain('[REDACTED]');
    for (const secret of ['0912345678', '079123456789', token, DEMO_PASSWORD]) expect(text).not.toContain(secret);
  });
});
