// A procedure's history for the catalog administrator: its versions with what changed in each, the
// publication decisions that added it to or removed it from the location-free list, and the periods
// it was location-free.
import { notFound } from '../domain/errors.ts';
import { diffVersions, type FieldChange } from '../domain/catalog/version-diff.ts';
import { listVersions, versionContents, type VersionSummary } from '../store/procedures.ts';
import { decisionsForProcedure, spansForProcedure, type ProcedurePublication } from '../store/publications.ts';
import type { ServiceContext } from './context.ts';

export interface ProcedureHistory {
  code: string;
  versions: Array<VersionSummary & { changes: FieldChange[] }>;
  publications: ProcedurePublication[];
  locationFreeSpans: Array<{ from: Date; to: Date | null }>;
}

export async function procedureHistory(ctx: ServiceContext, code: string): Promise<ProcedureHistory> {
  const versions = await listVersions(ctx.db, ctx.provinceCode, code);
  if (versions.length === 0) throw notFound('PROCEDURE_NOT_FOUND', `Không tìm thấy thủ tục có mã ${code}.`, { code });
  const contents = new Map((await versionContents(ctx.db, ctx.provinceCode, code)).map((v) => [v.version, v.content]));
  return {
    code,
    versions: versions.map((v, i) => {
      const previous = i > 0 ? contents.get(versions[i - 1]!.version) : undefined;
      const current = contents.get(v.version);
      return { ...v, changes: previous && current ? diffVersions(previous, current) : [] };
    }),
    publications: await decisionsForProcedure(ctx.db, ctx.provinceCode, code),
    locationFreeSpans: await spansForProcedure(ctx.db, ctx.provinceCode, code),
  };
}
