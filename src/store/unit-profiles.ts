// The editable profile of a unit (name, contact, position, identifier, screens) beside its structure.
import { sql } from 'kysely';
import type { Db } from './database.ts';
import type { UnitProfile } from '../domain/network/unit-profile.ts';

export async function loadUnitProfile(db: Db, code: string, lock = false): Promise<UnitProfile | undefined> {
  let query = db.selectFrom('units')
    .select(['name', 'short_name', 'address', 'phone', 'email', 'latitude', 'longitude', 'agency_identifier', 'display_screens'])
    .where('code', '=', code);
  if (lock) query = query.forUpdate();
  const r = await query.executeTakeFirst();
  return r
    ? { name: r.name, shortName: r.short_name, address: r.address, phone: r.phone, email: r.email,
        latitude: r.latitude === null ? null : Number(r.latitude), longitude: r.longitude === null ? null : Number(r.longitude),
        agencyIdentifier: r.agency_identifier, displayScreens: r.display_screens ?? [] }
    : undefined;
}

export async function saveUnitProfile(db: Db, code: string, p: UnitProfile): Promise<void> {
  await db.updateTable('units').set({
    name: p.name, short_name: p.shortName, address: p.address, phone: p.phone, email: p.email, latitude: p.latitude, longitude: p.longitude,
    agency_identifier: p.agencyIdentifier, display_screens: JSON.stringify(p.displayScreens),
  }).where('code', '=', code).execute();
}

/** Another unit valid at `at` whose configured identifier is this one (codes must not mix two agencies). */
export async function unitWithIdentifier(db: Db, identifier: string, exceptCode: string, at: Date): Promise<{ code: string; name: string } | undefined> {
  return db.selectFrom('units').select(['code', 'name'])
    .where('agency_identifier', '=', identifier).where('code', '<>', exceptCode)
    .where('valid_from', '<=', at).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', at)]))
    .executeTakeFirst();
}

export interface UnitProfileRow extends UnitProfile {
  code: string;
  type: string;
  parentCode: string | null;
  areaCode: string | null;
  agencyLevel: string | null;
}

/** Units valid at `at` within `scope` (codes), with their profiles, for the administration tree. */
export async function listUnitProfiles(db: Db, scope: readonly string[], at: Date): Promise<UnitProfileRow[]> {
  if (scope.length === 0) return [];
  const rows = await db.selectFrom('units').selectAll()
    .where('code', 'in', scope)
    .where('valid_from', '<=', at).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', at)]))
    .orderBy(sql`CASE type WHEN 'center' THEN 0 WHEN 'branch' THEN 1 WHEN 'reception_point' THEN 2 ELSE 3 END`).orderBy('code')
    .execute();
  return rows.map((r) => ({
    code: r.code, type: r.type, parentCode: r.parent_code, areaCode: r.area_code, agencyLevel: r.agency_level,
    name: r.name, shortName: r.short_name, address: r.address, phone: r.phone, email: r.email,
    latitude: r.latitude === null ? null : Number(r.latitude), longitude: r.longitude === null ? null : Number(r.longitude),
    agencyIdentifier: r.agency_identifier, displayScreens: r.display_screens ?? [],
  }));
}
