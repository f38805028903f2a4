// The authorization matrix: every route of the OpenAPI document (so new routes are covered without
// editing this file) called anonymously and as every role. Staff routes answer 401 to anonymous callers
// before reading their input; roles outside a route's rule get 403; nothing answers 5xx. Then property-
// based fuzzing of every route's input: no 5xx, no stack trace, and no business data changed by a refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';
import { ruleFor } from './authorization-policy.ts';

interface Operation {
  method: string;
  path: string;
  staff: boolean;
  body?: unknown;
  query: Array<{ name: string; schema: unknown }>;
}

/** One user per role, in units where their role is real. */
const USERS = { admin: 'admin', reception: 'tn.CN724', processing: 'cv.UBX25861', leader: 'ld.UBX25861', manager: 'gd.TT74' } as const;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** A plausible value for each path parameter, so requests reach the handler. */
function fillPath(path: string, dossierCode: string): string {
  return path
    .replace('{code}', path.includes('/procedures/') ? '1.001193' : dossierCode)
    .replace('{unitCode}', 'CN724')
    .replace('{username}', 'tn.CN724')
    .replace('{year}', '2025')
    .replace(/\{[^}]+\}/g, 'x');
}

/** The smallest value a JSON schema accepts (first enum value, required properties only). */
function minimal(schema: Record<string, unknown> | undefined): unknown {
  if (!schema) return undefined;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ('const' in schema) return schema.const;
  const anyOf = (schema.anyOf ?? schema.oneOf) as Array<Record<string, unknown>> | undefined;
  if (anyOf?.length) return minimal(anyOf[0]);
  switch (schema.type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
      const out: Record<string, unknown> = {};
      for (const key of (schema.required ?? []) as string[]) out[key] = minimal(props[key]);
      return out;
    }
    case 'array': return [];
    case 'string': return 'x'.repeat(Number(schema.minLength ?? 1));
    case 'integer':
    case 'number': return Number(schema.minimum ?? 1);
    case 'boolean': return false;
    default: return {};
  }
}

describe('authorization matrix and input fuzzing (every route of the OpenAPI document)', () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let operations: Operation[] = [];
  const tokens = new Map<string, string>();
  let dossierCode = '';

  const call = (op: Operation, token: string | null, override?: { body?: unknown; query?: Record<string, string>; path?: string }) =>
    app.inject({
      method: op.method as 'GET',
      url: (override?.path ?? fillPath(op.path, dossierCode)) + (override?.query ? `?${new URLSearchParams(override.query)}` : ''),
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: (override?.body ?? op.body ?? {}) as Record<string, unknown> }),
    });

  const businessCounts = async () => (await sql<{ t: string; n: number }>`
    SELECT 'dossiers' AS t, count(*)::int AS n FROM dossiers UNION ALL SELECT 'actions', count(*)::int FROM dossier_actions
    UNION ALL SELECT 'units', count(*)::int FROM units UNION ALL SELECT 'staff', count(*)::int FROM staff_users
    UNION ALL SELECT 'versions', count(*)::int FROM procedure_versions`.execute(handle.db)).rows;

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    const ctx = testContext(handle, testClock('2024-12-05T09:00:00+07:00'));
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    await app.ready();
    for (const [role, username] of Object.entries(USERS)) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      expect(res.statusCode, `${role}: ${res.body}`).toBe(200);
      tokens.set(role, res.json().token);
    }
    const list = (await app.inject({ url: '/api/v1/procedures?level=commune&locationFree=true&at=2024-12-05&q=khai%20sinh&limit=50' })).json();
    const procedure = list.items.find((p: { processingDays: number | null }) => p.processingDays !== null && p.processingDays >= 3);
    const filed = await app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { authorization: `Bearer ${tokens.get('reception')}` }, payload: {
      procedureCode: procedure.code, idempotencyKey: 'matrix-intake-1',
      applicant: { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '074090001234', phone: '0912345678', address: { communeCode: '25861' } } } });
    expect(filed.statusCode, filed.body).toBe(201);
    dossierCode = filed.json().code;

    const doc = app.swagger() as { paths: Record<string, Record<string, { security?: unknown[]; requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> }; parameters?: Array<{ in: string; name: string; schema: unknown }> }>> };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).filter(([m]) => METHODS.includes(m)).map(([m, op]) => ({
      method: m.toUpperCase(),
      path,
      staff: Array.isArray(op.security) && op.security.length > 0,
      body: minimal(op.requestBody?.content?.['application/json']?.schema),
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
    })));
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('has exactly one authorization rule for every route', () => {
    expect(operations.length).toBeGreaterThan(20);
    const unruled = operations.filter((op) => ruleFor(op.method, op.path).length !== 1).map((op) => `${op.method} ${op.path}`);
    expect(unruled, 'add each route to test/security/authorization-policy.ts').toEqual([]);
    // The OpenAPI document says the same as the policy: staff (and citizen) routes declare a security scheme.
    const mismatched = operations.filter((op) => (ruleFor(op.method, op.path)[0]!.access.kind !== 'public') !== op.staff).map((op) => `${op.method} ${op.path}`);
    expect(mismatched).toEqual([]);
  });

  it('answers anonymous callers and every role as the policy says, never with a 5xx', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      const rule = ruleFor(op.method, op.path)[0];
      if (!rule || rule.stream) continue;
      const anonymous = await call(op, null);
      if (anonymous.statusCode >= 500) failures.push(`${op.method} ${op.path} anonymous → ${anonymous.statusCode}`);
      if (rule.access.kind === 'staff' && anonymous.statusCode !== 401) failures.push(`${op.method} ${op.path} anonymous → ${anonymous.statusCode}, expected 401`);
      const code = anonymous.statusCode >= 400 ? (anonymous.json() as { error?: { code?: string } }).error?.code : undefined;
      if (rule.access.kind === 'public' && (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN_ROLE')) failures.push(`${op.method} ${op.path} public but anonymous → ${anonymous.statusCode} ${code}`);
      if (rule.access.kind === 'citizen') {
        // Only the citizen's own session opens these: anonymous callers and every staff token get 401.
        if (anonymous.statusCode !== 401 || code !== 'CITIZEN_UNAUTHENTICATED') failures.push(`${op.method} ${op.path} anonymous → ${anonymous.statusCode} ${code}, expected 401`);
        for (const role of Object.keys(USERS)) {
          const res = await call(op, tokens.get(role)!);
          if (res.statusCode !== 401) failures.push(`${op.method} ${op.path} as staff ${role} → ${res.statusCode}, expected 401`);
        }
        continue;
      }
      if (rule.access.kind !== 'staff') continue;
      for (const role of Object.keys(USERS)) {
        // Mutations by allowed roles are exercised by the feature tests; here only their refusal matters.
        const allowed = rule.access.roles === 'any' || (rule.access.roles as readonly string[]).includes(role);
        if (allowed && op.method !== 'GET') continue;
        const res = await call(op, tokens.get(role)!);
        if (res.statusCode >= 500) failures.push(`${op.method} ${op.path} as ${role} → ${res.statusCode}`);
        else if (!allowed && res.statusCode !== 403) failures.push(`${op.method} ${op.path} as ${role} → ${res.statusCode}, expected 403`);
        else if (allowed && (res.statusCode === 401 || (res.statusCode === 403 && res.json().error?.code === 'FORBIDDEN_ROLE'))) {
          failures.push(`${op.method} ${op.path} as ${role} → ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it('survives fuzzed input on every route: no 5xx, no stack trace, the contract error shape, nothing changed', async () => {
    const before = await businessCounts();
    const failures: string[] = [];
    let mutated = false;
    const json = fc.oneof(fc.string({ maxLength: 300 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
      fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.constant(null)), { maxKeys: 6 }));
    const text = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom("' OR 1=1 --", '%_\\', '😀'.repeat(50), 'x'.repeat(2100), '../../etc/passwd', '<script>alert(1)</script>', '2024-13-45', '-1', '1e309'));
    for (const op of operations) {
      if (ruleFor(op.method, op.path)[0]?.stream) continue;
      await fc.assert(fc.asyncProperty(
        fc.record({ body: json, field: fc.string({ maxLength: 20 }), value: json, query: fc.array(fc.tuple(fc.constantFrom(...op.query.map((q) => q.name), 'x'), text), { maxLength: 4 }), segment: text }),
        async ({ body, field, value, query, segment }) => {
          const base = op.body && typeof op.body === 'object' && !Array.isArray(op.body) ? { ...(op.body as object), [field]: value } : body;
          const path = fillPath(op.path, dossierCode).replace(/(\/)(tn\.CN724|CN724|1\.001193|2025)$/, `$1${encodeURIComponent(segment)}`);
          for (const role of [null, 'admin', 'reception'] as const) {
            const res = await call(op, role ? tokens.get(role)! : null, { body: base, query: Object.fromEntries(query), path });
            if (res.statusCode >= 500 || /\bat .+\.(ts|js):\d+/.test(res.body)) failures.push(`${op.method} ${op.path} as ${role ?? 'anonymous'} → ${res.statusCode} ${res.body.slice(0, 160)}`);
            if (res.statusCode >= 400 && !(res.json() as { error?: { code?: string; message?: string } }).error?.code) failures.push(`${op.method} ${op.path} → ${res.statusCode} without the error shape`);
            if (op.method !== 'GET' && res.statusCode < 300) mutated = true;
          }
        },
      ), { numRuns: 8 });
    }
    expect(failures.slice(0, 20)).toEqual([]);
    if (!mutated) expect(await businessCounts()).toEqual(before);
  }, 300_000);
});
