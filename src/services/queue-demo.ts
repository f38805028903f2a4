// Demo mode: every Center, Branch and Reception Point gets the five default service groups and at least
// three counters serving all of them (the contract's promise), so tn.<unit> can sign in at a counter.
import { DEFAULT_SERVICE_GROUPS, defaultCounterCount } from '../domain/queue/index.ts';
import type { Unit } from '../domain/network/unit.ts';
import { insertCounters, insertServiceGroups } from '../store/queue-config.ts';
import type { Db } from '../store/database.ts';

const RECEPTION_TYPES = new Set(['center', 'branch', 'reception_point']);

export async function seedDemoQueues(db: Db, provinceCode: string, units: readonly Unit[]): Promise<void> {
  const reception = units.filter((u) => RECEPTION_TYPES.has(u.type));
  await insertServiceGroups(db, provinceCode, reception.flatMap((u) => DEFAULT_SERVICE_GROUPS.map((g, i) => ({ unitCode: u.code, ...g, sortOrder: i }))));
  const groups = DEFAULT_SERVICE_GROUPS.map((g) => g.code);
  await insertCounters(db, provinceCode, reception.flatMap((u) =>
    Array.from({ length: defaultCounterCount(u.type) }, (_, i) => ({ unitCode: u.code, code: String(i + 1), name: `Quầy ${i + 1}`, serviceGroups: groups }))));
}
