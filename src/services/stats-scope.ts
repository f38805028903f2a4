// Which dossiers a statistics question covers: a unit's subtree (the caller's by default), checked
// against the caller's own scope, optionally narrowed to a field, a procedure or a channel.
import { forbidden, invalid, notFound } from '../domain/errors.ts';
import { parsePeriod, type Period, type PeriodInput } from '../domain/stats/period.ts';
import { findUnit, subtreeCodesOf } from '../store/units.ts';
import { procedureCodesOfField } from '../store/stats.ts';
import type { Unit } from '../domain/network/unit.ts';
import type { Actor, ServiceContext } from './context.ts';

export interface StatsQuery extends PeriodInput {
  unitCode?: string | undefined;
  field?: string | undefined;
  procedureCode?: string | undefined;
  channel?: string | undefined;
}

export interface StatsScope {
  period: Period;
  unit: Unit;
  unitCodes: string[];
  procedureCodes?: string[] | undefined;
  channel?: string | undefined;
}

const CHANNELS = new Set(['direct', 'online', 'postal']);

export async function resolveStatsScope(ctx: ServiceContext, actor: Actor, query: StatsQuery, maxDays?: number): Promise<StatsScope> {
  const period = parsePeriod(query, ctx.now().getTime(), maxDays);
  const unitCode = query.unitCode ?? actor.unitCode;
  const unit = await findUnit(ctx.db, unitCode);
  if (!unit) throw notFound('UNIT_NOT_FOUND', `Không có đơn vị mã "${unitCode}".`, { field: 'unitCode', value: unitCode });
  const own = await subtreeCodesOf(ctx.db, actor.unitCode);
  if (!own.includes(unitCode)) {
    throw forbidden('OUT_OF_SCOPE', `Đơn vị "${unit.name}" nằm ngoài phạm vi quản lý của bạn.`, { unitCode });
  }
  const unitCodes = await subtreeCodesOf(ctx.db, unitCode);
  if (query.channel !== undefined && !CHANNELS.has(query.channel)) {
    throw invalid('INVALID_CHANNEL', 'Kênh nộp phải là direct, online hoặc postal.', { field: 'channel', value: query.channel });
  }
  let procedureCodes: string[] | undefined;
  if (query.field !== undefined && query.field.trim() !== '') procedureCodes = await procedureCodesOfField(ctx.db, ctx.provinceCode, query.field);
  if (query.procedureCode !== undefined && query.procedureCode.trim() !== '') {
    procedureCodes = procedureCodes ? procedureCodes.filter((c) => c === query.procedureCode) : [query.procedureCode];
  }
  return { period, unit, unitCodes, procedureCodes, channel: query.channel };
}
