// The rows "per unit directly below" of the service index and the evaluation, in the structure asked
// (issue 9). Their scores are ratios over a set of units' dossiers and cannot be divided, so each unit of
// the scope counts whole for the one target unit standing for it (primaryTargetOf: the successor taking
// most of a split predecessor's dossiers; the predecessor a later unit's commune came from).
import { listAllUnits, subtreeCodesOf } from '../store/units.ts';
import { childOf } from './stats-summary.ts';
import { primaryTargetOf, type StructureView } from './stats-structure.ts';
import type { StatsScope } from './stats-scope.ts';
import type { ServiceContext } from './context.ts';

export interface ChildUnitGroup {
  unitCode: string;
  unitName: string;
  /** Unit codes whose dossiers the row covers. */
  codes: string[];
}

/** The units directly below the scope's unit with the codes each row covers: today's tree, or the structure of `view`. */
export async function childUnitGroups(ctx: ServiceContext, scope: Pick<StatsScope, 'unit' | 'unitCodes'>, view: StructureView | undefined): Promise<ChildUnitGroup[]> {
  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
  if (!view) {
    const children = (await listAllUnits(ctx.db)).filter((u) => u.parentCode === scope.unit.code).sort(byCode);
    const groups: ChildUnitGroup[] = [];
    for (const child of children) groups.push({ unitCode: child.code, unitName: child.name, codes: await subtreeCodesOf(ctx.db, child.code) });
    return groups;
  }
  const target = await primaryTargetOf(view, 'receiving');
  const children = [...view.units.values()].filter((u) => u.parentCode === scope.unit.code && view.map.isTarget(u.code)).sort(byCode);
  const codes = new Map(children.map((c) => [c.code, [] as string[]]));
  for (const code of scope.unitCodes) {
    const child = childOf(view.units, scope.unit.code, target(code));
    if (child) codes.get(child.code)?.push(code);
  }
  return children.map((c) => ({ unitCode: c.code, unitName: c.name, codes: codes.get(c.code)! }));
}
