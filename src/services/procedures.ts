// Reading the catalog as it stood at an instant: search, one procedure, its versions, its fields.
import { notFound } from '../domain/errors.ts';
import { prepareSearchQuery } from '../domain/catalog/search-query.ts';
import { cleanLine } from '../domain/catalog/text.ts';
import type { ProcedureLevel } from '../domain/catalog/level.ts';
import type { OnlineLevel } from '../domain/catalog/online-level.ts';
import { correctQueryWords } from '../domain/catalog/typo-correction.ts';
import { listFields, listVersions, procedureExists, versionAt, type StoredVersion, type VersionSummary } from '../store/procedures.ts';
import { loadVocabulary, searchProcedures as searchStore, type SearchResult } from '../store/procedure-search.ts';
import type { ServiceContext } from './context.ts';

export interface ProcedureSearchInput {
  q?: string | undefined;
  level?: ProcedureLevel | undefined;
  field?: string | undefined;
  onlineLevel?: OnlineLevel | undefined;
  agency?: string | undefined;
  locationFree?: boolean | undefined;
  at?: number | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export const DEFAULT_SEARCH_LIMIT = 20;

export function searchProcedures(ctx: ServiceContext, input: ProcedureSearchInput): Promise<SearchResult> {
  const field = input.field === undefined ? undefined : cleanLine(input.field).slice(0, 300) || undefined;
  const agency = input.agency === undefined ? undefined : prepareSearchQuery(input.agency)?.phrase;
  return searchStore(ctx.db, {
    provinceCode: ctx.provinceCode,
    at: new Date(input.at ?? ctx.now().getTime()),
    text: prepareSearchQuery(input.q),
    level: input.level,
    field,
    onlineLevel: input.onlineLevel,
    agency,
    locationFree: input.locationFree,
    limit: input.limit ?? DEFAULT_SEARCH_LIMIT,
    offset: input.offset ?? 0,
    correct: (words) => correctTypos(ctx, words),
  });
}

/** Word groups for a query whose words found nothing, from the catalog's vocabulary (or undefined). */
async function correctTypos(ctx: ServiceContext, searchableWords: readonly string[]): Promise<string[][] | undefined> {
  const words = [...new Set(searchableWords.flatMap((w) => w.split(' ')).filter((w) => w.length >= 2))].slice(0, 12);
  if (words.length === 0) return undefined;
  return correctQueryWords(words, await loadVocabulary(ctx.db, ctx.provinceCode))?.map((c) => c.alternatives);
}

/** The procedure as it stood at `at` (default now); 404 when it was not in the catalog then. */
export async function getProcedure(ctx: ServiceContext, code: string, options: { at?: number | undefined; withRaw?: boolean } = {}): Promise<StoredVersion> {
  const at = new Date(options.at ?? ctx.now().getTime());
  const version = await versionAt(ctx.db, ctx.provinceCode, code, at, options.withRaw ?? false);
  if (!version) {
    const exists = await procedureExists(ctx.db, ctx.provinceCode, code);
    throw notFound(
      'PROCEDURE_NOT_FOUND',
      exists ? `Thủ tục ${code} chưa có hiệu lực tại thời điểm yêu cầu.` : `Không tìm thấy thủ tục có mã ${code}.`,
      { code, at: at.toISOString() },
    );
  }
  return version;
}

export async function getProcedureVersions(ctx: ServiceContext, code: string): Promise<VersionSummary[]> {
  const versions = await listVersions(ctx.db, ctx.provinceCode, code);
  if (versions.length === 0) throw notFound('PROCEDURE_NOT_FOUND', `Không tìm thấy thủ tục có mã ${code}.`, { code });
  return versions;
}

export function getProcedureFields(ctx: ServiceContext, at?: number): ReturnType<typeof listFields> {
  return listFields(ctx.db, ctx.provinceCode, new Date(at ?? ctx.now().getTime()));
}
