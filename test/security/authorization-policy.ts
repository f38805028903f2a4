// Who may call each route. Every route of the OpenAPI document must match exactly one rule here: a new
// route without a rule fails the authorization matrix test until someone decides who may call it.
import type { Role } from '../../src/domain/staff/roles.ts';

export type Access = { kind: 'public' } | { kind: 'staff'; roles: readonly Role[] | 'any' };

export interface Rule {
  method: string;
  /** Matches the OpenAPI path (with {params}). */
  path: RegExp;
  access: Access;
}

const PUBLIC: Access = { kind: 'public' };
const ANY_STAFF: Access = { kind: 'staff', roles: 'any' };
const ADMIN: Access = { kind: 'staff', roles: ['admin'] };

export const POLICY: readonly Rule[] = [
  { method: 'GET', path: /^\/api\/v1\/health$/, access: PUBLIC },
  { method: 'POST', path: /^\/api\/v1\/auth\/login$/, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/auth\/me$/, access: ANY_STAFF },
  { method: 'POST', path: /^\/api\/v1\/auth\/logout$/, access: ANY_STAFF },
  { method: 'GET', path: /^\/api\/v1\/units$/, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/calendar\//, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/procedures(\/|$)/, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/procedure-(fields|publications)$/, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/public\/dossiers\/\{code\}$/, access: PUBLIC },
  // Intake: any officer may try; the service refuses units that are not counters (not a role question).
  { method: 'POST', path: /^\/api\/v1\/dossiers$/, access: ANY_STAFF },
  { method: 'GET', path: /^\/api\/v1\/dossiers(\/\{code\})?$/, access: ANY_STAFF },
  { method: 'POST', path: /^\/api\/v1\/dossiers\/\{code\}\/actions$/, access: ANY_STAFF },
  // Paper handovers, sub-dossiers: the service checks the unit (sending / receiving / coordinating), not a role.
  { method: 'GET', path: /^\/api\/v1\/dossiers\/\{code\}\/paper-transfers$/, access: ANY_STAFF },
  { method: 'POST', path: /^\/api\/v1\/dossiers\/\{code\}\/paper-transfers\/\{seq\}\/(dispatch|receipt)$/, access: ANY_STAFF },
  { method: 'GET', path: /^\/api\/v1\/paper-transfers$/, access: ANY_STAFF },
  { method: 'POST', path: /^\/api\/v1\/dossiers\/\{code\}\/sub-dossiers$/, access: ANY_STAFF },
  { method: 'GET', path: /^\/api\/v1\/sub-dossiers\/\{code\}$/, access: ANY_STAFF },
  { method: 'POST', path: /^\/api\/v1\/sub-dossiers\/\{code\}\/actions$/, access: ANY_STAFF },
  { method: 'GET', path: /^\/api\/v1\/desk\/workload$/, access: { kind: 'staff', roles: ['leader', 'manager', 'admin'] } },
  { method: '*', path: /^\/api\/v1\/admin\//, access: ADMIN },
];

export function ruleFor(method: string, path: string): Rule[] {
  return POLICY.filter((r) => (r.method === '*' || r.method === method) && r.path.test(path));
}
