// When a restructuring plan takes effect, the citizens whose place changes are told, in the plan's own
// transaction (the messages exist exactly when the move committed; dedupe keys name the plan, so a
// retried apply queues nothing new):
// - applicants whose result will now be returned at a successor unit (SMS, and e-mail when given);
//   not those receiving it by post, for whom the place does not change anything;
// - citizens with a booked appointment at a closed point, kept at the same time at its successor (SMS).
// A dossier moved only between agencies (competent unit) is internal: the applicant is not disturbed.
import type { Db } from '../store/database.ts';
import { enqueueNotifications, type NotificationRequest } from '../store/notifications.ts';
import type { DossierMove } from '../store/restructure.ts';
import type { MovedAppointment } from '../store/restructure-open-work.ts';
import { dateVN } from '../domain/dossier/vn-text.ts';

interface Place {
  name: string;
  address: string | null;
}

interface PlanRef {
  id: string;
  effectiveAt: number;
}

const BATCH = 1000;

async function placesOf(db: Db, codes: readonly string[]): Promise<Map<string, Place>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('units').select(['code', 'name', 'address']).where('code', 'in', unique).execute();
  return new Map(rows.map((r) => [r.code, { name: r.name, address: r.address }]));
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

/** Queues the "new return place" messages of the moved dossiers; answers how many dossiers were told. */
export async function noticeMovedReturnPlaces(db: Db, provinceCode: string, plan: PlanRef, moves: readonly DossierMove[]): Promise<number> {
  const returns = new Map<string, { from: string; to: string }>();
  for (const m of moves) {
    const moved = (m.payload.moves as Array<{ role: string; from: string; to: string }> | undefined)?.find((x) => x.role === 'return');
    if (moved) returns.set(m.code, moved);
  }
  if (returns.size === 0) return 0;
  const places = await placesOf(db, [...returns.values()].flatMap((r) => [r.from, r.to]));
  const requests: NotificationRequest[] = [];
  let told = 0;
  for (const codes of chunks([...returns.keys()])) {
    const dossiers = await db.selectFrom('dossiers').select(['code', 'applicant', 'applicant_phone', 'procedure_name', 'return_by_post'])
      .where('province_code', '=', provinceCode).where('code', 'in', codes).execute();
    for (const d of dossiers) {
      if (d.return_by_post) continue;
      const { from, to } = returns.get(d.code)!;
      const applicant = d.applicant as { fullName?: string; email?: string | null };
      const payload = {
        code: d.code, procedureName: d.procedure_name, applicantName: applicant.fullName ?? '', effectiveDate: dateVN(plan.effectiveAt),
        previousPlace: places.get(from)?.name ?? from, returnPlace: places.get(to)?.name ?? to, returnAddress: places.get(to)?.address ?? null,
      };
      const recipients: Array<['sms' | 'email', string]> = [['sms', d.applicant_phone]];
      if (typeof applicant.email === 'string' && applicant.email.includes('@')) recipients.unshift(['email', applicant.email.trim()]);
      for (const [channel, recipient] of recipients) {
        requests.push({ channel, recipient, template: 'dossier.return_place_changed', payload, subjectKind: 'dossier', subjectCode: d.code,
          dedupeKey: `dossier:${d.code}:restructure:${plan.id}:${channel}` });
      }
      told++;
    }
  }
  await enqueueNotifications(db, provinceCode, requests);
  return told;
}

/** Queues the "appointment moved" SMS of the appointments a plan moved; answers how many. */
export async function noticeMovedAppointments(db: Db, provinceCode: string, plan: PlanRef, moved: readonly MovedAppointment[]): Promise<number> {
  const from = new Map(moved.map((m) => [m.code, m.from]));
  const requests: NotificationRequest[] = [];
  for (const codes of chunks([...from.keys()])) {
    const rows = await db.selectFrom('queue_appointments').select(['code', 'unit_code', 'full_name', 'phone', 'slot_start'])
      .where('province_code', '=', provinceCode).where('code', 'in', codes).execute();
    const places = await placesOf(db, rows.flatMap((r) => [r.unit_code, from.get(r.code)!]));
    for (const a of rows) {
      const before = from.get(a.code)!;
      requests.push({
        channel: 'sms', recipient: a.phone, template: 'queue.appointment_moved', subjectKind: 'appointment', subjectCode: a.code,
        payload: {
          code: a.code, fullName: a.full_name, slotStart: new Date(a.slot_start).toISOString(), effectiveDate: dateVN(plan.effectiveAt),
          previousPlace: places.get(before)?.name ?? before, place: places.get(a.unit_code)?.name ?? a.unit_code,
          address: places.get(a.unit_code)?.address ?? null,
        },
        dedupeKey: `appointment:${a.code}:restructure:${plan.id}:sms`,
      });
    }
  }
  await enqueueNotifications(db, provinceCode, requests);
  return requests.length;
}
