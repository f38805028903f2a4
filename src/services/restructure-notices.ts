// When a restructuring plan takes effect, the citizens whose place changes are told, in the plan's own
// transaction (the messages exist exactly when the move committed; dedupe keys name the plan, so a
// retried apply queues nothing new):
// - applicants whose result will now be returned at a successor unit (as every message to an applicant:
//   SMS, and e-mail when given); not those receiving it by post, for whom the place changes nothing;
// - citizens with a booked appointment at a closed point, kept at the same time at its successor (SMS).
// A dossier moved only between agencies (competent unit) is internal: the applicant is not disturbed.
import type { Db } from '../store/database.ts';
import { findDossiers } from '../store/dossiers.ts';
import type { DossierMove } from '../store/restructure.ts';
import { findAppointments } from '../store/queue-appointments.ts';
import { enqueueNotifications, type NotificationRequest } from '../store/notifications.ts';
import type { MovedAppointment } from '../store/restructure-open-work.ts';
import { placesOf } from '../store/units.ts';
import { dateVN } from '../domain/dossier/vn-text.ts';
import { applicantRequests } from './notifications/dossier-notifier.ts';

interface PlanRef {
  id: string;
  effectiveAt: number;
}

/** Codes in batches of 1,000, so a plan moving many dossiers sends bounded statements. */
function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += 1000) out.push(items.slice(i, i + 1000));
  return out;
}

/** Queues the "new return place" messages of the moved dossiers; answers how many dossiers were told. */
export async function noticeMovedReturnPlaces(db: Db, provinceCode: string, plan: PlanRef, moves: readonly DossierMove[]): Promise<number> {
  const returns = new Map<string, { from: string; to: string }>();
  for (const m of moves) {
    const moved = m.roleMoves.find((x) => x.role === 'return');
    if (moved) returns.set(m.code, moved);
  }
  if (returns.size === 0) return 0;
  const places = await placesOf(db, [...returns.values()].flatMap((r) => [r.from, r.to]));
  const requests: NotificationRequest[] = [];
  let told = 0;
  for (const codes of chunks([...returns.keys()])) {
    for (const dossier of await findDossiers(db, provinceCode, codes)) {
      if (dossier.returnByPost) continue;
      const { from, to } = returns.get(dossier.code)!;
      requests.push(...applicantRequests(dossier, {
        template: 'dossier.return_place_changed', cause: `restructure:${plan.id}`,
        payload: { effectiveDate: dateVN(plan.effectiveAt), previousPlace: places.get(from)?.name ?? from, returnPlace: places.get(to)?.name ?? to, returnAddress: places.get(to)?.address ?? null },
      }));
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
    const appointments = await findAppointments(db, provinceCode, codes);
    const places = await placesOf(db, appointments.flatMap((a) => [a.unitCode, from.get(a.code)!]));
    for (const a of appointments) {
      const before = from.get(a.code)!;
      requests.push({
        channel: 'sms', recipient: a.phone, template: 'queue.appointment_moved', subjectKind: 'appointment', subjectCode: a.code,
        payload: {
          code: a.code, fullName: a.fullName, slotStart: new Date(a.slotStart).toISOString(), effectiveDate: dateVN(plan.effectiveAt),
          previousPlace: places.get(before)?.name ?? before, place: places.get(a.unitCode)?.name ?? a.unitCode, address: places.get(a.unitCode)?.address ?? null,
        },
        dedupeKey: `appointment:${a.code}:restructure:${plan.id}:sms`,
      });
    }
  }
  await enqueueNotifications(db, provinceCode, requests);
  return requests.length;
}
