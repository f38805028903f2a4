// Demo mode's catalog: the 1,601 national procedures shipped in seed/ (a copy of the shared national
// file; the product never reads outside its own tree at run time) and three demo location-free lists
// for Bình Dương's phases (see src/domain/catalog/demo-publications.ts for how they are drawn).
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { NETWORK_OPENED_AT } from '../domain/network/binh-duong-network.ts';
import { demoLocationFreeDecisions } from '../domain/catalog/demo-publications.ts';
import { validatePublicationDecision } from '../domain/catalog/publication-decision.ts';
import type { LocatedRecord, ProcedureRecord } from '../domain/catalog/procedure-record.ts';
import { isAppError } from '../domain/errors.ts';
import { catalogFacets, countProcedures } from '../store/procedures.ts';
import { importProcedureRecords, type ImportReport } from './import-procedures.ts';
import { recordDecision } from './publications.ts';
import type { ServiceContext } from './context.ts';

export const SEED_CATALOG_FILE = new URL('../../seed/national-procedures.json.gz', import.meta.url);

export async function loadSeedCatalog(): Promise<LocatedRecord[]> {
  const data = JSON.parse(gunzipSync(await readFile(SEED_CATALOG_FILE)).toString('utf8')) as { procedures: ProcedureRecord[] };
  return data.procedures.map((record, index) => ({ row: index + 1, record }));
}

export interface DemoCatalogReport {
  seeded: boolean;
  procedures: number;
  decisions: Array<{ code: string; effectiveAt: number; added: number }>;
  import?: ImportReport;
}

/**
 * Imports the seed catalog (versions valid from the network's opening, 02/12/2024) and records the demo
 * location-free decisions. Runs inside the caller's transaction (`ctx.db` is one); does nothing when
 * the province already has procedures.
 */
export async function seedDemoCatalog(ctx: ServiceContext): Promise<DemoCatalogReport> {
  if ((await countProcedures(ctx.db, ctx.provinceCode)) > 0) return { seeded: false, procedures: 0, decisions: [] };
  const records = await loadSeedCatalog();
  const report = await importProcedureRecords(ctx, records, {
    format: 'json',
    fileName: 'seed/national-procedures.json.gz',
    effectiveAt: new Date(NETWORK_OPENED_AT),
    via: 'demo-seed',
    inCallerTransaction: true,
  });
  if (!report.written) {
    throw new Error(`demo catalog: the seed file did not import (${report.rejected.length} rejected rows, first: ${report.rejected[0]?.message ?? '?'})`);
  }
  const decisions: DemoCatalogReport['decisions'] = [];
  for (const input of demoLocationFreeDecisions(await catalogFacets(ctx.db, ctx.provinceCode))) {
    const decision = validatePublicationDecision(input);
    if (isAppError(decision)) throw decision;
    await recordDecision(ctx.db, ctx, decision, { via: 'demo-seed' });
    decisions.push({ code: decision.code, effectiveAt: decision.effectiveAt, added: decision.entries.length });
  }
  return { seeded: true, procedures: report.created, decisions, import: report };
}
