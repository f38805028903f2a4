import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, chainHash, GENESIS_HASH, verifyChain, type AuditContent, type Seal } from './chain.ts';

const entry = (id: number, details: unknown = { n: id }): AuditContent => ({
  id, provinceCode: '74', at: new Date(Date.UTC(2025, 0, 1, 0, 0, id)), actorUsername: 'admin', actorRoles: ['admin'], actorUnitCode: 'UBND74',
  action: 'x', entityType: 'y', entityId: String(id), details, requestId: null, address: '127.0.0.1',
});

function seal(entries: AuditContent[]): Seal[] {
  let prev = GENESIS_HASH;
  return entries.map((e, i) => {
    prev = chainHash(prev, e);
    return { seq: i + 1, auditId: e.id, hash: prev };
  });
}

describe('audit hash chain', () => {
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }));
  });

  it('verifies an intact chain and reports exactly the tampered or missing entries', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.nat(), fc.boolean(), (n, pick, remove) => {
      const entries = Array.from({ length: n }, (_, i) => entry(i + 1));
      const seals = seal(entries);
      const map = new Map(entries.map((e) => [e.id, e]));
      expect(verifyChain(seals, map).problems).toEqual([]);
      const victim = entries[pick % n]!;
      if (remove) map.delete(victim.id);
      else map.set(victim.id, { ...victim, details: { n: victim.id, changed: true } });
      const { problems } = verifyChain(seals, map);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ kind: remove ? 'missing_entry' : 'hash_mismatch', auditId: victim.id });
    }));
  });

  it('reports a removed seal as a gap', () => {
    const entries = [entry(1), entry(2), entry(3)];
    const seals = seal(entries);
    const { problems } = verifyChain([seals[0]!, seals[2]!], new Map(entries.map((e) => [e.id, e])));
    expect(problems.map((p) => p.kind)).toEqual(['sequence_gap', 'hash_mismatch']);
  });
});
