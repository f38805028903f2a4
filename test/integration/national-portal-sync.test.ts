// The national-portal synchronisation end to end, on each engine: dossier events from the outbox make the
// sync job post each dossier's CURRENT state to a REAL local HTTP server — statuses in order, the latest
// state only, nothing twice on replays, retried with backoff after a 500 while other dossiers go on, never
// an older state after a newer one (a stale claim cannot record anything) — and indicator 1.4 counts the
// dossiers received in the period whose latest state the portal has.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { AN_LINH, COMMUNE, dossierApi, type DossierApi } from '../support/dossier-api.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import { createJobs, NATIONAL_PORTAL_JOB, OUTBOX_JOB, type BackgroundJobs } from '../../src/jobs/index.ts';
import { syncNationalPortal } from '../../src/jobs/national-portal-sync.ts';
import { claimDuePortalSyncs, markPortalSynced } from '../../src/store/national-portal-sync.ts';
import { agencyIdentifierOf } from '../../src/domain/dossier/index.ts';
import { findUnit } from '../../src/store/units.ts';
import type { NationalPortalSettings } from '../../src/config/settings.ts';
import type { NationalPortalDossier } from '../../src/domain/portal/national-sync.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';
import type { ServiceContext } from '../../src/services/context.ts';

const TOKEN = 'portal-token-for-tests';

interface Post { body: NationalPortalDossier; headers: IncomingHttpHeaders; answered: number }

/** A stand-in for the portal: records every post; answers 500 to the dossiers listed in `failing`. */
async function startPortal() {
  const posts: Post[] = [];
  const failing = new Set<string>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const body = JSON.parse(raw) as NationalPortalDossier;
      const answered = failing.has(body.dossierCode) ? 500 : 200;
      posts.push({ body, headers: req.headers, answered });
      res.writeHead(answered, { 'content-type': 'application/json' }).end(answered === 200 ? '{"ok":true}' : '{"error":"portal down"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/dossiers`, posts, failing, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(ENGINES)('national portal sync on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let ctx: ServiceContext;
  let jobs: BackgroundJobs;
  let api: DossierApi;
  let portal: Awaited<ReturnType<typeof startPortal>>;
  const clock = testClock('2025-02-03T09:00:00+07:00');
  let http: NationalPortalSettings;

  const postsOf = (code: string) => portal.posts.filter((p) => p.body.dossierCode === code);
  const accepted = (code: string) => postsOf(code).filter((p) => p.answered === 200).map((p) => [p.body.seq, p.body.statusCode]);
  const syncRow = (code: string) => handle.db.selectFrom('national_portal_sync').selectAll().where('dossier_code', '=', code).executeTakeFirstOrThrow();
  const pump = async () => {
    await jobs.runOnce(OUTBOX_JOB);
    return jobs.runOnce(NATIONAL_PORTAL_JOB);
  };
  const act = async (user: string, code: string, body: Record<string, unknown>) => {
    clock.advance(10 * 60_000);
    const res = await api.act(user, code, body);
    expect(res.statusCode, `${String(body.type)}: ${res.body}`).toBe(200);
  };
  const index14 = async (unitCode: string) => {
    const res = await app.inject({ url: `/api/v1/stats/index-766?unitCode=${unitCode}&period=month&at=2025-02-03`, headers: await api.token('gd.TT74') });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().groups.flatMap((g: { indicators: unknown[] }) => g.indicators).find((i: { id: string }) => i.id === '1.4');
  };

  beforeAll(async () => {
    portal = await startPortal();
    handle = await openTestDatabase(engine);
    http = { mode: 'http', url: portal.url, token: TOKEN, retryBaseSeconds: 3600 };
    ctx = testContext(handle, clock, { nationalPortal: http, sessionHours: 24 * 30 });
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    api = dossierApi(app);
    await api.procedure(3, 5);
    jobs = createJobs(ctx, { holder: 'portal-a' });
  }, 180_000);
  afterAll(async () => {
    await jobs?.stop();
    await app?.close();
    await handle?.close();
    await portal?.close();
  });

  it('posts each dossier state in order, the latest only, nothing twice on replays', async () => {
    const { code } = await api.intake('tn.CN724');
    expect(await pump()).toMatchObject({ synced: 1, retried: 0 });
    const dossier = await handle.db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    const [first] = postsOf(code);
    expect(first!.body).toEqual({
      provinceCode: ctx.provinceCode, dossierCode: code, seq: 1, statusCode: 2, channelCode: 1, agencyIdentifier: agencyIdentifierOf((await findUnit(handle.db, 'CN724'))!),
      procedureCode: api.procedureCode, receivedAt: dossier.received_at.toISOString(), dueAt: dossier.due_at!.toISOString(), finishedAt: null,
    });
    expect(first!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(first!.headers['idempotency-key']).toBe(`${ctx.provinceCode}:${code}:1:${dossier.due_at!.toISOString()}`);
    // Nothing personal: the applicant stays in the province's system.
    expect(JSON.stringify(first!.body)).not.toMatch(/Nguyễn|074090001234|0912345678|An Linh/);

    await act('tn.CN724', code, { type: 'transfer' });
    expect(await pump()).toMatchObject({ synced: 1 });
    // Two actions before the next run: the portal gets the latest state, not the one in between.
    await act(`ld.${COMMUNE}`, code, { type: 'assign', assignee: `cv.${COMMUNE}` });
    await act(`cv.${COMMUNE}`, code, { type: 'request_supplement', reason: 'Thiếu bản sao giấy chứng nhận kết hôn.', missingDocuments: ['Giấy chứng nhận kết hôn (bản sao)'] });
    expect(await pump()).toMatchObject({ synced: 1 });
    await act('tn.CN724', code, { type: 'receive_supplement' });
    await act(`ld.${COMMUNE}`, code, { type: 'approve' });
    await act(`cv.${COMMUNE}`, code, { type: 'record_result', resultNumber: '12/GKS', signer: 'Chủ tịch UBND xã An Linh', signedAt: clock.now().toISOString() });
    expect(await pump()).toMatchObject({ synced: 1 });
    await act(`tn.DTN${AN_LINH}`, code, { type: 'return_result', method: 'counter', recipientName: 'Nguyễn Văn An' });
    expect(await pump()).toMatchObject({ synced: 1 });
    expect(accepted(code)).toEqual([[1, 2], [2, 4], [4, 5], [7, 9], [8, 10]]);
    const finished = await handle.db.selectFrom('dossiers').select(['finished_at', 'action_count']).where('code', '=', code).executeTakeFirstOrThrow();
    expect(postsOf(code).at(-1)!.body.finishedAt).toBe(finished.finished_at!.toISOString());
    expect(await syncRow(code)).toMatchObject({ synced_seq: finished.action_count, synced_status_code: 10, attempts: 0, last_error: null });

    // Replays: the outbox events handled again (a crashed consumer's retry), the job run again — nothing new.
    const count = portal.posts.length;
    await handle.db.updateTable('outbox').set({ delivered_at: null }).where('key', '=', code).execute();
    expect(await pump()).toMatchObject({ synced: 0 });
    expect(await jobs.runOnce(NATIONAL_PORTAL_JOB)).toMatchObject({ synced: 0 });
    expect(portal.posts.length).toBe(count);
  });

  it('retries a dossier the portal refused with backoff, while the others go on, and sends its latest state', async () => {
    clock.set('2025-02-04T09:00:00+07:00');
    const failing = await api.intake('tn.CN724');
    const other = await api.intake('tn.CN724');
    portal.failing.add(failing.code);
    expect(await pump()).toMatchObject({ synced: 1, retried: 1 });
    expect(accepted(other.code)).toEqual([[1, 2]]);
    const row = await syncRow(failing.code);
    expect(row).toMatchObject({ synced_seq: 0, attempts: 1, lease_until: null });
    expect(row.last_error).toContain('500');
    expect(row.next_attempt_at.getTime()).toBe(clock.now().getTime() + 3_600_000);

    // Inside the backoff nothing is sent, even when the dossier moves on; the other dossier's news goes at once.
    portal.failing.clear();
    await act('tn.CN724', failing.code, { type: 'transfer' });
    await act('tn.CN724', other.code, { type: 'transfer' });
    const before = postsOf(failing.code).length;
    expect(await pump()).toMatchObject({ synced: 1 });
    expect(postsOf(failing.code).length).toBe(before);
    expect(accepted(other.code)).toEqual([[1, 2], [2, 4]]);

    // After it, the portal gets the current state (never the older one it refused).
    clock.advance(3_600_000);
    expect(await jobs.runOnce(NATIONAL_PORTAL_JOB)).toMatchObject({ synced: 1 });
    expect(postsOf(failing.code).map((p) => [p.body.seq, p.answered])).toEqual([[1, 500], [2, 200]]);
    expect(await syncRow(failing.code)).toMatchObject({ synced_seq: 2, synced_status_code: 4, attempts: 0, last_error: null });
  });

  it('a claim whose lease expired records nothing over a newer state', async () => {
    clock.set('2025-02-05T09:00:00+07:00');
    const { code } = await api.intake('tn.CN724');
    await jobs.runOnce(OUTBOX_JOB);
    // An instance claims the dossier, then stalls past its lease while the dossier moves on and another
    // instance sends the newer state.
    const stale = await claimDuePortalSyncs(handle.db, ctx.provinceCode, clock.now(), 3_600_000, 50, 'stale-claim');
    expect(stale.map((r) => r.dossierCode)).toContain(code);
    await act('tn.CN724', code, { type: 'transfer' });
    await jobs.runOnce(OUTBOX_JOB);
    expect(await jobs.runOnce(NATIONAL_PORTAL_JOB)).toMatchObject({ synced: 0 });
    clock.advance(3_600_000);
    await jobs.runOnce(NATIONAL_PORTAL_JOB);
    expect(accepted(code)).toEqual([[2, 4]]);
    // The stalled instance wakes up and reports its older state: refused (not its claim any more).
    const entry = stale.find((r) => r.dossierCode === code)!;
    await markPortalSynced(handle.db, ctx.provinceCode, code, 'stale-claim', entry.pendingEventId, clock.now(), { seq: 1, statusCode: 2, dueAt: null });
    expect(await syncRow(code)).toMatchObject({ synced_seq: 2, synced_status_code: 4 });
  });

  it('indicator 1.4: dossiers received in the period whose latest state the portal has / received', async () => {
    // Every dossier of this file was received at CN724 in February 2025.
    const dossiers = await handle.db.selectFrom('dossiers').select('code').where('receiving_unit_code', '=', 'CN724')
      .where('received_at', '>=', new Date('2025-02-01T00:00:00+07:00')).execute();
    expect(dossiers.length).toBe(4);
    const all = dossiers.length;
    await pump();
    expect(await index14('CN724')).toMatchObject({ status: 'scored', count: all, total: all });
    // One dossier moves on and is not synchronised yet; one more is received and not synchronised yet.
    const { code } = await api.intake('tn.CN724');
    await act('tn.CN724', code, { type: 'transfer' });
    const [moved] = await handle.db.selectFrom('dossiers').select('code').where('status', '=', 'transferred').where('received_at', '>=', new Date('2025-02-01T00:00:00+07:00')).orderBy('code').limit(1).execute();
    await act(`ld.${COMMUNE}`, moved!.code, { type: 'assign', assignee: `cv.${COMMUNE}` });
    expect(await index14('CN724')).toMatchObject({ status: 'scored', count: all - 1, total: all + 1 });
    // An outsider subtree received none of them.
    expect(await index14('CN718')).toMatchObject({ total: 0 });
    await pump();
    expect(await index14('CN724')).toMatchObject({ status: 'scored', count: all + 1, total: all + 1, points: 6 });

    // Switched off: not measured, with the reason.
    ctx.settings = { ...ctx.settings, nationalPortal: { ...http, mode: 'none' } };
    try {
      const off = await index14('CN724');
      expect(off).toMatchObject({ status: 'not_measured', points: null });
      expect(off.reason).toContain('MOTCUA_NATIONAL_PORTAL=none');
    } finally {
      ctx.settings = { ...ctx.settings, nationalPortal: http };
    }
  });

  it('demo mode records the state as synchronised and writes a log line', async () => {
    clock.set('2025-02-06T09:00:00+07:00');
    const lines: Array<{ object: object; message?: string }> = [];
    const log = { info: (object: object, message?: string) => lines.push({ object, message }), warn: () => undefined, error: () => undefined };
    ctx.settings = { ...ctx.settings, nationalPortal: { mode: 'demo', url: undefined, token: undefined, retryBaseSeconds: 60 } };
    try {
      const { code } = await api.intake('tn.CN724');
      const count = portal.posts.length;
      await jobs.runOnce(OUTBOX_JOB);
      expect(await syncNationalPortal(ctx, { batch: 50, leaseMs: 120_000, log })).toMatchObject({ synced: 1 });
      expect(portal.posts.length).toBe(count);
      expect(await syncRow(code)).toMatchObject({ synced_seq: 1, synced_status_code: 2 });
      expect(lines.find((l) => (l.object as { nationalPortal?: NationalPortalDossier }).nationalPortal?.dossierCode === code)?.message).toContain('demo');
    } finally {
      ctx.settings = { ...ctx.settings, nationalPortal: http };
    }
  });
});
