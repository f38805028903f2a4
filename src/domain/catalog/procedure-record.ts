// One procedure as an import file gives it, before normalisation: the shape of the national catalog
// file (../shared/data/national-procedures.json) plus a few optional fields it lacks. CSV and XLSX rows
// are mapped to this shape (tabular-columns.ts). Values are unknown until checked.

export interface ChannelRecord {
  channel?: unknown;
  processingTime?: unknown;
  fee?: unknown;
  description?: unknown;
}

export interface DocumentRecord {
  name?: unknown;
  originals?: unknown;
  copies?: unknown;
  certifiedCopies?: unknown;
  photocopies?: unknown;
  template?: unknown;
  templateHint?: unknown;
  /** Heading the document was listed under; a heading names a case (trường hợp). */
  group?: unknown;
}

export interface ProcedureRecord {
  code?: unknown;
  localCode?: unknown;
  name?: unknown;
  field?: unknown;
  fieldCode?: unknown;
  levels?: unknown;
  issuingMinistry?: unknown;
  decisionNo?: unknown;
  procedureType?: unknown;
  applicants?: unknown;
  competentAuthority?: unknown;
  implementingAgency?: unknown;
  authorizedAgency?: unknown;
  coordinatingAgency?: unknown;
  receivingAddress?: unknown;
  channels?: unknown;
  requiredDocuments?: unknown;
  results?: unknown;
  conditions?: unknown;
  steps?: unknown;
  legalBasisRaw?: unknown;
  legalBasis?: unknown;
  sourceUrl?: unknown;
  raw?: unknown;
  onlineLevel?: unknown;
  mustFileInOwnArea?: unknown;
  onlinePaymentRequired?: unknown;
  digitallySignedResult?: unknown;
  /** restart | pause (or Vietnamese "tính lại" / "tạm dừng"); absent = restart. */
  supplementPolicy?: unknown;
  [key: string]: unknown;
}

/** A record and where it was in the file: a 1-based line (CSV, XLSX) or item number (JSON). */
export interface LocatedRecord {
  row: number;
  record: ProcedureRecord;
}

/** Why a row was refused. */
export interface RowIssue {
  code: string;
  field?: string;
  message: string;
}

export interface RowError extends RowIssue {
  row: number;
  procedureCode?: string;
}
