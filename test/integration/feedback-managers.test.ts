// The managers' list of open and overdue questions and feedback, on each engine: per unit in the
// manager's scope (the unit and everything below it), overdue judged on the legal calendar's deadline the
// unit works towards now, and nothing from units outside the scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

const CRIMINAL_RECORD = '3.000333'; // province level, Công an tỉnh (CAT74)

describe.each(ENGINES)('feedback managers\' list on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock('2024-12-05T09:00:00+07:00'); // Thursday
  const tokens = new Map<string, string>();
  let address = 0;
  const codes: Record<string, string> = {};

  const token = async (username: string) => {
    if (!tokens.has(username)) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      expect(res.statusCode, res.body).toBe(200);
      tokens.set(username, res.json().token);
    }
    return { authorization: `Bearer ${tokens.get(username)}` };
  };
  const submit = async (body: Record<string, unknown>) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/public/feedback', remoteAddress: `10.2.0.${++address}`,
      payload: { kind: 'question', fullName: 'Trần Thị Bình', phone: '0987654321', text: 'Xin hỏi về giấy tờ cần chuẩn bị.', ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().code as string;
  };
  const list = async (username: string, query: string) => {
    const res = await app.inject({ url: `/api/v1/feedback?${query}`, headers: await token(username) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; byUnit: Array<{ unitCode: string; unitName: string; open: number; overdue: number }>; items: Array<{ code: string; urgency: string }> };
  };

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    await seedDemo(testContext(handle, clock), DEMO_PASSWORD);
    app = await buildServer(testContext(handle, clock));
    codes.policeLate = await submit({ procedureCode: CRIMINAL_RECORD });
    codes.policeAccepted = await submit({ procedureCode: CRIMINAL_RECORD, text: 'Làm phiếu lý lịch tư pháp mất bao lâu?' });
    codes.center = await submit({ kind: 'suggestion', text: 'Đề nghị mở thêm quầy buổi trưa.' });
    codes.answered = await submit({ procedureCode: CRIMINAL_RECORD, text: 'Lệ phí cấp phiếu là bao nhiêu?' });
    const act = async (code: string, type: string, extra: Record<string, unknown> = {}) => {
      const res = await app.inject({ method: 'POST', url: `/api/v1/feedback/${code}/actions`, headers: await token('cv.CAT74'), payload: { type, idempotencyKey: `mgr-${code}-${type}`, ...extra } });
      expect(res.statusCode, res.body).toBe(200);
    };
    await act(codes.answered!, 'accept');
    await act(codes.answered!, 'answer', { text: 'Lệ phí theo quy định của Bộ Tài chính.' });
    // Tuesday 10/12: the 2-working-day classification deadline (Monday 09/12 09:00) has passed.
    clock.set('2024-12-10T10:00:00+07:00');
    tokens.clear();
    await act(codes.policeAccepted!, 'accept'); // late but done: now works towards the 15-day answer deadline
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('gives the province-wide manager open and overdue counts per unit, most overdue first, and the overdue items', async () => {
    const all = await list('admin', 'filter=open&subtree=true&limit=200');
    expect(all.byUnit).toEqual([
      { unitCode: 'CAT74', unitName: 'Công an tỉnh Bình Dương', open: 2, overdue: 1 },
      { unitCode: 'TT74', unitName: expect.any(String), open: 1, overdue: 1 },
    ]);
    expect(all.items.map((i) => i.code).sort()).toEqual([codes.policeLate, codes.policeAccepted, codes.center].sort());
    const overdue = await list('admin', 'filter=overdue&subtree=true');
    expect(overdue.total).toBe(2);
    expect(overdue.items.map((i) => i.code).sort()).toEqual([codes.policeLate, codes.center].sort());
    expect(overdue.items.every((i) => i.urgency === 'overdue')).toBe(true);
  });

  it('scopes each manager to their unit and what lies below it', async () => {
    const center = await list('gd.TT74', 'filter=open&subtree=true');
    expect(center.byUnit.map((u) => u.unitCode)).toEqual(['TT74']);
    expect(center.items.map((i) => i.code)).toEqual([codes.center]);
    const police = await list('ld.CAT74', 'filter=overdue');
    expect(police.byUnit).toEqual([{ unitCode: 'CAT74', unitName: 'Công an tỉnh Bình Dương', open: 2, overdue: 1 }]);
    expect(police.items.map((i) => i.code)).toEqual([codes.policeLate]);
    const outside = await app.inject({ url: '/api/v1/feedback?filter=open&unitCode=CAT74', headers: await token('gd.TT74') });
    expect(outside.statusCode).toBe(403);
    expect(outside.body).not.toContain(codes.policeLate);
  });
});
