// Queries over the effective-dated network.
import { sql } from 'kysely';
import type { Db } from './database.ts';
import type { Unit, UnitType } from '../domain/network/unit.ts';
import type { UnitsTable } from './schema.ts';
import type { Selectable } from 'kysely';

export interface UnitView extends Unit {
  successorCodes: string[];
}

export interface UnitQuery {
  type?: UnitType | undefined;
  at: Date;
  parentCode?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

function toUnit(row: Selectable<UnitsTable>): Unit {
  return {
    code: row.code,
    provinceCode: row.province_code,
    name: row.name,
    shortName: row.short_name,
    type: row.type,
    agencyLevel: row.agency_level,
    parentCode: row.parent_code,
    areaCode: row.area_code,
    agencyIdentifier: row.agency_identifier,
    address: row.address,
    validFrom: row.valid_from.getTime(),
    validTo: row.valid_to ? row.valid_to.getTime() : null,
  };
}

export async function insertUnits(db: Db, units: readonly Unit[]): Promise<void> {
  // Parents first, so the foreign key holds whatever order the caller used.
  const ordered = orderParentsFirst(units);
  for (let i = 0; i < ordered.length; i += 500) {
    await db
      .insertInto('units')
      .values(
        ordered.slice(i, i + 500).map((u) => ({
          code: u.code,
          province_code: u.provinceCode,
          name: u.name,
          short_name: u.shortName,
          type: u.type,
          agency_level: u.agencyLevel,
          parent_code: u.parentCode,
          area_code: u.areaCode,
          agency_identifier: u.agencyIdentifier,
          address: u.address,
          valid_from: new Date(u.validFrom),
          valid_to: u.validTo === null ? null : new Date(u.validTo),
        })),
      )
      .execute();
  }
}

function orderParentsFirst(units: readonly Unit[]): Unit[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const placed = new Set<string>();
  const result: Unit[] = [];
  const place = (unit: Unit) => {
    if (placed.has(unit.code)) return;
    placed.add(unit.code);
    const parent = unit.parentCode ? byCode.get(unit.parentCode) : undefined;
    if (parent) place(parent);
    result.push(unit);
  };
  units.forEach(place);
  return result;
}

export async function listUnits(db: Db, query: UnitQuery): Promise<{ items: UnitView[]; total: number }> {
  let base = db
    .selectFrom('units')
    .where('valid_from', '<=', query.at)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', query.at)]));
  if (query.type) base = base.where('type', '=', query.type);
  if (query.parentCode) base = base.where('parent_code', '=', query.parentCode);
  if (query.q && query.q.trim() !== '') {
    const pattern = `%${escapeLike(query.q.trim().toLowerCase())}%`;
    base = base.where((eb) =>
      eb.or([
        eb(sql`unaccent(lower(units.name))`, 'like', sql`unaccent(${pattern})`),
        eb(sql`lower(units.code)`, 'like', pattern),
      ]),
    );
  }
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base.selectAll('units').orderBy('type').orderBy('code').limit(query.limit).offset(query.offset).execute();
  const successors = await successorsOf(db, rows.map((r) => r.code));
  return { items: rows.map((row) => ({ ...toUnit(row), successorCodes: successors.get(row.code) ?? [] })), total: Number(total) };
}

export async function successorsOf(db: Db, codes: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (codes.length === 0) return result;
  const rows = await db
    .selectFrom('unit_lineage')
    .select(['predecessor_code', 'successor_code'])
    .where('predecessor_code', 'in', codes)
    .orderBy('successor_code')
    .execute();
  for (const row of rows) {
    const list = result.get(row.predecessor_code) ?? [];
    list.push(row.successor_code);
    result.set(row.predecessor_code, list);
  }
  return result;
}

export async function findUnit(db: Db, code: string): Promise<Unit | undefined> {
  const row = await db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? toUnit(row) : undefined;
}

/** Name and address of units by code, for messages telling citizens where to go. */
export async function placesOf(db: Db, codes: readonly string[]): Promise<Map<string, { name: string; address: string | null }>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('units').select(['code', 'name', 'address']).where('code', 'in', unique).execute();
  return new Map(rows.map((r) => [r.code, { name: r.name, address: r.address }]));
}

/** The unit and everything below it (its scope), through parent links, at any time. */
export async function subtreeCodesOf(db: Db, rootCode: string): Promise<string[]> {
  const result = await sql<{ code: string }>`
    WITH RECURSIVE tree AS (
      SELECT code FROM units WHERE code = ${rootCode}
      UNION
      SELECT u.code FROM units u JOIN tree t ON u.parent_code = t.code
    ) SELECT code FROM tree`.execute(db);
  return result.rows.map((r) => r.code);
}

export async function countUnits(db: Db): Promise<number> {
  const row = await db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Every unit ever in the network (effective-dated), for routing and scope decisions. */
export async function listAllUnits(db: Db): Promise<Unit[]> {
  const rows = await db.selectFrom('units').selectAll().orderBy('code').execute();
  return rows.map(toUnit);
}
