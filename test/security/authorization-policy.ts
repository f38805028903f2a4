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
  // Self-service: every officer manages their own password and sessions; a reset link works signed out.
  { method: 'POST', path: /^\/api\/v1\/auth\/(password|sessions\/revoke-others)$/, access: ANY_STAFF },
  { method: 'GET', path: /^\/api\/v1\/auth\/sessions$/, access: ANY_STAFF },
  { method: 'POST', path: /^\/api\/v1\/auth\/password-reset$/, access: PUBLIC },
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
  // The one-time code fallback: asking for a code and typing it in are what sign a citizen in.
  { method: 'GET', path: /^\/api\/v1\/citizen\/auth\/methods$/, access: PUBLIC },
  { method: 'POST', path: /^\/api\/v1\/citizen\/auth\/otp\/(request|verify)$/, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/citizen\/(me|dossiers(\/\{code\}(\/reusable-documents)?)?)$/, access: CITIZEN },
  { method: 'POST', path: /^\/api\/v1\/citizen\/dossiers(\/\{code\}\/(supplement|payments|attachments|attachments\/reuse))?$/, access: CITIZEN },
  { method: 'POST', path: /^\/api\/v1\/public\/dossiers\/\{code\}\/rating$/, access: PUBLIC },
  { method: 'POST', path: /^\/api\/v1\/payments\/callback\/\{gateway\}$/, access: PUBLIC },
  { method: '*', path: /^\/api\/v1\/demo-gateway\/payments\/\{id\}(\/complete)?$/, access: PUBLIC },
  // Intake: any officer may try; the service refuses units that are not counters (not a role question).
  { method: 'POST', path: /^\/api\/v1\/dossiers$/, access: ANY_STAFF },
  { method: 'GET', path: /^\/api\/v1\/dossiers(\/\{code\})?$/, access: ANY_STAFF },
  { method: 'POST', path: /^\/api\/v1\/dossiers\/\{code\}\/actions$/, access: ANY_STAFF },
  // Scanned papers and the legal forms of a dossier: the dossier's own scope rules apply in the service.
  { method: '*', path: /^\/api\/v1\/dossiers\/\{code\}\/(attachments(\/\{id\}|\/reuse)?|reusable-documents)$/, access: ANY_STAFF },
  { method: 'GET', path: /^\/api\/v1\/dossiers\/\{code\}\/forms\/\{form\}$/, access: ANY_STAFF },
  { method: 'GET', path: /^\/api\/v1\/reports\/tracking-book$/, access: ANY_STAFF },
  // Paper handovers, sub-dossiers: the service checks the unit (sending / receiving / coordinating), not a role.
  { method: 'GET', path: /^\/api\/v1\/dossiers\/\{code\}\/paper-transfers$/, access: ANY_STAFF },
  { method: 'POST', path: /^\/api\/v1\/dossiers\/\{code\}\/paper-transfers\/\{seq\}\/(dispatch|receipt)$/, access: ANY_STAFF },
  { method: 'GET', path: /^\/api\/v1\/paper-transfers$/, access: ANY_STAFF },
  { method: 'POST', path: /^\/api\/v1\/dossiers\/\{code\}\/sub-dossiers$/, access: ANY_STAFF },
  { method: 'GET', path: /^\/api\/v1\/sub-dossiers\/\{code\}$/, access: ANY_STAFF },
  { method: 'POST', path: /^\/api\/v1\/sub-dossiers\/\{code\}\/actions$/, access: ANY_STAFF },
  { method: 'GET', path: /^\/api\/v1\/desk\/workload$/, access: { kind: 'staff', roles: ['leader', 'manager', 'admin'] } },
  // Statistics: every officer may ask; the service narrows to the caller's unit subtree (403 beyond it).
  { method: 'GET', path: /^\/api\/v1\/stats\/districts\.geojson$/, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/stats\/(summary|dashboard|dossiers|late|late\.xlsx|reports\/(period|daily-intake|satisfaction|officers)\.(xlsx|pdf))$/, access: ANY_STAFF },
  { method: 'GET', path: /^\/api\/v1\/stats\/index-766$/, access: ANY_STAFF },
  { method: 'GET', path: /^\/api\/v1\/stats\/evaluation$/, access: ANY_STAFF },
  { method: '*', path: /^\/api\/v1\/admin\//, access: ADMIN },
  { method: 'GET', path: /^\/api\/v1\/communes$/, access: PUBLIC },
  // Questions and feedback: citizens submit, follow, add information and rate; officers handle.
  { method: 'POST', path: /^\/api\/v1\/public\/feedback(\/\{code\}\/(rating|information))?$/, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/public\/(feedback\/\{code\}|questions)$/, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/feedback(\/indicators|\/\{code\})?$/, access: ANY_STAFF },
  { method: 'POST', path: /^\/api\/v1\/feedback(\/\{code\}\/actions)?$/, access: ANY_STAFF },
  // Files of a message: the sender adds them with code + phone; officers add (counter entry or handling
  // unit) and download (handling unit only), checked in the service.
  { method: 'POST', path: /^\/api\/v1\/public\/feedback\/\{code\}\/attachments$/, access: PUBLIC },
  { method: '*', path: /^\/api\/v1\/feedback\/\{code\}\/attachments(\/\{id\})?$/, access: ANY_STAFF },
  { method: 'GET', path: /^\/api\/v1\/dossiers\/\{code\}\/complaints$/, access: ANY_STAFF },
  // Messages: an officer's own warnings and a dossier's messages; SMS delivery receipts come from the gateway
  // with a shared secret (checked by the route, not a staff session).
  { method: 'GET', path: /^\/api\/v1\/(notifications\/mine|dossiers\/\{code\}\/notifications)$/, access: ANY_STAFF },
  { method: 'POST', path: /^\/api\/v1\/notifications\/sms-receipts$/, access: PUBLIC },
  // Queues: the kiosk, display, ticket status, appointments and "where to go" are public; counters are
  // worked by reception officers and managers (of that unit: the service answers 403 to others).
  { method: 'GET', path: /^\/api\/v1\/queue\/\{unitCode\}\/(services|display|load|appointment-slots)$/, access: PUBLIC },
  { method: 'POST', path: /^\/api\/v1\/queue\/\{unitCode\}\/tickets$/, access: PUBLIC },
  { method: 'POST', path: /^\/api\/v1\/queue\/\{unitCode\}\/appointments(\/\{code\}\/(check-in|cancel))?$/, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/queue\/where$/, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/public\/queue\/tickets\/\{id\}$/, access: PUBLIC },
  { method: 'GET', path: /^\/api\/v1\/queue\/\{unitCode\}\/counters$/, access: ANY_STAFF },
  { method: 'GET', path: /^\/api\/v1\/queue\/stats$/, access: ANY_STAFF },
  { method: '*', path: /^\/api\/v1\/queue\/\{unitCode\}\/counters\/\{counter\}(\/(call-next|sign-in|sign-out))?$/, access: { kind: 'staff', roles: ['reception', 'manager'] } },
  { method: 'POST', path: /^\/api\/v1\/queue\/\{unitCode\}\/tickets\/\{id\}\/actions$/, access: { kind: 'staff', roles: ['reception', 'manager'] } },
];

export function ruleFor(method: string, path: string): Rule[] {
  return POLICY.filter((r) => (r.method === '*' || r.method === method) && r.path.test(path));
}
