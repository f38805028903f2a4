// The content of one procedure version (phiên bản thủ tục): everything a citizen or an officer needs,
// normalised, plus the workflow template a dossier follows. A version is immutable once stored.
import type { Channel } from './channel.ts';
import type { NormalisedDuration } from './duration.ts';
import type { Fee } from './fee.ts';
import type { LevelTag, ProcedureLevel } from './level.ts';
import type { OnlineLevel } from './online-level.ts';
import type { RequiredDocument } from './required-document.ts';
import type { WorkflowTemplate } from './workflow.ts';
import type { SupplementPolicy } from '../sla/index.ts';

/** Time limit and fee of one channel (as published for the procedure or for one case). */
export interface ChannelTerms {
  channel: Channel;
  duration: NormalisedDuration;
  /** The published time text, e.g. "15 Ngày làm việc". */
  durationText: string;
  fee: Fee;
  feeText: string;
  /** The published description (fee basis, conditions of this time limit…). */
  note: string;
}

/** A case (trường hợp) with its own documents and/or its own time limits. */
export interface ProcedureCase {
  name: string;
  documents: RequiredDocument[];
  terms: ChannelTerms[];
}

export interface ProcedureAgencies {
  /** cơ quan có thẩm quyền giải quyết */
  competent: string | null;
  /** cơ quan thực hiện */
  implementing: string | null;
  /** cơ quan được ủy quyền */
  authorized: string | null;
  /** cơ quan phối hợp */
  coordinating: string | null;
  receivingAddress: string | null;
}

export interface ProcedureResult {
  name: string;
  code: string | null;
}

export interface ProcedureContent {
  name: string;
  field: string;
  fieldCode: string | null;
  /** Primary level (the one closest to the citizen among `levels`). */
  level: ProcedureLevel;
  levels: LevelTag[];
  issuingMinistry: string | null;
  /** Quyết định công bố of the ministry, e.g. "2628/QĐ-BTC". */
  publishingDecision: string | null;
  procedureType: string | null;
  agencies: ProcedureAgencies;
  applicants: string | null;
  /** One entry per offered channel; with several published limits, the longest. */
  channels: ChannelTerms[];
  /** The legal time limit used for due dates: the direct channel's (else online, else postal). */
  timeLimit: NormalisedDuration;
  /** Documents every case needs. */
  documents: RequiredDocument[];
  cases: ProcedureCase[];
  results: ProcedureResult[];
  conditions: string | null;
  legalBasis: string | null;
  steps: string | null;
  onlineLevel: OnlineLevel;
  /** Must be filed in its own area (not location-free even when listed). */
  mustFileInOwnArea: boolean;
  onlinePaymentRequired: boolean;
  digitallySignedResult: boolean;
  workflow: WorkflowTemplate;
  /** How a supplement moves the clock; absent = restart (supplement-policy.ts). Only stored when set,
   * so versions imported before the setting existed keep their content hash. */
  supplementPolicy?: SupplementPolicy;
  sourceUrl: string | null;
}
