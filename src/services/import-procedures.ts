// `motcua import procedures FILE` and the demo seed: a catalog file in, procedures and versions out.
// Idempotent: a procedure is matched by its code; a new version is stored only when its content hash
// changed (the previous version is kept, closed at the new one's start). A file imports in one
// transaction: any rejected row stops the import and nothing is written, unless `partial` is asked.
import { normaliseProcedure, type NormalisedProcedure } from '../domain/catalog/normalise-procedure.ts';
import type { PlainDaysPolicy } from '../domain/catalog/duration.ts';
import type { NormalisationProblem } from '../domain/catalog/problems.ts';
import type { LocatedRecord, RowError } from '../domain/catalog/procedure-record.ts';
import {
  closeOpenVersions,
  insertProcedures,
  insertVersions,
  localCodesTaken,
  openVersionsOf,
  updateProcedureHeads,
  type VersionToInsert,
} from '../store/procedures.ts';
import { rebuildCatalogWords } from '../store/procedure-search.ts';
import { appendAudit, type AuditEntry } from '../store/audit.ts';
import type { Db } from '../store/database.ts';
import { detectFormat, gunzipIfCompressed, parseProcedureFile, type ImportFormat } from './procedure-file.ts';
import type { ServiceContext } from './context.ts';

export interface ImportProgress {
  /** read: the file parsed; check: rows normalised; write: versions stored; index: search vocabulary rebuilt. */
  phase: 'read' | 'check' | 'write' | 'index';
  done: number;
  total: number;
}

export interface ImportOptions {
  fileName?: string;
  format?: ImportFormat;
  /** Import the good rows even when some are rejected (the rejected ones are reported). */
  partial?: boolean;
  /** Check and classify, write nothing. */
  dryRun?: boolean;
  /** When new versions take effect (default: now). */
  effectiveAt?: Date;
  /** How to read "N ngày" without "làm việc" (default: as working days, flagged for review). */
  plainDays?: PlainDaysPolicy;
  /** Who imports, for the audit log and the versions' `created_by`. */
  actor?: AuditEntry['actor'];
  /** Where the import came from when no officer is signed in: "cli", "seed". */
  via?: string;
  onProgress?: (progress: ImportProgress) => void;
  /** `ctx.db` is already a transaction of the caller (the demo seed): write in it, do not open one. */
  inCallerTransaction?: boolean;
}

export interface UnparsedDurationPattern {
  /** The published text with digits replaced by N, e.g. "N", "N Tháng", "" (empty). */
  pattern: string;
  reason: string;
  count: number;
  /** Some procedure codes showing it. */
  examples: string[];
}

export interface ImportReport {
  format: ImportFormat;
  fileName: string | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: RowError[];
  /** Whether anything was written (false: dry run, or rows were rejected without `partial`). */
  written: boolean;
  /** Procedures stored with normalisation problems (stored on their version too). */
  flagged: Array<{ code: string; problems: NormalisationProblem[] }>;
  problemCounts: Record<string, number>;
  unparsedDurations: UnparsedDurationPattern[];
  durationMs: number;
}

/** Reads a file (JSON, CSV, XLSX) and imports it. File-level problems throw an `invalid` AppError. */
export async function importProcedureFile(ctx: ServiceContext, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportReport> {
  const started = Date.now();
  options.onProgress?.({ phase: 'read', done: 0, total: 0 });
  const plain = gunzipIfCompressed(bytes);
  const format = options.format ?? detectFormat(plain, options.fileName);
  const parsed = await parseProcedureFile(plain, format);
  return importProcedureRecords(ctx, parsed.records, { ...options, format }, started);
}

export async function importProcedureRecords(
  ctx: ServiceContext,
  records: readonly LocatedRecord[],
  options: ImportOptions & { format: ImportFormat },
  started = Date.now(),
): Promise<ImportReport> {
  const progress = options.onProgress ?? (() => undefined);
  const rejected: RowError[] = [];
  const accepted: Array<{ row: number; procedure: NormalisedProcedure }> = [];
  const firstRowOf = new Map<string, number>();
  const localCodeRow = new Map<string, number>();

  progress({ phase: 'read', done: records.length, total: records.length });
  for (const [i, { row, record }] of records.entries()) {
    const result = normaliseProcedure(record, { plainDays: options.plainDays ?? 'working' });
    if (!result.ok) {
      for (const issue of result.issues) rejected.push({ row, ...(result.code ? { procedureCode: result.code } : {}), ...issue });
    } else {
      const { code, localCode } = result.procedure;
      const first = firstRowOf.get(code);
      const localFirst = localCode ? localCodeRow.get(localCode) : undefined;
      if (first !== undefined) {
        rejected.push({ row, procedureCode: code, code: 'DUPLICATE_CODE', field: 'code', message: `Mã thủ tục ${code} trùng với ${rowLabel(options.format, first)}.` });
      } else if (localFirst !== undefined) {
        rejected.push({ row, procedureCode: code, code: 'DUPLICATE_CODE', field: 'localCode', message: `Mã địa phương ${localCode} trùng với ${rowLabel(options.format, localFirst)}.` });
      } else {
        firstRowOf.set(code, row);
        if (localCode) localCodeRow.set(localCode, row);
        accepted.push({ row, procedure: result.procedure });
      }
    }
    if ((i + 1) % 100 === 0 || i + 1 === records.length) {
      progress({ phase: 'check', done: i + 1, total: records.length });
      // Let a streamed progress report leave the process between batches (the check is CPU-bound).
      if (options.onProgress) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  const effectiveAt = options.effectiveAt ?? ctx.now();
  const createdBy = options.actor?.username ?? (options.via ? `${options.via}` : null);
  const report = (written: boolean, counts: { created: number; updated: number; unchanged: number }, stored: typeof accepted): ImportReport => ({
    format: options.format,
    fileName: options.fileName ?? null,
    rows: records.length,
    ...counts,
    rejected: rejected.sort((a, b) => a.row - b.row),
    written,
    ...problemSummary(stored.map((a) => a.procedure)),
    durationMs: Date.now() - started,
  });

  if (rejected.length > 0 && !options.partial) return report(false, { created: 0, updated: 0, unchanged: 0 }, accepted);

  const run = async (db: Db) => {
    const open = await openVersionsOf(db, ctx.provinceCode, accepted.map((a) => a.procedure.code));
    const takenLocal = await localCodesTaken(db, ctx.provinceCode, accepted.map((a) => a.procedure.localCode).filter((c): c is string => c !== null));
    const toCreate: typeof accepted = [];
    const toUpdate: typeof accepted = [];
    let unchanged = 0;
    for (const item of accepted) {
      const { code, localCode, hash } = item.procedure;
      const current = open.get(code);
      if (localCode && takenLocal.has(localCode) && takenLocal.get(localCode) !== code) {
        rejected.push({ row: item.row, procedureCode: code, code: 'LOCAL_CODE_TAKEN', field: 'localCode', message: `Mã địa phương ${localCode} đã thuộc thủ tục ${takenLocal.get(localCode)}.` });
      } else if (!current) {
        toCreate.push(item);
      } else if (current.contentHash === hash) {
        unchanged++;
      } else if (current.validFrom.getTime() >= effectiveAt.getTime()) {
        rejected.push({ row: item.row, procedureCode: code, code: 'EFFECTIVE_BEFORE_CURRENT', message:
          `Phiên bản hiện hành của thủ tục ${code} có hiệu lực từ ${current.validFrom.toISOString()}; phiên bản mới phải có hiệu lực sau thời điểm đó.` });
      } else {
        toUpdate.push(item);
      }
    }
    const counts = { created: toCreate.length, updated: toUpdate.length, unchanged };
    if (rejected.length > 0 && !options.partial) return { counts, wrote: false };
    if (options.dryRun) return { counts, wrote: false };

    const now = ctx.now();
    await insertProcedures(db, toCreate.map((a) => ({ provinceCode: ctx.provinceCode, code: a.procedure.code, localCode: a.procedure.localCode, currentVersion: 1, at: now })));
    await closeOpenVersions(db, ctx.provinceCode, toUpdate.map((a) => a.procedure.code), effectiveAt);
    const versions: VersionToInsert[] = [
      ...toCreate.map((a) => versionRow(ctx, a.procedure, 1, effectiveAt, now, createdBy)),
      ...toUpdate.map((a) => versionRow(ctx, a.procedure, open.get(a.procedure.code)!.version + 1, effectiveAt, now, createdBy)),
    ];
    await insertVersions(db, versions, (written) => progress({ phase: 'write', done: written, total: versions.length }));
    await updateProcedureHeads(db, ctx.provinceCode, toUpdate.map((a) => ({ code: a.procedure.code, localCode: a.procedure.localCode, currentVersion: open.get(a.procedure.code)!.version + 1 })), now);
    if (versions.length > 0) {
      progress({ phase: 'index', done: 0, total: 1 });
      await rebuildCatalogWords(db, ctx.provinceCode);
      progress({ phase: 'index', done: 1, total: 1 });
    }
    await appendAudit(db, {
      provinceCode: ctx.provinceCode,
      at: now,
      actor: options.actor ?? null,
      action: 'catalog.import',
      entityType: 'procedure_catalog',
      entityId: options.fileName ?? null,
      details: {
        via: options.via ?? 'api', format: options.format, rows: records.length, ...counts, rejected: rejected.length,
        partial: options.partial === true, effectiveAt: effectiveAt.toISOString(),
        flagged: accepted.filter((a) => a.procedure.problems.length > 0).length,
      },
    });
    return { counts, wrote: true };
  };

  if (options.dryRun) {
    const { counts } = await run(ctx.db);
    return report(false, counts, accepted);
  }
  const outcome = options.inCallerTransaction ? await run(ctx.db) : await ctx.db.transaction().execute(run);
  return report(outcome.wrote, outcome.counts, accepted.filter((a) => !rejected.some((r) => r.row === a.row)));
}

function versionRow(ctx: ServiceContext, p: NormalisedProcedure, version: number, validFrom: Date, createdAt: Date, createdBy: string | null): VersionToInsert {
  const limit = p.content.timeLimit;
  const agencies = [p.content.agencies.competent, p.content.agencies.implementing, p.content.agencies.authorized]
    .filter((a): a is string => a !== null)
    .filter((a, i, all) => all.indexOf(a) === i)
    .join(' · ');
  return {
    provinceCode: ctx.provinceCode,
    procedureCode: p.code,
    version,
    validFrom,
    contentHash: p.hash,
    content: p.content,
    problems: p.problems,
    raw: p.raw,
    processingDays: limit.unit === 'days' ? limit.value : null,
    processingHours: limit.unit === 'hours' ? limit.value : null,
    agencies: agencies.length > 1000 ? `${agencies.slice(0, 999)}…` : agencies,
    createdAt,
    createdBy,
  };
}

export function rowLabel(format: ImportFormat, row: number): string {
  return format === 'json' ? `mục #${row}` : `dòng ${row}`;
}

function problemSummary(procedures: readonly NormalisedProcedure[]) {
  const flagged = procedures.filter((p) => p.problems.length > 0).map((p) => ({ code: p.code, problems: p.problems }));
  const problemCounts: Record<string, number> = {};
  const patterns = new Map<string, UnparsedDurationPattern>();
  for (const p of procedures) {
    for (const pr of p.problems) {
      problemCounts[pr.code] = (problemCounts[pr.code] ?? 0) + 1;
      if (pr.severity !== 'unparsed' || !pr.code.startsWith('DURATION_')) continue;
      const pattern = pr.text.replace(/\d+/g, 'N');
      const key = `${pr.code}\u0000${pattern}`;
      const entry = patterns.get(key) ?? { pattern, reason: pr.code, count: 0, examples: [] };
      entry.count++;
      if (entry.examples.length < 3 && !entry.examples.includes(p.code)) entry.examples.push(p.code);
      patterns.set(key, entry);
    }
  }
  const unparsedDurations = [...patterns.values()].sort((a, b) => b.count - a.count || (a.pattern < b.pattern ? -1 : 1));
  return { flagged, problemCounts, unparsedDurations };
}
