// Stored calendar edits: confirmed or edited years, province settings, unit overrides, and a revision
// number that every instance checks to know when its compiled calendars are stale.
import { sql } from 'kysely';
import type { Db } from './database.ts';
import type { YearSchedule, UnitCalendarOverride } from '../domain/calendar/index.ts';

export interface StoredCalendar {
  revision: number;
  settings: Record<string, unknown> | null;
  years: Record<string, YearSchedule>;
}

export async function calendarRevision(db: Db, provinceCode: string): Promise<number> {
  const row = await db.selectFrom('calendar_revisions').select('revision').where('province_code', '=', provinceCode).executeTakeFirst();
  return row ? Number(row.revision) : 0;
}

export async function loadStoredCalendar(db: Db, provinceCode: string): Promise<StoredCalendar> {
  const revision = await calendarRevision(db, provinceCode);
  const settings = await db.selectFrom('calendar_settings').select('settings').where('province_code', '=', provinceCode).executeTakeFirst();
  const rows = await db.selectFrom('calendar_years').select(['year', 'schedule']).where('province_code', '=', provinceCode).execute();
  return {
    revision,
    settings: (settings?.settings as Record<string, unknown> | undefined) ?? null,
    years: Object.fromEntries(rows.map((r) => [String(r.year), r.schedule as YearSchedule])),
  };
}

export async function saveYear(db: Db, provinceCode: string, year: number, schedule: YearSchedule, by: string, reason: string, at: Date) {
  await sql`
    INSERT INTO calendar_years (province_code, year, schedule, updated_at, updated_by, reason)
    VALUES (${provinceCode}, ${year}, ${JSON.stringify(schedule)}::jsonb, ${at}, ${by}, ${reason})
    ON CONFLICT (province_code, year) DO UPDATE
      SET schedule = EXCLUDED.schedule, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by, reason = EXCLUDED.reason`.execute(db);
}

export async function loadUnitOverride(db: Db, unitCode: string): Promise<UnitCalendarOverride | undefined> {
  const row = await db.selectFrom('calendar_unit_overrides').select('override').where('unit_code', '=', unitCode).executeTakeFirst();
  return row ? (row.override as UnitCalendarOverride) : undefined;
}

/** Bumps the province's calendar revision; answers the new one. */
export async function bumpCalendarRevision(db: Db, provinceCode: string): Promise<number> {
  const result = await sql<{ revision: number }>`
    INSERT INTO calendar_revisions (province_code, revision) VALUES (${provinceCode}, 1)
    ON CONFLICT (province_code) DO UPDATE SET revision = calendar_revisions.revision + 1
    RETURNING revision`.execute(db);
  return Number(result.rows[0]!.revision);
}

export async function saveUnitOverride(db: Db, unitCode: string, override: UnitCalendarOverride, by: string, at: Date): Promise<void> {
  await sql`
    INSERT INTO calendar_unit_overrides (unit_code, override, updated_at, updated_by)
    VALUES (${unitCode}, ${JSON.stringify(override)}::jsonb, ${at}, ${by})
    ON CONFLICT (unit_code) DO UPDATE SET override = EXCLUDED.override, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`.execute(db);
}

export async function saveProvinceSettings(db: Db, provinceCode: string, settings: Record<string, unknown>, by: string, at: Date): Promise<void> {
  await sql`
    INSERT INTO calendar_settings (province_code, settings, updated_at, updated_by)
    VALUES (${provinceCode}, ${JSON.stringify(settings)}::jsonb, ${at}, ${by})
    ON CONFLICT (province_code) DO UPDATE SET settings = EXCLUDED.settings, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`.execute(db);
}
