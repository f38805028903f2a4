// Which unit answers a message (đơn vị chịu trách nhiệm):
// - about a dossier whose code and phone match: the unit holding the dossier now (receiving unit before
//   the transfer, competent agency while it is processed, return unit once the result is ready);
// - about a province-level procedure: its competent department;
// - otherwise (a field, a commune-level procedure whose commune is unknown, an unverified dossier code,
//   a suggestion): the Center, which classifies and forwards (reassign).
export interface DossierPlace {
  status: string;
  receivingUnitCode: string;
  competentUnitCode: string;
  returnUnitCode: string;
}

export type RoutingBasis = 'dossier' | 'procedure' | 'center';

export interface FeedbackRouting {
  unitCode: string;
  basis: RoutingBasis;
}

/** The unit holding a dossier in a given status. */
export function dossierCurrentUnit(dossier: DossierPlace): string {
  switch (dossier.status) {
    case 'received':
    case 'withdrawn':
      return dossier.receivingUnitCode;
    case 'result_ready':
    case 'returned':
      return dossier.returnUnitCode;
    default:
      return dossier.competentUnitCode;
  }
}

export function routeFeedback(input: {
  centerCode: string;
  /** Only when the dossier code matched the sender's phone. */
  linkedDossier?: DossierPlace | null;
  /** A valid department for a province-level procedure, else null. */
  procedureAgencyCode?: string | null;
}): FeedbackRouting {
  if (input.linkedDossier) return { unitCode: dossierCurrentUnit(input.linkedDossier), basis: 'dossier' };
  if (input.procedureAgencyCode) return { unitCode: input.procedureAgencyCode, basis: 'procedure' };
  return { unitCode: input.centerCode, basis: 'center' };
}
