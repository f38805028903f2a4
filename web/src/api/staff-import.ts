// Staff import: the file goes as the raw request body; a refused file's row errors come back in the
// error's details (details.report.rejected).
import { ApiError, apiUrl, errorFromBody } from './client.ts';

export interface StaffRowError { row: number; username: string | null; column: string | null; code: string; message: string }
export interface StaffImportReport {
  format: 'csv' | 'xlsx';
  fileName: string | null;
  rows: number;
  dryRun: boolean;
  written: boolean;
  created: Array<{ row: number; username: string; fullName: string; unitCode: string; roles: string[]; resetPath: string | null; expiresAt: string | null }>;
  unchanged: Array<{ row: number; username: string }>;
  rejected: StaffRowError[];
}

export const templateUrl = (format: 'csv' | 'xlsx') => apiUrl('/admin/users/import-template', { format });

export async function uploadStaffFile(file: File, dryRun: boolean): Promise<StaffImportReport> {
  let response: Response;
  try {
    response = await fetch(apiUrl('/admin/users/imports', { fileName: file.name, dryRun: dryRun || undefined }), {
      method: 'POST', credentials: 'include', headers: { 'content-type': 'application/octet-stream', accept: 'application/json' }, body: file,
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(response.status, 'BAD_RESPONSE', '');
  }
  if (!response.ok) throw errorFromBody(response.status, body);
  return body as StaffImportReport;
}

/** The row errors of a refused import, if the error is one. */
export function rejectedRows(error: unknown): StaffRowError[] | null {
  if (!(error instanceof ApiError) || error.code !== 'STAFF_IMPORT_REJECTED') return null;
  return (error.details as { report?: { rejected?: StaffRowError[] } } | undefined)?.report?.rejected ?? null;
}
