// The rows of a one-stop unit's tracking book (Sổ theo dõi hồ sơ): the dossiers it received in a period,
// in order of receipt, with the instants of the hand-overs the book records.
import type { Db } from './database.ts';

export interface TrackingBookRow {
  code: string;
  procedureName: string;
  applicant: Record<string, unknown>;
  applicantPhone: string;
  competentUnitCode: string;
  receivedAt: Date;
  dueAt: Date | null;
  status: string;
  /** First instant of each step type (transfer, record_result, return_result, reject, withdraw). */
  steps: Record<string, Date>;
}

const BOOK_STEPS = ['transfer', 'record_result', 'return_result', 'reject', 'withdraw'];

export async function trackingBookRows(db: Db, provinceCode: string, unitCode: string, from: Date, to: Date, limit: number): Promise<TrackingBookRow[]> {
  const dossiers = await db
    .selectFrom('dossiers')
    .select(['code', 'procedure_name', 'applicant', 'applicant_phone', 'competent_unit_code', 'received_at', 'due_at', 'status'])
    .where('province_code', '=', provinceCode)
    .where('receiving_unit_code', '=', unitCode)
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .orderBy('received_at')
    .orderBy('code')
    .limit(limit)
    .execute();
  if (dossiers.length === 0) return [];
  const actions = await db
    .selectFrom('dossier_actions')
    .select(['dossier_code', 'type', 'at'])
    .where('province_code', '=', provinceCode)
    .where('dossier_code', 'in', dossiers.map((d) => d.code))
    .where('type', 'in', BOOK_STEPS)
    .orderBy('seq')
    .execute();
  const steps = new Map<string, Record<string, Date>>();
  for (const a of actions) {
    const of = steps.get(a.dossier_code) ?? {};
    of[a.type] ??= a.at;
    steps.set(a.dossier_code, of);
  }
  return dossiers.map((d) => ({
    code: d.code,
    procedureName: d.procedure_name,
    applicant: d.applicant as Record<string, unknown>,
    applicantPhone: d.applicant_phone,
    competentUnitCode: d.competent_unit_code,
    receivedAt: d.received_at,
    dueAt: d.due_at,
    status: d.status,
    steps: steps.get(d.code) ?? {},
  }));
}
