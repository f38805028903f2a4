// Catalog administration: the file upload (XMLHttpRequest, because only it reports upload progress,
// and it also hands over the streamed NDJSON answer as it arrives), publication decisions, a
// procedure's history.
import { api, API_BASE, ApiError, errorFromBody } from './client.ts';

export type ImportPhase = 'read' | 'check' | 'write' | 'index';

export interface RowError { row: number; procedureCode?: string; code: string; field?: string; message: string }

export interface ImportReport {
  format: 'json' | 'csv' | 'xlsx';
  fileName: string | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: RowError[];
  written: boolean;
  flagged: Array<{ code: string }>;
  unparsedDurations: Array<{ pattern: string; reason: string; count: number; examples: string[] }>;
  durationMs: number;
}

export type ImportEvent =
  | { type: 'upload'; loaded: number; total: number }
  | { type: 'progress'; phase: ImportPhase; done: number; total: number };

/** Splits the NDJSON text received so far into complete lines, keeping the unfinished tail. */
export function takeLines(buffer: string): { lines: unknown[]; rest: string } {
  const parts = buffer.split('\n');
  const rest = parts.pop() ?? '';
  return { lines: parts.filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown), rest };
}

export function uploadCatalog(file: File, options: { partial: boolean; dryRun: boolean }, onEvent: (event: ImportEvent) => void): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({ fileName: file.name, ...(options.partial ? { partial: 'true' } : {}), ...(options.dryRun ? { dryRun: 'true' } : {}) });
    xhr.open('POST', `${API_BASE}/admin/catalog/imports?${query}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.withCredentials = true;
    let seen = 0;
    let rest = '';
    let settled = false;
    const consume = () => {
      if (xhr.status !== 200) return;
      const text = xhr.responseText;
      const fresh = text.slice(seen);
      seen = text.length;
      const taken = takeLines(rest + fresh);
      rest = taken.rest;
      for (const line of taken.lines as Array<Record<string, unknown>>) {
        if (line.type === 'progress') onEvent(line as ImportEvent);
        else if (line.type === 'report') {
          settled = true;
          resolve(line.report as ImportReport);
        } else if (line.type === 'error') {
          settled = true;
          const e = line.error as { code: string; message: string; details?: unknown };
          reject(new ApiError(400, e.code, e.message, e.details));
        }
      }
    };
    xhr.upload.onprogress = (e) => onEvent({ type: 'upload', loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onprogress = consume;
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let body: unknown;
        try { body = JSON.parse(xhr.responseText); } catch { body = undefined; }
        reject(errorFromBody(xhr.status, body));
        return;
      }
      consume();
      if (!settled) reject(new ApiError(xhr.status, 'BAD_RESPONSE', ''));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', ''));
    xhr.send(file);
  });
}

export interface DecisionSummary { code: string; title: string; kind: string; effectiveAt: string; isDemo: boolean; note: string | null; added: number; removed: number }

export function fetchDecisions(signal?: AbortSignal): Promise<{ items: DecisionSummary[] }> {
  return api.get('/procedure-publications', undefined, signal);
}

export interface DecisionRequest { code: string; title: string; effectiveAt: string; note?: string; entries: Array<{ procedureCode: string; op: 'add' | 'remove' }> }

export function recordDecision(request: DecisionRequest): Promise<{ code: string; title: string; effectiveAt: string; added: number; removed: number }> {
  return api.post('/admin/procedure-publications', request);
}

export interface ProcedureHistory {
  code: string;
  versions: Array<{ version: number; validFrom: string; validTo: string | null; name: string; problemCount: number; createdBy: string | null;
    changes: Array<{ field: string; label: string; before: string; after: string }> }>;
  publications: Array<{ code: string; title: string; effectiveAt: string; isDemo: boolean; op: 'add' | 'remove' }>;
  locationFreeSpans: Array<{ from: string; to: string | null }>;
}

export function fetchHistory(code: string, signal?: AbortSignal): Promise<ProcedureHistory> {
  return api.get(`/procedures/${encodeURIComponent(code)}/history`, undefined, signal);
}
