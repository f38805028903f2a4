// What the counter screen reads besides the catalog: the checklist of a procedure version (and case),
// the alternative cases to choose from, the fee per channel, and the communes of the network at a date.
import { alternativeCases, checklistFor, findCase, type ChecklistItem } from '../domain/dossier/checklist.ts';
import { communesAt, type Commune } from '../domain/network/communes.ts';
import type { Fee } from '../domain/catalog/fee.ts';
import { listAllUnits } from '../store/units.ts';
import { getProcedure } from './procedures.ts';
import type { ServiceContext } from './context.ts';

export interface CounterChecklist {
  procedureCode: string;
  version: number;
  caseName: string | null;
  cases: string[];
  items: ChecklistItem[];
  /** Fee of the direct channel (the chosen case's when it publishes its own). */
  fee: { fee: Fee; text: string } | null;
}

export async function counterChecklist(ctx: ServiceContext, code: string, caseName: string | undefined, at?: number): Promise<CounterChecklist> {
  const version = await getProcedure(ctx, code, { at });
  const content = version.content;
  const chosen = caseName?.trim() || null;
  const checklist = checklistFor(content, chosen);
  if (!checklist.ok) throw checklist.error;
  const caseTerms = chosen ? findCase(content, chosen)?.terms ?? [] : [];
  const direct = caseTerms.find((t) => t.channel === 'direct') ?? content.channels.find((t) => t.channel === 'direct') ?? content.channels[0];
  return {
    procedureCode: version.procedureCode,
    version: version.version,
    caseName: chosen,
    cases: alternativeCases(content),
    items: checklist.value,
    fee: direct ? { fee: direct.fee, text: direct.feeText } : null,
  };
}

export async function listCommunes(ctx: ServiceContext, at?: number): Promise<Commune[]> {
  return communesAt(await listAllUnits(ctx.db), at ?? ctx.now().getTime());
}
