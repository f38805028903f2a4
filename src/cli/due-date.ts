// `motcua due-date --from INSTANT (--days N | --hours N) [--unit CODE] [--data-dir DIR]`
// Prints one line: the legal due instant (ISO 8601, +07:00) on the province calendar. Administrators'
// calendar edits are read from the server database (DATABASE_URL) or from an embedded database named
// with --data-dir (not while a server is using it); without either, the shipped calendar is used.
import { parseArgs } from 'node:util';
import { loadSettings } from '../config/settings.ts';
import { PROVINCE_CODE } from '../config/province.ts';
import { openDatabase } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';
import { compileCalendar, dueDate, formatInstantVN, parseInstant } from '../domain/calendar/index.ts';
import { durationFromText } from '../domain/calendar/duration-text.ts';
import { computeDueDate, definitionFromStored } from '../services/calendar.ts';
import { invalid } from '../domain/errors.ts';

export async function runDueDate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { from: { type: 'string' }, days: { type: 'string' }, hours: { type: 'string' }, unit: { type: 'string' }, 'data-dir': { type: 'string' } },
    strict: true,
  });
  if (values.from === undefined) throw invalid('REQUIRED', '--from là bắt buộc (required), ví dụ --from 2025-02-03T10:00:00+07:00', { field: '--from' });
  const from = parseInstant(values.from, '--from');
  const duration = durationFromText(values.days, values.hours, { days: '--days', hours: '--hours' });
  const settings = loadSettings(process.env, values['data-dir'] ? { dataDir: values['data-dir'] } : {});

  if (!settings.databaseUrl && !values['data-dir']) {
    if (values.unit) throw invalid('UNKNOWN_UNIT', '--unit cần cơ sở dữ liệu (DATABASE_URL hoặc --data-dir).', { field: '--unit' });
    const calendar = compileCalendar(definitionFromStored({ settings: null, years: {} }));
    process.stdout.write(`${formatInstantVN(dueDate(calendar, from, duration))}\n`);
    return 0;
  }
  const handle = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir, poolSize: 2 });
  try {
    await migrate(handle.db);
    const ctx = { db: handle.db, settings, provinceCode: PROVINCE_CODE, now: () => new Date() };
    const answer = await computeDueDate(ctx, { from, duration, unitCode: values.unit });
    process.stdout.write(`${formatInstantVN(answer.dueAt)}\n`);
    if (answer.provisional) process.stderr.write('Lưu ý: có năm lịch nghỉ lễ tạm tính, chưa được xác nhận (provisional holidays).\n');
    return 0;
  } finally {
    await handle.close();
  }
}
