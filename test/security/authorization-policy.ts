// Who may call each route. Every route of the OpenAPI document must match exactly one rule here: a new
// route without a rule fails the authorization matrix test until someone decides who may call it.
import type { Role } from '../../src/domain/staff/roles.ts';

export type Access = { kind: 'public' } | { kind: 'staff'; roles: readonly Role[] | 'any' };

export interface Rule {
  method: string;
  /** Matches the OpenAPI path (with {params}). */
  path: RegExp;
  access: Access;
  /** A live stream (server-sent events): checked for its rule, not called (it never ends). */
  stream?: boolean;
}

const PUBLIC: Access = { kind: 'public' };
const ANY_STAFF: Access = { kind: 'staff', roles: 'any' };
const ADMIN: Access = { kind: 'staff', roles: ['admin'] };

export const POLICY: readonly Rule[] = [
  { method: 'GET', path: /^\/api\/v1\/health$/, access: PUBLIC },
  { method: 'POST', path: /^\/api\/v1\/auth\/login$/, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/auth\/me$/, access: ANY_STAFF },
  { method: 'POST', path: /^\/api\/v1\/auth\/logout$/, access: ANY_STAFF },
  // Self-service: every officer manages their own password and sessions; a reset link works signed out.
  { method: 'POST', path: /^\/api\/v1\/auth\/(password|sessions\/revoke-others)$/, access: ANY_STAFF },
  { method: 'GET', path: /^\/api\/v1\/auth\/sessions$/, access: ANY_STAFF },
  { method: 'POST', path: /^\/api\/v1\/auth\/password-reset$/, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/units$/, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/calendar\//, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/procedures(\/|$)/, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/procedure-(fields|publications)$/, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/public\/dossiers\/\{code\}$/, access: PUBLIC },
  // Intake: any officer may try; the service refuses units that are not counters (not a role question).
  { method: 'POST', path: /^\/api\/v1\/dossiers$/, access: ANY_STAFF },
  { method: 'GET', path: /^\/api\/v1\/dossiers(\/\{code\})?$/, access: ANY_STAFF },
  { method: 'POST', path: /^\/api\/v1\/dossiers\/\{code\}\/actions$/, access: ANY_STAFF },
  { method: '*', path: /^\/api\/v1\/admin\//, access: ADMIN },
  { method: 'GET', path: /^\/api\/v1\/communes$/, access: PUBLIC },
  // Questions and feedback: citizens submit, follow, add information and rate; officers handle.
  { method: 'POST', path: /^\/api\/v1\/public\/feedback(\/\{code\}\/(rating|information))?$/, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/public\/(feedback\/\{code\}|questions)$/, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/feedback(\/indicators|\/\{code\})?$/, access: ANY_STAFF },
  { method: 'POST', path: /^\/api\/v1\/feedback(\/\{code\}\/actions)?$/, access: ANY_STAFF },
  { method: 'GET', path: /^\/api\/v1\/dossiers\/\{code\}\/complaints$/, access: ANY_STAFF },
  // Queues: citizens take tickets, book and check in appointments, watch displays and loads; officers run counters.
  { method: 'GET', path: /^\/api\/v1\/queue\/(where|\{unitCode\}\/(services|display|load|appointment-slots))$/, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/queue\/\{unitCode\}\/events$/, access: PUBLIC, stream: true },
  { method: 'GET', path: /^\/api\/v1\/public\/queue\/tickets\/\{id\}$/, access: PUBLIC },
  { method: 'POST', path: /^\/api\/v1\/queue\/\{unitCode\}\/(tickets|appointments|appointments\/\{code\}\/(check-in|cancel))$/, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/queue\/(stats|\{unitCode\}\/counters(\/\{counter\})?)$/, access: ANY_STAFF },
  { method: 'POST', path: /^\/api\/v1\/queue\/\{unitCode\}\/(counters\/\{counter\}\/(call-next|sign-in|sign-out)|tickets\/\{id\}\/actions)$/, access: ANY_STAFF },
];

export function ruleFor(method: string, path: string): Rule[] {
  return POLICY.filter((r) => (r.method === '*' || r.method === method) && r.path.test(path));
}
