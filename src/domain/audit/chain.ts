// The audit log's hash chain: each sealed entry's hash covers the previous hash and the entry's
// canonical content, so changing, removing or reordering any sealed entry breaks every later link.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  id: number;
  provinceCode: string;
  at: Date;
  actorUsername: string | null;
  actorRoles: readonly string[];
  actorUnitCode: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: unknown;
  requestId: string | null;
  address: string | null;
}

/** JSON with object keys sorted at every level: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === 'object') {
    const entries = Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function chainHash(previous: string, entry: AuditContent): string {
  return createHash('sha256').update(previous).update('\n').update(canonicalJson(entry)).digest('hex');
}

export interface Seal {
  seq: number;
  auditId: number;
  hash: string;
}

export type ChainProblem =
  | { kind: 'missing_entry'; seq: number; auditId: number }
  | { kind: 'hash_mismatch'; seq: number; auditId: number }
  | { kind: 'sequence_gap'; seq: number; expected: number };

/** Walks the seals in order against the entries they seal; every broken link is reported. */
export function verifyChain(seals: readonly Seal[], entries: ReadonlyMap<number, AuditContent>): { problems: ChainProblem[]; lastHash: string } {
  const problems: ChainProblem[] = [];
  let previous = GENESIS_HASH;
  let expectedSeq = seals[0]?.seq ?? 1;
  for (const seal of seals) {
    if (seal.seq !== expectedSeq) problems.push({ kind: 'sequence_gap', seq: seal.seq, expected: expectedSeq });
    expectedSeq = seal.seq + 1;
    const entry = entries.get(seal.auditId);
    if (!entry) problems.push({ kind: 'missing_entry', seq: seal.seq, auditId: seal.auditId });
    else if (chainHash(previous, entry) !== seal.hash) problems.push({ kind: 'hash_mismatch', seq: seal.seq, auditId: seal.auditId });
    // Continue from the stored hash, so one tampered entry is reported once, not for every later link.
    previous = seal.hash;
  }
  return { problems, lastHash: previous };
}
