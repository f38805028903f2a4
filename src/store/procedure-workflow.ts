// Reading one numbered version of a procedure (the workflow editor may open an older one) and locking
// the procedure while a new version is written, so two administrators' edits cannot both build on the
// same version.
import type { Db } from './database.ts';
import type { ProcedureContent } from '../domain/catalog/procedure-content.ts';
import type { NormalisationProblem } from '../domain/catalog/problems.ts';

export interface NumberedVersion {
  procedureCode: string;
  localCode: string | null;
  currentVersion: number;
  version: number;
  validFrom: Date;
  validTo: Date | null;
  contentHash: string;
  content: ProcedureContent;
  problems: NormalisationProblem[];
  raw: unknown;
  processingDays: number | null;
  processingHours: number | null;
  agencies: string;
}

/** The version `version` of the procedure (default: its current version), or undefined. */
export async function findVersion(db: Db, provinceCode: string, code: string, version?: number, lock = false): Promise<NumberedVersion | undefined> {
  let head = db.selectFrom('procedures').select(['code', 'local_code', 'current_version']).where('province_code', '=', provinceCode).where('code', '=', code);
  if (lock) head = head.forUpdate();
  const procedure = await head.executeTakeFirst();
  if (!procedure) return undefined;
  const row = await db
    .selectFrom('procedure_versions')
    .select(['version', 'valid_from', 'valid_to', 'content_hash', 'content', 'problems', 'raw', 'processing_days', 'processing_hours', 'agencies'])
    .where('province_code', '=', provinceCode)
    .where('procedure_code', '=', code)
    .where('version', '=', version ?? procedure.current_version)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    procedureCode: procedure.code,
    localCode: procedure.local_code,
    currentVersion: procedure.current_version,
    version: row.version,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    contentHash: row.content_hash,
    content: row.content as unknown as ProcedureContent,
    problems: row.problems as unknown as NormalisationProblem[],
    raw: row.raw,
    processingDays: row.processing_days,
    processingHours: row.processing_hours,
    agencies: row.agencies,
  };
}
