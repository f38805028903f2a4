// The HTTP scenarios of issue 10, each with its target on the 2-core reference machine and its own
// correctness check (what the load did must be in the database, answers must be the right ones).
import type { RequestSpec } from 'autocannon';
import { runLoad, type CpuClock, type LoadSettings, type Measured } from './load.ts';
import { applicant, intakeBody, type IntakeProcedure, type Officer } from './setup.ts';

export interface Target {
  /** Minimum 2xx answers per second. */
  perSecond?: number;
  p99Ms?: number;
  /** Shown instead of a verdict when the target is measured elsewhere. */
  elsewhere?: string;
}

export interface Check {
  what: string;
  ok: boolean;
}

export interface ScenarioResult {
  name: string;
  title: string;
  target: Target;
  measured: Measured;
  warmup: Measured | null;
  checks: Check[];
  notes: string[];
}

export interface Filed {
  code: string;
  phone: string;
}

export interface BenchEnv {
  base: string;
  pid: number;
  /** CPU seconds used so far by the server and the database (undefined: not measured). */
  cpu?: CpuClock | undefined;
  settings: LoadSettings;
  runId: string;
  officers: Officer[];
  procedure: IntakeProcedure;
  /** Dossiers filed so far (code + applicant phone), for the lookups. */
  filed: Filed[];
  /** A number read straight from the database (null: not readable while the server runs — embedded). */
  count: ((sql: string, params?: unknown[]) => Promise<number>) | null;
  /** Local date of the server's clock (YYYY-MM-DD). */
  day: string;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
let applicantSeq = 0;

/** Intake requests round-robin over the officers (so over the one-stop units), each with a fresh key. */
function intakeRequests(env: BenchEnv, tag: string, acknowledged: Filed[]): RequestSpec[] {
  let seq = 0;
  return [{
    method: 'POST',
    path: '/api/v1/dossiers',
    setupRequest: (request, context) => {
      const n = seq++;
      const who = applicantSeq++;
      const officer = env.officers[n % env.officers.length]!;
      context.phone = applicant(who).phone;
      request.headers = { ...JSON_HEADERS, authorization: officer.authorization };
      request.body = intakeBody(env.procedure, who, `${env.runId}-${tag}-${n}`);
      return request;
    },
    onResponse: (status, body, context) => {
      if (status === 201) acknowledged.push({ code: (JSON.parse(body) as { code: string }).code, phone: String(context.phone) });
    },
  }];
}

/** Files `amount` dossiers before the measured scenarios (the lookups need them); not a measurement. */
export async function fileDossiers(env: BenchEnv, amount: number): Promise<Measured> {
  const acknowledged: Filed[] = [];
  const { measured } = await runLoad({ base: env.base, requests: intakeRequests(env, 'prep', acknowledged), settings: env.settings, amount });
  env.filed.push(...acknowledged);
  return measured;
}

async function countDossiers(env: BenchEnv): Promise<number | null> {
  return env.count ? env.count('SELECT count(*)::int AS n FROM dossiers') : null;
}

/**
 * The requests still in flight when a timed run (the warm-up, then the measured run) stops are answered
 * by the server after the load generator hung up, and so are those it gave up on (timeouts): done, but
 * not counted as 2xx. So the database may hold up to that many more than acknowledged, never fewer.
 */
export function inFlightAllowance(settings: LoadSettings, measured: Measured, warmup: Measured | null): number {
  return settings.connections * (warmup ? 2 : 1) + measured.timeouts + (warmup?.timeouts ?? 0);
}

export function acknowledgedAllKept(what: string, acknowledged: number, created: number, allowance: number): Check {
  return { what: `${what}: ${created} in the database for ${acknowledged} acknowledged (2xx) — ${created - acknowledged} answered after the load stopped (≤ ${allowance} possible)`, ok: created >= acknowledged && created - acknowledged <= allowance };
}

export async function intakeScenario(env: BenchEnv, name = 'intake', title = 'Intake POST /dossiers (with checklist)'): Promise<ScenarioResult> {
  const acknowledged: Filed[] = [];
  const before = await countDossiers(env);
  const { measured, warmup } = await runLoad({ base: env.base, requests: intakeRequests(env, name, acknowledged), settings: env.settings, pid: env.pid, cpu: env.cpu });
  await new Promise((r) => setTimeout(r, 1000)); // the answers the load generator no longer waited for
  env.filed.push(...acknowledged);
  const checks: Check[] = [];
  const ok = measured.ok + (warmup?.ok ?? 0);
  checks.push({ what: `every 2xx answer carried a dossier code (${acknowledged.length} of ${ok})`, ok: acknowledged.length === ok });
  checks.push({ what: 'dossier codes unique', ok: new Set(acknowledged.map((f) => f.code)).size === acknowledged.length });
  if (before !== null) {
    const after = (await countDossiers(env))!;
    checks.push(acknowledgedAllKept('dossiers', ok, after - before, inFlightAllowance(env.settings, measured, warmup)));
    const found = await env.count!('SELECT count(*)::int AS n FROM dossiers WHERE code = ANY($1)', [acknowledged.map((f) => f.code)]);
    checks.push({ what: `every acknowledged dossier code is in the database (${found} of ${acknowledged.length})`, ok: found === acknowledged.length });
  }
  return {
    name, title, target: { perSecond: 1000, p99Ms: 100 }, measured, warmup, checks,
    notes: [`${env.officers.length} reception officers at as many one-stop units; each request a new applicant and idempotency key; ${env.procedure.documents.length} checklist papers (procedure ${env.procedure.code})`],
  };
}

export async function lookupScenario(env: BenchEnv): Promise<ScenarioResult> {
  const pool = env.filed;
  if (pool.length === 0) throw new Error('lookup needs filed dossiers');
  let seq = 0;
  let wrong = 0;
  const requests: RequestSpec[] = [{
    method: 'GET',
    setupRequest: (request, context) => {
      const d = pool[seq++ % pool.length]!;
      context.code = d.code;
      request.path = `/api/v1/public/dossiers/${encodeURIComponent(d.code)}?phone=${d.phone}`;
      return request;
    },
    onResponse: (status, body, context) => {
      if (status === 200 && !body.includes(`"code":"${String(context.code)}"`)) wrong++;
    },
  }];
  const { measured, warmup } = await runLoad({ base: env.base, requests, settings: env.settings, pid: env.pid, cpu: env.cpu });
  const refused = measured.non2xx + (warmup?.non2xx ?? 0);
  return {
    name: 'lookup', title: 'Public lookup GET /public/dossiers/{code}?phone=', target: { perSecond: 5000, p99Ms: 50 }, measured, warmup,
    checks: [
      { what: `every 200 answered the dossier asked for (${wrong} wrong)`, ok: wrong === 0 },
      { what: `no lookup refused (${refused} non-2xx: a right code and phone never counts toward the failure limit)`, ok: refused === 0 },
    ],
    notes: [`${pool.length} dossiers looked up in turn, each with its applicant's phone; default lookup limits (failures only)`],
  };
}

const CATALOG_QUERIES: Array<{ query: string; hits: boolean }> = [
  { query: 'q=khai%20sinh', hits: true },
  { query: 'q=cap%20giay%20phep%20xay%20dung', hits: true },
  { query: `q=${encodeURIComponent('giấy phép xây dựng')}`, hits: true },
  { query: `q=${encodeURIComponent('đăng ký thường trú')}`, hits: true },
  { query: `q=${encodeURIComponent('chứng thực bản sao')}`, hits: true },
  { query: 'q=ho%20kinh%20doanh', hits: true },
  { query: `q=${encodeURIComponent('kết hôn')}&level=commune`, hits: true },
  { query: `q=${encodeURIComponent('đất đai')}`, hits: true },
  { query: 'q=khai%20snh', hits: true },
  { query: `q=${encodeURIComponent('giấy phép')}&locationFree=true`, hits: true },
  { query: 'q=1.001193', hits: true },
  { query: 'locationFree=true', hits: true },
];

export async function catalogScenario(env: BenchEnv): Promise<ScenarioResult> {
  let seq = 0;
  let empty = 0;
  const requests: RequestSpec[] = [{
    method: 'GET',
    setupRequest: (request, context) => {
      const q = CATALOG_QUERIES[seq++ % CATALOG_QUERIES.length]!;
      context.hits = q.hits;
      request.path = `/api/v1/procedures?${q.query}&limit=20`;
      return request;
    },
    onResponse: (status, body, context) => {
      if (status === 200 && context.hits && body.startsWith('{"items":[]')) empty++;
    },
  }];
  const { measured, warmup } = await runLoad({ base: env.base, requests, settings: env.settings, pid: env.pid, cpu: env.cpu });
  return {
    name: 'catalog', title: 'Catalog search GET /procedures?q=', target: { perSecond: 3000, p99Ms: 50 }, measured, warmup,
    checks: [{ what: `every search that should find procedures found some (${empty} empty)`, ok: empty === 0 }],
    notes: [`${CATALOG_QUERIES.length} queries in turn (accented, unaccented, a typo, a code, filters) over the 1,601 seeded procedures`],
  };
}

async function waitingTickets(env: BenchEnv): Promise<number | null> {
  return env.count ? env.count(`SELECT count(*)::int AS n FROM queue_tickets WHERE status = 'waiting' AND day = $1::date AND unit_code = ANY($2)`, [env.day, env.officers.map((o) => o.unitCode)]) : null;
}

export async function ticketScenario(env: BenchEnv, measure = true): Promise<ScenarioResult> {
  let seq = 0;
  const before = env.count ? await env.count('SELECT count(*)::int AS n FROM queue_tickets') : null;
  const requests: RequestSpec[] = [{
    method: 'POST',
    setupRequest: (request) => {
      const n = seq++;
      const officer = env.officers[n % env.officers.length]!;
      // Each request from its own kiosk address (10.x.y.z): the limit of 30 tickets a minute is per kiosk.
      request.path = `/api/v1/queue/${officer.unitCode}/tickets`;
      request.headers = { ...JSON_HEADERS, 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
      request.body = JSON.stringify({ serviceGroup: officer.serviceGroups[Math.floor(n / env.officers.length) % officer.serviceGroups.length], ...(n % 9 === 4 ? { priority: 'elderly' } : {}) });
      return request;
    },
  }];
  const { measured, warmup } = await runLoad({ base: env.base, requests, settings: env.settings, ...(measure ? { pid: env.pid, cpu: env.cpu } : {}) });
  await new Promise((r) => setTimeout(r, 1000));
  const checks: Check[] = [];
  if (before !== null) {
    const after = await env.count!('SELECT count(*)::int AS n FROM queue_tickets');
    checks.push(acknowledgedAllKept('tickets', measured.ok + (warmup?.ok ?? 0), after - before, inFlightAllowance(env.settings, measured, warmup)));
  }
  checks.push({ what: `no ticket refused (${measured.non2xx} non-2xx)`, ok: measured.non2xx === 0 });
  return {
    name: 'ticket', title: 'Queue take-ticket POST /queue/{unit}/tickets', target: { perSecond: 1000 }, measured, warmup, checks,
    notes: [`kiosks at ${env.officers.length} units, each request from its own kiosk address (X-Forwarded-For, MOTCUA_TRUST_PROXY=true)`],
  };
}

/** Call-next at every unit's counter until the waiting tickets are drained (a fixed amount, no warm-up). */
export async function callNextScenario(env: BenchEnv): Promise<ScenarioResult> {
  const waiting = await waitingTickets(env);
  if (!waiting) throw new Error('call-next needs waiting tickets (run the ticket scenario first)');
  let seq = 0;
  const called: string[] = [];
  let none = 0;
  const requests: RequestSpec[] = [{
    method: 'POST',
    setupRequest: (request) => {
      const officer = env.officers[seq++ % env.officers.length]!;
      request.path = `/api/v1/queue/${officer.unitCode}/counters/${officer.counterCode}/call-next`;
      request.headers = { authorization: officer.authorization };
      return request;
    },
    onResponse: (status, body) => {
      if (status !== 200) return;
      const answer = JSON.parse(body) as { ticket: { id: string } | null };
      if (answer.ticket) called.push(answer.ticket.id);
      else none++;
    },
  }];
  const { measured } = await runLoad({ base: env.base, requests, settings: env.settings, amount: waiting, pid: env.pid, cpu: env.cpu });
  const left = (await waitingTickets(env))!;
  return {
    name: 'call-next', title: 'Queue call-next POST /queue/{unit}/counters/{c}/call-next', target: { perSecond: 1000 }, measured, warmup: null,
    checks: [
      { what: `no ticket called twice (${called.length} called, ${new Set(called).size} distinct)`, ok: new Set(called).size === called.length },
      { what: `the database agrees: ${waiting} waiting before, ${left} after, ${called.length} called`, ok: waiting - left === called.length },
    ],
    notes: [`${waiting} waiting tickets drained by ${env.officers.length} officers, one counter each (${none} calls found none waiting)`],
  };
}

export async function summaryScenario(env: BenchEnv, manager: { authorization: string; unitCode: string }): Promise<ScenarioResult> {
  const month = env.day.slice(0, 7);
  const from = `${month}-01`;
  const to = env.day;
  const path = `/api/v1/stats/summary?from=${from}&to=${to}&unitCode=${manager.unitCode}`;
  const first = await fetch(`${env.base}${path}`, { headers: { authorization: manager.authorization } });
  const summary = await first.json() as { received?: { total: number } };
  const requests: RequestSpec[] = [{ method: 'GET', path, headers: { authorization: manager.authorization } }];
  const { measured, warmup } = await runLoad({ base: env.base, requests, settings: env.settings, pid: env.pid, cpu: env.cpu });
  const checks: Check[] = [{ what: `the summary answers (${first.status})`, ok: first.status === 200 }];
  if (env.count) {
    const end = new Date(Date.parse(`${to}T00:00:00+07:00`) + 86_400_000).toISOString();
    const inPeriod = await env.count('SELECT count(*)::int AS n FROM dossiers WHERE received_at >= $1::timestamptz AND received_at < $2::timestamptz', [`${from}T00:00:00+07:00`, end]);
    checks.push({ what: `received.total ${summary.received?.total} = dossiers received in the period in the database (${inPeriod})`, ok: summary.received?.total === inPeriod });
  }
  return {
    name: 'summary', title: 'Dashboard GET /stats/summary (bench data)', target: { elsewhere: 'p95 < 200 ms on 10M dossiers: npm run bench -- stats 10m' }, measured, warmup, checks,
    notes: [`${manager.unitCode} subtree, ${from}..${to}, over the ${env.filed.length} bench dossiers (+ demo data)`],
  };
}
