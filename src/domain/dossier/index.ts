// Public API of the dossier domain: statuses and portal codes, the state machine, dossier codes and
// agency identifiers, routing and the location-free check, applicant validation, paper transfers.
export {
  CHANNEL_LABELS_VI,
  CHANNEL_PORTAL_CODES,
  CHANNELS,
  CLOCK_FINISHED_STATUSES,
  DOSSIER_STATUSES,
  isDossierStatus,
  isTerminal,
  PORTAL_STATUS_LABELS_VI,
  portalStatusCode,
  STATUS_LABELS_VI,
  TERMINAL_STATUSES,
  type Channel,
  type DossierStatus,
  type PortalStatusCode,
  type PortalStatusContext,
} from './status.ts';
export {
  ACTION_LABELS_VI,
  ACTION_TYPES,
  isActionType,
  PAUSE_REASON_LABELS_VI,
  PAUSE_REASONS,
  type ActionRequest,
  type ActionRequestOf,
  type ActionType,
  type PauseActionReason,
  type ReturnMethod,
} from './action.ts';
export { describePerformer, SIDE_LABELS_VI, type ActorFacts, type DossierUnits, type Performer, type UnitSide } from './actor.ts';
export { allowedFromStatuses, nextStatusOf, performersFrom, TRANSITIONS, type TransitionRule } from './transitions.ts';
export { FORM_TEMPLATES, type Accepted, type Decision, type Effect, type FormKind, type PaperPurpose, type Refused } from './decision.ts';
export { applyDecision, receivedDossier, type DossierFacts } from './dossier-facts.ts';
export { actionLabel, actionRefusal, allowedActions, decide } from './state-machine.ts';
export type { FieldIssue } from './dossier-errors.ts';
export {
  agencyIdentifierOf,
  agencyIdentifierProblem,
  defaultAgencyIdentifier,
  isAgencyIdentifier,
  PLACEHOLDER_PROVINCE_ROOT,
} from './agency-identifier.ts';
export {
  compareDossierCodes,
  formatDossierCode,
  formatSequence,
  MAX_SEQUENCE,
  normaliseDossierCode,
  parseDossierCode,
  SEQUENCE_DIGITS,
  sequenceDay,
  type DossierCodeParts,
} from './dossier-code.ts';
export { districtOfCommune, unitAt, validUnits, type NetworkUnit } from './network-lookup.ts';
export {
  checkFilingPlace,
  competentAgency,
  DEFAULT_COMMUNE_FIELD,
  ownAreaReceivers,
  type FilingPlace,
  type FilingPlaceRequest,
  type RoutingRequest,
} from './routing.ts';
export {
  validateApplicant,
  type Applicant,
  type ApplicantAddress,
  type CitizenApplicant,
  type OrganizationApplicant,
  type Representative,
} from './applicant.ts';
export {
  checkEmail,
  checkIdNumber,
  checkMobilePhone,
  checkPhone,
  checkTaxCode,
  decodeIdNumber,
  isMobilePhone,
  type Check,
  type IdNumberFacts,
} from './identity-numbers.ts';
export { applicantInitials, maskIdNumber, maskPhone } from './privacy.ts';
export {
  paperTransferStatus,
  planPaperTransfer,
  recordPaperReceived,
  recordPaperSent,
  type Handover,
  type PaperStage,
  type PaperTransfer,
  type PaperTransferStatus,
} from './paper-transfer.ts';
export type { Result } from '../sla/result.ts';
