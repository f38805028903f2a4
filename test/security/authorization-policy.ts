// Who may call each route. Every route of the OpenAPI document must match exactly one rule here: a new
// route without a rule fails the authorization matrix test until someone decides who may call it.
import type { Role } from '../../src/domain/staff/roles.ts';

/** `citizen`: the citizen portal's own session (never a staff token); anonymous callers and staff get 401. */
export type Access = { kind: 'public' } | { kind: 'staff'; roles: readonly Role[] | 'any' } | { kind: 'citizen' };

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
const CITIZEN: Access = { kind: 'citizen' };

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
  // Citizen portal: sign-in redirects and sign-out are public; the rest needs the citizen's own session.
  // The rating takes the owner's session or the code with the applicant's phone; the payment callback is
  // authenticated by its HMAC signature; the demo gateway only exists in demo mode.
  { method: 'GET', path: /^\/api\/v1\/citizen\/auth\/(login|callback)$/, access: PUBLIC },
  { method: 'POST', path: /^\/api\/v1\/citizen\/auth\/logout$/, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/citizen\/(me|dossiers(\/\{code\})?)$/, access: CITIZEN },
  { method: 'POST', path: /^\/api\/v1\/citizen\/dossiers(\/\{code\}\/(supplement|payments))?$/, access: CITIZEN },
  { method: 'POST', path: /^\/api\/v1\/public\/dossiers\/\{code\}\/rating$/, access: PUBLIC },
  { method: 'POST', path: /^\/api\/v1\/payments\/callback\/\{gateway\}$/, access: PUBLIC },
  { method: '*', path: /^\/api\/v1\/demo-gateway\/payments\/\{id\}(\/complete)?$/, access: PUBLIC },
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
