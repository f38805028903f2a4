// The paper file's journey between units (paper_transfers, migration 0008).
import { sql } from 'kysely';
import type { PaperPurpose, PaperTransfer } from '../domain/dossier/index.ts';
import type { Db } from './database.ts';

export interface PaperTransferRecord extends PaperTransfer {
  dossierCode: string;
  seq: number;
  cancelledAt: number | null;
  cancelReason: string | null;
}

type Row = {
  dossier_code: string; seq: number; purpose: PaperPurpose; from_unit_code: string; to_unit_code: string; ready_at: Date;
  deadline: Date | null; deadline_rule: string | null; sent_by: string | null; sent_unit_code: string | null; sent_at: Date | null;
  received_by: string | null; received_unit_code: string | null; received_at: Date | null; cancelled_at: Date | null; cancel_reason: string | null;
};

const toRecord = (r: Row): PaperTransferRecord => ({
  dossierCode: r.dossier_code,
  seq: r.seq,
  purpose: r.purpose,
  fromUnitCode: r.from_unit_code,
  toUnitCode: r.to_unit_code,
  readyAt: r.ready_at.getTime(),
  deadline: r.deadline?.getTime() ?? null,
  deadlineRule: (r.deadline_rule as PaperTransfer['deadlineRule']) ?? null,
  sent: r.sent_at && r.sent_by ? { username: r.sent_by, unitCode: r.sent_unit_code ?? r.from_unit_code, at: r.sent_at.getTime() } : null,
  received: r.received_at && r.received_by ? { username: r.received_by, unitCode: r.received_unit_code ?? r.to_unit_code, at: r.received_at.getTime() } : null,
  cancelledAt: r.cancelled_at?.getTime() ?? null,
  cancelReason: r.cancel_reason,
});

/** Opens a transfer record with the next number of the dossier; returns that number. */
export async function insertPaperTransfer(db: Db, provinceCode: string, dossierCode: string, t: PaperTransfer): Promise<number> {
  const last = await db
    .selectFrom('paper_transfers')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('province_code', '=', provinceCode)
    .where('dossier_code', '=', dossierCode)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await db
    .insertInto('paper_transfers')
    .values({
      province_code: provinceCode,
      dossier_code: dossierCode,
      seq,
      purpose: t.purpose,
      from_unit_code: t.fromUnitCode,
      to_unit_code: t.toUnitCode,
      ready_at: new Date(t.readyAt),
      deadline: t.deadline === null ? null : new Date(t.deadline),
      deadline_rule: t.deadlineRule,
      sent_by: t.sent?.username ?? null,
      sent_unit_code: t.sent?.unitCode ?? null,
      sent_at: t.sent ? new Date(t.sent.at) : null,
    })
    .execute();
  return seq;
}

export async function listPaperTransfers(db: Db, provinceCode: string, dossierCode: string): Promise<PaperTransferRecord[]> {
  const rows = await db
    .selectFrom('paper_transfers')
    .selectAll()
    .where('province_code', '=', provinceCode)
    .where('dossier_code', '=', dossierCode)
    .orderBy('seq')
    .execute();
  return rows.map(toRecord);
}

/** Records a handover; false when it was already recorded (the row changed under us). */
export async function recordHandover(
  db: Db,
  provinceCode: string,
  dossierCode: string,
  seq: number,
  side: 'sent' | 'received',
  handover: { username: string; unitCode: string; at: number },
): Promise<boolean> {
  const at = new Date(handover.at);
  const result = side === 'sent'
    ? await db.updateTable('paper_transfers').set({ sent_by: handover.username, sent_unit_code: handover.unitCode, sent_at: at })
      .where('province_code', '=', provinceCode).where('dossier_code', '=', dossierCode).where('seq', '=', seq)
      .where('sent_at', 'is', null).where('cancelled_at', 'is', null).executeTakeFirst()
    : await db.updateTable('paper_transfers').set({ received_by: handover.username, received_unit_code: handover.unitCode, received_at: at })
      .where('province_code', '=', provinceCode).where('dossier_code', '=', dossierCode).where('seq', '=', seq)
      .where('received_at', 'is', null).where('sent_at', 'is not', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Papers that will not leave any more (the dossier ended at the counter). */
export async function cancelUnsentTransfers(db: Db, provinceCode: string, dossierCode: string, at: Date, reason: string): Promise<number> {
  const result = await db
    .updateTable('paper_transfers')
    .set({ cancelled_at: at, cancel_reason: reason })
    .where('province_code', '=', provinceCode)
    .where('dossier_code', '=', dossierCode)
    .where('sent_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface PendingTransferQuery {
  unitCodes: readonly string[];
  /** outgoing: still to be sent from these units; incoming: still to be received by them. */
  direction: 'outgoing' | 'incoming' | 'both';
  limit: number;
}

/** Transfers not yet delivered that involve the units, earliest deadline first (no deadline last). */
export async function listPendingTransfers(db: Db, provinceCode: string, q: PendingTransferQuery): Promise<PaperTransferRecord[]> {
  if (q.unitCodes.length === 0) return [];
  const rows = await db
    .selectFrom('paper_transfers')
    .selectAll()
    .where('province_code', '=', provinceCode)
    .where('cancelled_at', 'is', null)
    .where('received_at', 'is', null)
    .where((eb) => {
      const outgoing = eb.and([eb('from_unit_code', 'in', q.unitCodes), eb('sent_at', 'is', null)]);
      const incoming = eb('to_unit_code', 'in', q.unitCodes);
      return q.direction === 'outgoing' ? outgoing : q.direction === 'incoming' ? incoming : eb.or([outgoing, incoming]);
    })
    .orderBy(sql`deadline IS NULL`)
    .orderBy('deadline')
    .orderBy('ready_at')
    .limit(q.limit)
    .execute();
  return rows.map(toRecord);
}
