// Demo mode: on an empty database, the Bình Dương pilot network and the contract's demo accounts.
// Never runs outside demo mode, and never touches a database that already has a network.
import { seedDemoDossierHistory } from './demo-dossier-history.ts';
import { readFile } from 'node:fs/promises';
import { buildPilotNetwork, type AdministrativeUnit } from '../domain/network/binh-duong-network.ts';
import { demoAccounts, type StaffAccountSeed } from '../domain/staff/demo-accounts.ts';
import { sql } from 'kysely';
import { countUnits, insertUnits } from '../store/units.ts';
import { insertStaff } from '../store/staff.ts';
import { appendAudit } from '../store/audit.ts';
import { hashPassword } from './passwords.ts';
import { seedDemoCatalog } from './demo-catalog.ts';
import { seedDemoQueues } from './queue-demo.ts';
import type { ServiceContext } from './context.ts';

const UNITS_FILE = new URL('../../seed/binh-duong-units-2024.json', import.meta.url);

export async function loadAdministrativeUnits(): Promise<AdministrativeUnit[]> {
  return JSON.parse(await readFile(UNITS_FILE, 'utf8')) as AdministrativeUnit[];
}

export interface SeedReport {
  seeded: boolean;
  units: number;
  accounts: StaffAccountSeed[];
}

/** Seeds the pilot network and its officers' demo accounts; does nothing if units exist already. */
/** `dossierHistory`: also make four weeks of dossiers through the real commands (slow; `motcua stats
 * demo-history` does it on demand, tests that need a history make their own). */
/** Any constant shared by all instances: the lock taken while the demo network is seeded. */
const DEMO_SEED_LOCK_KEY = 7_400_000_002;

export async function seedDemo(ctx: ServiceContext, password: string, options: { dossierHistory?: boolean } = {}): Promise<SeedReport> {
  const units = buildPilotNetwork(await loadAdministrativeUnits());
  const accounts = demoAccounts(units);
  if ((await countUnits(ctx.db)) > 0) return { seeded: false, units: units.length, accounts };
  // One hash shared by the demo accounts: they share one published password anyway, and hashing
  // ~300 argon2id passwords would add seconds to every demo start.
  const passwordHash = await hashPassword(password);
  const seeded = await ctx.db.transaction().execute(async (trx) => {
    // Several instances starting together on one server database: one seeds, the others find it done.
    await sql`SELECT pg_advisory_xact_lock(${DEMO_SEED_LOCK_KEY})`.execute(trx);
    if ((await countUnits(trx)) > 0) return false;
    await insertUnits(trx, units);
    await insertStaff(
      trx,
      accounts.map((a) => ({ ...a, provinceCode: ctx.provinceCode, passwordHash, isDemo: true })),
    );
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: ctx.now(), actor: null, action: 'demo.seed', entityType: 'network',
      entityId: ctx.provinceCode, details: { units: units.length, accounts: accounts.length } });
    await seedDemoCatalog({ ...ctx, db: trx });
    await seedDemoQueues(trx, ctx.provinceCode, units);
    return true;
  });
  if (!seeded) return { seeded: false, units: units.length, accounts };
  if (options.dossierHistory) await seedDemoDossierHistory(ctx);
  return { seeded: true, units: units.length, accounts };
}
