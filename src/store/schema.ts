// Row types of the tables, as Kysely sees them. Dates are 'YYYY-MM-DD' strings, timestamptz are Date.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface UnitsTable {
  code: string;
  province_code: string;
  name: string;
  short_name: string | null;
  type: 'center' | 'branch' | 'reception_point' | 'agency';
  agency_level: 'province' | 'district' | 'commune' | null;
  parent_code: string | null;
  area_code: string | null;
  agency_identifier: string | null;
  address: string | null;
  valid_from: Timestamp;
  valid_to: Timestamp | null;
  created_at: DefaultedTimestamp;
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  email: ColumnType<string | null, string | null | undefined, string | null>;
  latitude: ColumnType<number | null, number | null | undefined, number | null>;
  longitude: ColumnType<number | null, number | null | undefined, number | null>;
  /** JSON text of [{ code, name }] on write (jsonb). */
  display_screens: ColumnType<DisplayScreen[], string | undefined, string>;
}

export interface DisplayScreen {
  code: string;
  name: string;
}

export interface UnitLineageTable {
  predecessor_code: string;
  successor_code: string;
  effective_at: Timestamp;
  plan_id: string | null;
}

export interface StaffUsersTable {
  id: Generated<string>;
  province_code: string;
  username: string;
  full_name: string;
  unit_code: string;
  roles: string[];
  password_hash: string;
  active: Generated<boolean>;
  is_demo: Generated<boolean>;
  /** Migration 0025: optional work contacts (staff import). */
  email: string | null;
  phone: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  counter_codes: Generated<string[]>;
  service_groups: Generated<string[]>;
}

export interface StaffSessionsTable {
  token_hash: string;
  user_id: string;
  created_at: DefaultedTimestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  address: string | null;
  user_agent: string | null;
}

export interface PasswordResetTokensTable {
  token_hash: string;
  user_id: string;
  created_by: string;
  created_at: DefaultedTimestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  address: string;
  succeeded: boolean;
  at: DefaultedTimestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  province_code: string;
  at: DefaultedTimestamp;
  actor_username: string | null;
  actor_roles: ColumnType<string[], string[] | undefined, never>;
  actor_unit_code: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: Json;
  request_id: string | null;
  address: string | null;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  command: string;
  request_hash: string;
  response: Json;
  created_at: DefaultedTimestamp;
}

export interface SchemaMigrationsTable {
  version: string;
  applied_at: DefaultedTimestamp;
}

export interface CalendarSettingsTable {
  province_code: string;
  settings: Json;
  updated_at: DefaultedTimestamp;
  updated_by: string | null;
}

export interface CalendarYearsTable {
  province_code: string;
  year: number;
  schedule: Json;
  updated_at: DefaultedTimestamp;
  updated_by: string | null;
  reason: string;
}

export interface CalendarUnitOverridesTable {
  unit_code: string;
  override: Json;
  updated_at: DefaultedTimestamp;
  updated_by: string | null;
}

export interface CalendarRevisionsTable {
  province_code: string;
  revision: number;
}

// Procedure catalog (0003_catalog.sql).
export interface ProceduresTable {
  province_code: string;
  code: string;
  local_code: string | null;
  current_version: number;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface ProcedureVersionsTable {
  province_code: string;
  procedure_code: string;
  version: number;
  valid_from: Timestamp;
  valid_to: Timestamp | null;
  content_hash: string;
  name: string;
  field: string;
  field_code: string | null;
  level: 'province' | 'district' | 'commune';
  levels: string[];
  online_level: 'full' | 'partial' | 'none';
  must_file_in_own_area: boolean;
  online_payment_required: boolean;
  digitally_signed_result: boolean;
  processing_days: number | null;
  processing_hours: number | null;
  agencies: string;
  content: Json;
  problems: Json;
  problem_count: number;
  raw: Json | null;
  source_url: string | null;
  created_at: DefaultedTimestamp;
  created_by: string | null;
  name_folded: ColumnType<string, never, never>;
  field_folded: ColumnType<string, never, never>;
  agencies_folded: ColumnType<string, never, never>;
  search_text: ColumnType<string, never, never>;
}

/** What catalog search reads to find, count and rank versions; kept by triggers on procedure_versions (0032). */
export interface ProcedureSearchTable {
  province_code: ColumnType<string, never, never>;
  procedure_code: ColumnType<string, never, never>;
  version: ColumnType<number, never, never>;
  /** length(name_folded), stored for the ranking's tie-break (0034). */
  name_length: ColumnType<number, never, never>;
  valid_from: ColumnType<Date, never, never>;
  valid_to: ColumnType<Date | null, never, never>;
  must_file_in_own_area: ColumnType<boolean, never, never>;
  field_code: ColumnType<string | null, never, never>;
  online_level: ColumnType<string, never, never>;
  levels: ColumnType<string[], never, never>;
  field_folded: ColumnType<string, never, never>;
  name_folded: ColumnType<string, never, never>;
  agencies_folded: ColumnType<string, never, never>;
  search_text: ColumnType<string, never, never>;
  /** Every prefix (up to 20 characters) of every word of search_text, for the GIN index (0027). */
  search_tokens: ColumnType<string[], never, never>;
}

export interface CatalogWordsTable {
  province_code: string;
  word: string;
  frequency: number;
}

export interface PublicationDecisionsTable {
  province_code: string;
  code: string;
  seq: Generated<number>;
  title: string;
  kind: 'location_free_list';
  effective_at: Timestamp;
  is_demo: boolean;
  note: string | null;
  created_at: DefaultedTimestamp;
  created_by: string | null;
}

export interface PublicationDecisionEntriesTable {
  province_code: string;
  decision_code: string;
  procedure_code: string;
  op: 'add' | 'remove';
}

export interface LocationFreeSpansTable {
  province_code: string;
  procedure_code: string;
  valid_from: Timestamp;
  valid_to: Timestamp | null;
}

export interface DossiersTable {
  province_code: string;
  code: string;
  procedure_code: string;
  procedure_version: number;
  procedure_name: string;
  channel: 'direct' | 'online' | 'postal';
  applicant: Json;
  applicant_phone: string;
  applicant_id_number: string | null;
  applicant_commune_code: string;
  receiving_unit_code: string;
  competent_unit_code: string;
  return_unit_code: string;
  return_by_post: Generated<boolean>;
  received_at: Timestamp;
  received_by: string;
  clock: Json;
  documents: Json;
  status: string;
  due_at: Timestamp | null;
  finished_at: Timestamp | null;
  action_count: Generated<number>;
  updated_at: DefaultedTimestamp;
  /** Workflow template snapshot, current step, its deadline and the holder (0008, cached from history). */
  workflow: Json | null;
  current_step: string | null;
  step_due_at: Timestamp | null;
  handler_username: string | null;
}

export interface DossierActionsTable {
  province_code: string;
  dossier_code: string;
  seq: number;
  type: string;
  at: Timestamp;
  actor_username: string;
  actor_roles: string[];
  actor_unit_code: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  payload: Json;
  clock_events: Json;
}

export interface PaperTransfersTable {
  province_code: string;
  dossier_code: string;
  seq: number;
  purpose: 'dossier' | 'supplement' | 'result';
  from_unit_code: string;
  to_unit_code: string;
  ready_at: Timestamp;
  deadline: Timestamp | null;
  deadline_rule: string | null;
  sent_by: string | null;
  sent_unit_code: string | null;
  sent_at: Timestamp | null;
  received_by: string | null;
  received_unit_code: string | null;
  received_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  cancel_reason: string | null;
}

export interface SubDossiersTable {
  province_code: string;
  code: string;
  parent_code: string;
  seq: number;
  coordinating_unit_code: string;
  request: string;
  budget: Json;
  status: 'open' | 'answered' | 'closed';
  opened_by: string;
  opened_at: Timestamp;
  due_at: Timestamp;
  assignee_username: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  answer: string | null;
  closed_by: string | null;
  closed_at: Timestamp | null;
  close_reason: string | null;
}

export interface DossierSequencesTable {
  province_code: string;
  agency_identifier: string;
  day: string;
  last_value: number;
}

export interface OutboxTable {
  id: Generated<number>;
  province_code: string;
  topic: string;
  key: string;
  payload: Json;
  created_at: DefaultedTimestamp;
  delivered_at: Timestamp | null;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp | null;
  last_error: string | null;
  failed_at: Timestamp | null;
}

export interface NationalPortalSyncTable {
  province_code: string;
  dossier_code: string;
  pending_event_id: number;
  synced_event_id: ColumnType<number, number | undefined, number>;
  synced_seq: ColumnType<number, number | undefined, number>;
  synced_status_code: number | null;
  synced_due_at: Timestamp | null;
  synced_at: Timestamp | null;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp;
  lease_until: Timestamp | null;
  claim_token: string | null;
  last_error: string | null;
}

export interface JobLeasesTable {
  name: string;
  holder: string | null;
  lease_until: DefaultedTimestamp;
  last_started_at: Timestamp | null;
  last_finished_at: Timestamp | null;
  last_error: string | null;
}

export interface DossierTimerMarksTable {
  province_code: string;
  dossier_code: string;
  kind: 'due_soon' | 'apology_reminder' | 'overdue';
  due_at: Timestamp;
  marked_at: Timestamp;
}

export interface NotificationsTable {
  id: Generated<number>;
  province_code: string;
  channel: 'email' | 'sms' | 'inapp';
  recipient: string;
  template: string;
  payload: Json;
  subject_kind: string | null;
  subject_code: string | null;
  dedupe_key: string;
  status: ColumnType<'queued' | 'sent' | 'delivered' | 'failed', 'queued' | 'sent' | 'delivered' | 'failed' | undefined, 'queued' | 'sent' | 'delivered' | 'failed'>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: DefaultedTimestamp;
  last_error: string | null;
  provider_ref: string | null;
  created_at: DefaultedTimestamp;
  sent_at: Timestamp | null;
  delivered_at: Timestamp | null;
}

// ── Citizen portal (0011) ──────────────────────────────────────────────────────────────────────────
export interface CitizensTable {
  id: Generated<string>;
  province_code: string;
  oidc_issuer: string;
  oidc_subject: string;
  full_name: string;
  id_number: string | null;
  phone: string | null;
  email: string | null;
  commune_code: string | null;
  address_detail: string | null;
  created_at: DefaultedTimestamp;
  last_login_at: DefaultedTimestamp;
}

export interface CitizenSessionsTable {
  token_hash: string;
  citizen_id: string;
  created_at: DefaultedTimestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  address: string | null;
  user_agent: string | null;
}

export interface OidcLoginRequestsTable {
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: DefaultedTimestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface OnlineFilingsTable {
  province_code: string;
  dossier_code: string;
  citizen_id: string;
  submitted_at: Timestamp;
  online_level: 'full' | 'partial';
  case_name: string | null;
  form: Json;
  result_delivery: 'unit' | 'online' | 'post';
  postal_address: string | null;
  fee_amount: number;
}

export interface PaymentsTable {
  id: Generated<string>;
  province_code: string;
  dossier_code: string;
  gateway: string;
  amount: number;
  currency: ColumnType<string, string | undefined, string>;
  status: ColumnType<'pending' | 'paid' | 'failed' | 'expired', 'pending' | 'paid' | 'failed' | 'expired' | undefined, 'pending' | 'paid' | 'failed' | 'expired'>;
  gateway_ref: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  completed_at: Timestamp | null;
}

export interface PaymentCallbacksTable {
  gateway: string;
  transaction_id: string;
  payment_id: string;
  outcome: string;
  received_at: Timestamp;
  payload: Json;
}

export interface DossierRatingsTable {
  province_code: string;
  dossier_code: string;
  rated_at: Timestamp;
  overall: 'very_satisfied' | 'satisfied' | 'dissatisfied';
  criteria: Json;
  points: number;
  comment: string | null;
  via: 'portal' | 'lookup' | 'kiosk';
  citizen_id: string | null;
}

export interface PublicLookupAttemptsTable {
  id: Generated<number>;
  address: string;
  succeeded: boolean;
  at: Timestamp;
}

// Scanned attachments (0007_dossier_files.sql).
export interface DossierAttachmentsTable {
  province_code: string;
  id: Generated<string>;
  dossier_code: string;
  document_name: string | null;
  file_name: string;
  media_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  uploader_kind: 'staff' | 'citizen';
  uploader_id: string;
  uploader_name: string;
  uploader_unit_code: string | null;
  uploaded_at: Timestamp;
  /** Reuse of an earlier dossier's scan (0031): where it came from; both null for an upload. */
  reused_from_dossier: Generated<string | null>;
  reused_from_id: Generated<string | null>;
}

// Questions and feedback from citizens (0010_feedback.sql).
export interface FeedbackTable {
  province_code: string;
  code: string;
  kind: 'question' | 'feedback' | 'complaint' | 'suggestion';
  channel: 'portal' | 'counter';
  procedure_code: string | null;
  procedure_name: string | null;
  field: string | null;
  claimed_dossier_code: string | null;
  dossier_code: string | null;
  full_name: string;
  phone: string;
  email: string | null;
  text: string;
  citizen_subject: string | null;
  submitted_by: string | null;
  submitted_address: string | null;
  unit_code: string;
  routing_basis: 'dossier' | 'procedure' | 'center';
  status: 'received' | 'accepted' | 'refused' | 'info_requested' | 'answered' | 'published';
  received_at: Timestamp;
  resolve_due_at: Timestamp;
  next_due_at: Timestamp | null;
  classified_at: Timestamp | null;
  answered_at: Timestamp | null;
  published_at: Timestamp | null;
  answer: string | null;
  rating_satisfied: boolean | null;
  rated_at: Timestamp | null;
  event_count: Generated<number>;
  updated_at: DefaultedTimestamp;
}

export interface FeedbackEventsTable {
  province_code: string;
  feedback_code: string;
  seq: number;
  type: string;
  at: Timestamp;
  actor_username: string | null;
  actor_roles: string[];
  actor_unit_code: string | null;
  from_status: string | null;
  to_status: string;
  from_unit_code: string | null;
  to_unit_code: string;
  text: string | null;
  payload: Json;
}

export interface FeedbackPublicationsTable {
  province_code: string;
  feedback_code: string;
  procedure_code: string | null;
  field: string | null;
  kind: string;
  question: string;
  answer: string;
  unit_code: string;
  published_at: Timestamp;
  search_text: ColumnType<string, never, never>;
}

// Files sent with a question or feedback (0022_feedback_attachments.sql).
export interface FeedbackAttachmentsTable {
  province_code: string;
  id: Generated<string>;
  feedback_code: string;
  file_name: string;
  media_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  uploader_kind: 'sender' | 'staff';
  uploader_id: string | null;
  uploaded_at: Timestamp;
}

// Queues (0006_queues.sql).
export interface QueueServiceGroupsTable {
  province_code: string;
  unit_code: string;
  code: string;
  name: string;
  prefix: string;
  sort_order: Generated<number>;
  slot_minutes: Generated<number>;
  slot_capacity: Generated<number>;
  active: Generated<boolean>;
}

export interface QueuePriorityPoliciesTable {
  province_code: string;
  unit_code: string;
  head_start_minutes: ColumnType<Record<string, number>, string, string>;
  max_consecutive_priority: number;
  updated_by: string;
  updated_at: Timestamp;
}

export interface QueueCountersTable {
  province_code: string;
  unit_code: string;
  code: string;
  name: string;
  service_groups: string[];
  officer_username: string | null;
  signed_in_at: Timestamp | null;
  priority_streak: Generated<number>;
  active: Generated<boolean>;
}

export interface QueueTicketSeriesTable {
  province_code: string;
  unit_code: string;
  service_group: string;
  day: string;
  last_value: number;
}

export interface QueueTicketsTable {
  province_code: string;
  id: Generated<string>;
  unit_code: string;
  day: string;
  service_group: string;
  issued_group: string;
  seq: number;
  number: string;
  priority: string;
  channel: string;
  status: string;
  issued_at: Timestamp;
  rank_at: Timestamp;
  target_counter_code: string | null;
  counter_code: string | null;
  officer_username: string | null;
  called_at: Timestamp | null;
  first_called_at: Timestamp | null;
  call_count: Generated<number>;
  serving_started_at: Timestamp | null;
  finished_at: Timestamp | null;
  appointment_id: string | null;
  dossier_code: string | null;
  issued_address: string | null;
}

export interface QueueTicketEventsTable {
  id: Generated<number>;
  province_code: string;
  ticket_id: string;
  unit_code: string;
  type: string;
  at: Timestamp;
  counter_code: string | null;
  actor_username: string | null;
  actor_roles: ColumnType<string[], string[] | undefined, never>;
  from_status: string | null;
  to_status: string;
  details: Json;
}

export interface QueueAppointmentsTable {
  province_code: string;
  id: Generated<string>;
  code: string;
  unit_code: string;
  service_group: string;
  slot_start: Timestamp;
  slot_end: Timestamp;
  full_name: string;
  phone: string;
  status: Generated<string>;
  ticket_id: string | null;
  created_at: Timestamp;
  checked_in_at: Timestamp | null;
}

export interface RestructurePlansTable {
  province_code: string;
  id: string;
  version: number;
  title: string;
  plan: Json;
  digest: string;
  effective_at: Timestamp;
  status: 'scheduled' | 'applied' | 'undone';
  touched: string[];
  undo: Json;
  impact: Json;
  created_by: string;
  created_at: DefaultedTimestamp;
  applied_at: Timestamp | null;
  undone_at: Timestamp | null;
}

export interface UnitRevisionsTable {
  code: string;
  changed_at: Timestamp;
  plan_id: string;
  name_before: string;
  parent_before: string | null;
}

export interface AuditSealsTable {
  seq: number;
  audit_id: number;
  hash: string;
  sealed_at: DefaultedTimestamp;
}

// One-time sign-in codes (0021).
export interface CitizenOtpCodesTable {
  id: Generated<string>;
  province_code: string;
  channel: 'sms' | 'email';
  identifier: string;
  code_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  attempts: Generated<number>;
  closed_at: Timestamp | null;
  closed_reason: 'used' | 'superseded' | 'locked' | null;
  address: string;
}

export interface DatabaseSchema {
  citizens: CitizensTable;
  citizen_otp_codes: CitizenOtpCodesTable;
  citizen_sessions: CitizenSessionsTable;
  oidc_login_requests: OidcLoginRequestsTable;
  online_filings: OnlineFilingsTable;
  payments: PaymentsTable;
  payment_callbacks: PaymentCallbacksTable;
  dossier_ratings: DossierRatingsTable;
  public_lookup_attempts: PublicLookupAttemptsTable;
  feedback: FeedbackTable;
  feedback_events: FeedbackEventsTable;
  feedback_publications: FeedbackPublicationsTable;
  feedback_attachments: FeedbackAttachmentsTable;
  job_leases: JobLeasesTable;
  dossier_timer_marks: DossierTimerMarksTable;
  audit_seals: AuditSealsTable;
  restructure_plans: RestructurePlansTable;
  unit_revisions: UnitRevisionsTable;
  notifications: NotificationsTable;
  queue_service_groups: QueueServiceGroupsTable;
  queue_counters: QueueCountersTable;
  queue_priority_policies: QueuePriorityPoliciesTable;
  queue_ticket_series: QueueTicketSeriesTable;
  queue_tickets: QueueTicketsTable;
  queue_ticket_events: QueueTicketEventsTable;
  queue_appointments: QueueAppointmentsTable;
  dossiers: DossiersTable;
  dossier_actions: DossierActionsTable;
  dossier_attachments: DossierAttachmentsTable;
  dossier_sequences: DossierSequencesTable;
  paper_transfers: PaperTransfersTable;
  sub_dossiers: SubDossiersTable;
  outbox: OutboxTable;
  national_portal_sync: NationalPortalSyncTable;
  calendar_settings: CalendarSettingsTable;
  calendar_years: CalendarYearsTable;
  calendar_unit_overrides: CalendarUnitOverridesTable;
  calendar_revisions: CalendarRevisionsTable;
  units: UnitsTable;
  unit_lineage: UnitLineageTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  password_reset_tokens: PasswordResetTokensTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeysTable;
  schema_migrations: SchemaMigrationsTable;
  procedures: ProceduresTable;
  procedure_versions: ProcedureVersionsTable;
  procedure_search: ProcedureSearchTable;
  catalog_words: CatalogWordsTable;
  publication_decisions: PublicationDecisionsTable;
  publication_decision_entries: PublicationDecisionEntriesTable;
  location_free_spans: LocationFreeSpansTable;
}
