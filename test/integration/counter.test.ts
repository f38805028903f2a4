// The counter's rules through the API, on each engine: the document checklist blocks an incomplete
// receipt (nothing stored, no number used), cases, fees, return by post, the property's commune routes a
// land dossier, a procedure not location-free is refused naming where to file, and the return of a
// result checks who collects it against the dossier.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

const AN_LINH = '25861'; // Xã An Linh, Phú Giáo (722)
const DI_AN_WARD = '25942'; // a ward of Dĩ An (724)

interface ProcedureDoc { name: string; optional?: boolean }
interface Checklist { procedureCode: string; cases: string[]; items: ProcedureDoc[] }

describe.each(ENGINES)('the counter on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock('2024-12-05T09:00:00+07:00');
  const tokens = new Map<string, string>();
  let procedure: { code: string; documents: ProcedureDoc[] };
  let withCases: { code: string; documents: ProcedureDoc[] };
  let cases: string[];
  let keyCounter = 0;

  const token = async (username: string) => {
    if (!tokens.has(username)) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      expect(res.statusCode, res.body).toBe(200);
      tokens.set(username, res.json().token);
    }
    return { authorization: `Bearer ${tokens.get(username)}` };
  };
  const citizen = (overrides: Record<string, unknown> = {}) => ({
    kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '074090001234', phone: '0912345678', address: { communeCode: AN_LINH }, ...overrides,
  });
  const allReceived = (docs: ProcedureDoc[]) => docs.map((d) => ({ name: d.name, originals: 1 }));
  const checklist = async (code: string, caseName?: string) =>
    (await app.inject({ url: `/api/v1/procedures/${code}/checklist?at=2024-12-05${caseName ? `&caseName=${encodeURIComponent(caseName)}` : ''}` })).json() as Checklist;
  const intake = async (username: string, body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: await token(username),
      payload: { procedureCode: procedure.code, applicant: citizen(), idempotencyKey: `counter-${++keyCounter}`, ...body } });
  const act = async (username: string, code: string, body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: await token(username), payload: { idempotencyKey: `counter-act-${++keyCounter}`, ...body } });
  const count = async () => Number((await handle.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    await seedDemo(testContext(handle, clock), DEMO_PASSWORD);
    app = await buildServer(testContext(handle, clock));
    const list = (await app.inject({ url: '/api/v1/procedures?level=commune&locationFree=true&at=2024-12-05&q=khai%20sinh&limit=50' })).json();
    const candidates = list.items.filter((p: { processingDays: number | null }) => p.processingDays !== null && p.processingDays >= 3);
    for (const c of candidates) {
      const list = await checklist(c.code);
      const required = list.items.filter((i) => !i.optional);
      if (required.length >= 2) {
        procedure = { code: c.code, documents: required };
        break;
      }
    }
    expect(procedure, 'a location-free commune procedure with a checklist').toBeDefined();
    const all = (await app.inject({ url: '/api/v1/procedures?level=commune&locationFree=true&at=2024-12-05&limit=200' })).json();
    for (const c of all.items.filter((p: { processingDays: number | null }) => p.processingDays !== null)) {
      const list = await checklist(c.code);
      if (list.cases.length > 0) {
        withCases = { code: c.code, documents: list.items.filter((i) => !i.optional) };
        cases = list.cases;
        break;
      }
    }
    expect(withCases, 'a location-free commune procedure with alternative cases').toBeDefined();
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('refuses a receipt with a required paper missing, naming it, and stores nothing', async () => {
    const before = await count();
    const [, ...rest] = procedure.documents;
    const res = await intake('tn.CN724', { documents: allReceived(rest) });
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('DOCUMENTS_MISSING');
    expect(error.details.missing).toContain(procedure.documents[0]!.name);
    expect(error.message).toContain('Mẫu 02');
    const zero = await intake('tn.CN724', { documents: [{ name: procedure.documents[0]!.name, originals: 0 }, ...allReceived(rest)] });
    expect(zero.json().error?.code).toBe('DOCUMENTS_MISSING');
    expect(await count()).toBe(before);

    const complete = await intake('tn.CN724', { documents: allReceived(procedure.documents), fee: { amount: 8000, receiptNumber: 'BL-0001' } });
    expect(complete.statusCode, complete.body).toBe(201);
    expect(complete.json().code).toMatch(/-241205-0001$/); // the refused attempts used no number
    const view = (await app.inject({ url: `/api/v1/dossiers/${complete.json().code}`, headers: await token('tn.CN724') })).json();
    expect(view.documents).toHaveLength(procedure.documents.length);
    const intakeRow = await handle.db.selectFrom('dossier_actions').select('payload').where('dossier_code', '=', complete.json().code).where('seq', '=', 1).executeTakeFirstOrThrow();
    expect(intakeRow.payload).toMatchObject({ fee: { amount: 8000, currency: 'VND', receiptNumber: 'BL-0001' }, routingCommune: { basis: 'applicant', communeCode: AN_LINH } });
  });

  it('checks the papers of the chosen case and refuses an unknown case', async () => {
    const unknown = await intake('tn.CN724', { procedureCode: withCases.code, caseName: 'Trường hợp không tồn tại', documents: allReceived(withCases.documents) });
    expect(unknown.json().error).toMatchObject({ code: 'UNKNOWN_PROCEDURE_CASE', details: { field: 'caseName' } });
    let tried = 0;
    for (const caseName of cases) {
      const extra = (await checklist(withCases.code, caseName)).items.filter((i) => !i.optional && !withCases.documents.some((d) => d.name === i.name));
      if (extra.length === 0) continue;
      tried++;
      const commonOnly = await intake('tn.CN724', { procedureCode: withCases.code, caseName, documents: allReceived(withCases.documents) });
      expect(commonOnly.json().error?.code).toBe('DOCUMENTS_MISSING');
      expect(commonOnly.json().error.details.missing).toEqual(extra.map((i) => i.name));
      const full = await intake('tn.CN724', { procedureCode: withCases.code, caseName, documents: allReceived([...withCases.documents, ...extra]) });
      expect(full.statusCode, full.body).toBe(201);
    }
    expect(tried).toBeGreaterThan(0);
  });

  it('needs a postal address to return by post, and a whole number for the fee', async () => {
    const noAddress = await intake('tn.CN724', { returnByPost: true, documents: allReceived(procedure.documents) });
    expect(noAddress.json().error).toMatchObject({ code: 'RETURN_ADDRESS_REQUIRED', details: { field: 'returnAddress' } });
    const negative = await intake('tn.CN724', { fee: { amount: -1 } });
    expect(negative.statusCode).toBe(400);
    const byPost = await intake('tn.CN724', { returnByPost: true, returnAddress: 'Số 12 đường ĐT743, phường Dĩ An, thành phố Dĩ An', documents: allReceived(procedure.documents) });
    expect(byPost.statusCode, byPost.body).toBe(201);
  });

  it('routes by the property’s commune when one is given', async () => {
    const communes = (await app.inject({ url: '/api/v1/communes?at=2024-12-05' })).json();
    expect(communes.items.find((c: { code: string }) => c.code === AN_LINH)).toEqual({ code: AN_LINH, name: 'Xã An Linh', districtName: 'Huyện Phú Giáo', receptionPointCode: `DTN${AN_LINH}` });
    const res = await intake('tn.CN724', { applicant: citizen({ address: { communeCode: DI_AN_WARD } }), propertyCommuneCode: AN_LINH });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().competentUnitCode).toBe(`UBX${AN_LINH}`);
    const bad = await intake('tn.CN724', { propertyCommuneCode: '99999' });
    expect(bad.json().error.details.field).toBe('propertyCommuneCode');
  });

  it('refuses a procedure that is not location-free at a branch of another district, naming where to file', async () => {
    const list = (await app.inject({ url: '/api/v1/procedures?level=commune&locationFree=false&at=2024-12-05&limit=50' })).json();
    const own = list.items.find((p: { processingDays: number | null }) => p.processingDays !== null);
    const res = await intake('tn.CN724', { procedureCode: own.code });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('NOT_LOCATION_FREE');
    expect(res.json().error.message).toContain('An Linh');
  });

  it('lists results to hand over at the return unit, and checks who collects them', async () => {
    const filed = (await intake('tn.CN724', { returnUnitCode: `DTN${AN_LINH}`, applicant: citizen({ fullName: 'Phạm Thị Hoa', idNumber: '074190005678',
      representative: { fullName: 'Phạm Văn Tâm', idNumber: '074085009876' } }) })).json();
    expect(filed.code, JSON.stringify(filed)).toBeDefined();
    const code = filed.code as string;
    for (const [who, body] of [
      ['tn.CN724', { type: 'transfer' }], [`ld.UBX${AN_LINH}`, { type: 'assign', assignee: `cv.UBX${AN_LINH}` }], [`ld.UBX${AN_LINH}`, { type: 'approve' }],
      [`cv.UBX${AN_LINH}`, { type: 'record_result', resultNumber: '77/GKS', signer: 'Chủ tịch UBND xã', signedAt: '2024-12-05T09:00:00+07:00' }],
    ] as const) {
      const res = await act(who, code, body);
      expect(res.statusCode, res.body).toBe(200);
    }

    const ready = (await app.inject({ url: '/api/v1/dossiers?side=return&status=result_ready', headers: await token(`tn.DTN${AN_LINH}`) })).json();
    expect(ready.items.map((d: { code: string }) => d.code)).toEqual([code]);
    expect(ready.items[0]).toMatchObject({ hasRepresentative: true, applicantIdNumber: '074******678' });
    const byPhone = (await app.inject({ url: '/api/v1/dossiers?side=return&q=0912%20345%20678', headers: await token(`tn.DTN${AN_LINH}`) })).json();
    expect(byPhone.items.map((d: { code: string }) => d.code)).toContain(code);
    const byName = (await app.inject({ url: `/api/v1/dossiers?side=return&q=${encodeURIComponent('pham thi hoa')}`, headers: await token(`tn.DTN${AN_LINH}`) })).json();
    expect(byName.items.map((d: { code: string }) => d.code)).toEqual([code]);
    const atBranch = (await app.inject({ url: '/api/v1/dossiers?side=return&status=result_ready', headers: await token('tn.CN724') })).json();
    expect(atBranch.items).toEqual([]);

    const ret = (body: Record<string, unknown>) => act(`tn.DTN${AN_LINH}`, code, { type: 'return_result', method: 'counter', recipientName: 'Phạm Thị Hoa', ...body });
    expect((await ret({ recipientRole: 'applicant', recipientIdNumber: '074190009999' })).json().error.code).toBe('RECIPIENT_ID_MISMATCH');
    expect((await ret({ recipientRole: 'representative', recipientIdNumber: '074090001111', recipientName: 'Lê Văn C' })).json().error.code).toBe('AUTHORISATION_REQUIRED');
    const byRepresentative = await ret({ recipientRole: 'representative', recipientIdNumber: '074085009876', recipientName: 'Phạm Văn Tâm' });
    expect(byRepresentative.statusCode, byRepresentative.body).toBe(200);
    expect(byRepresentative.json().status).toBe('returned');
  });
});
