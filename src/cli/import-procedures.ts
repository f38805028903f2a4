// `motcua import procedures FILE [--partial] [--dry-run] [--effective-at DATE] [--plain-days working|unparsed]
//  [--data-dir DIR] [--json]`: imports or updates procedures from a JSON, CSV or XLSX file into the
// server database (DATABASE_URL) or the embedded one (--data-dir, not while a server uses it). Prints a
// summary, every rejected row with its line and reason, and what could not be normalised; exits 1 when
// a row (or the file) was rejected. Progress goes to stderr when it is a terminal.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { loadSettings } from '../config/settings.ts';
import { PROVINCE_CODE } from '../config/province.ts';
import { openDatabase } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';
import { invalid, isAppError } from '../domain/errors.ts';
import { parseDateOrInstant } from '../domain/time/instant.ts';
import { importProcedureFile, rowLabel, type ImportProgress, type ImportReport } from '../services/import-procedures.ts';
import type { ServiceContext } from '../services/context.ts';

const PHASE_VI: Record<ImportProgress['phase'], string> = { read: 'Đọc tệp', check: 'Kiểm tra', write: 'Ghi', index: 'Chỉ mục' };

export async function runImportCommand(args: string[], out = (s: string) => process.stdout.write(s), err = process.stderr): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      partial: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      'effective-at': { type: 'string' },
      'plain-days': { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const [what, file, ...extra] = positionals;
  if (what !== 'procedures' || !file || extra.length > 0) {
    throw invalid('USAGE', 'Cách dùng: motcua import procedures FILE [--partial] [--dry-run] [--effective-at DATE] [--plain-days working|unparsed] [--data-dir DIR] [--json]');
  }
  const plainDays = values['plain-days'] ?? 'working';
  if (plainDays !== 'working' && plainDays !== 'unparsed') throw invalid('USAGE', '--plain-days phải là working hoặc unparsed.');
  const effectiveAt = values['effective-at'] === undefined ? undefined : new Date(parseDateOrInstant(values['effective-at'], '--effective-at'));

  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    err.write(`Không đọc được tệp ${file}: ${(error as Error).message}\n`);
    return 1;
  }

  const settings = loadSettings(process.env, values['data-dir'] ? { dataDir: values['data-dir'] } : {});
  const handle = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir, poolSize: 2 });
  try {
    await migrate(handle.db);
    const ctx: ServiceContext = { db: handle.db, settings, provinceCode: PROVINCE_CODE, now: () => new Date() };
    const progress = progressPrinter(err);
    let report: ImportReport;
    try {
      report = await importProcedureFile(ctx, bytes, {
        fileName: basename(file),
        partial: values.partial,
        dryRun: values['dry-run'],
        effectiveAt,
        plainDays,
        via: `cli:${safeUser()}`,
        onProgress: progress.update,
      });
    } catch (error) {
      progress.done();
      if (!isAppError(error)) throw error;
      if (values.json) out(`${JSON.stringify({ error: { code: error.code, message: error.message, details: error.details } }, null, 2)}\n`);
      else out(`Tệp bị từ chối (${error.code}): ${error.message}\nKhông ghi gì vào cơ sở dữ liệu.\n`);
      return 1;
    }
    progress.done();
    out(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, values['dry-run'] ?? false));
    return report.rejected.length > 0 ? 1 : 0;
  } finally {
    await handle.close();
  }
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** A one-line progress indicator, redrawn in place, only on a terminal. */
function progressPrinter(stream: NodeJS.WriteStream) {
  const tty = stream.isTTY === true;
  let last = 0;
  let shown = false;
  return {
    update: (p: ImportProgress) => {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100 && p.done < p.total) return;
      last = now;
      const width = 30;
      const filled = p.total === 0 ? width : Math.round((p.done / p.total) * width);
      stream.write(`\r${PHASE_VI[p.phase].padEnd(9)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total}   `);
      shown = true;
    },
    done: () => {
      if (tty && shown) stream.write('\r\x1b[K');
    },
  };
}

const n = (value: number) => value.toLocaleString('vi-VN');

export function formatReport(report: ImportReport, dryRun: boolean): string {
  const lines: string[] = [];
  lines.push(`Nhập danh mục thủ tục${report.fileName ? ` từ ${report.fileName}` : ''} (${report.format.toUpperCase()}): ${n(report.rows)} ${report.format === 'json' ? 'mục' : 'dòng'}.`);
  lines.push(`  Tạo mới: ${n(report.created)} · Cập nhật (phiên bản mới): ${n(report.updated)} · Không đổi: ${n(report.unchanged)} · Bị từ chối: ${n(report.rejected.length)}`);

  const unparsed = report.unparsedDurations.reduce((sum, p) => sum + p.count, 0);
  if (unparsed > 0) {
    const procedures = report.flagged.filter((f) => f.problems.some((p) => p.severity === 'unparsed' && p.code.startsWith('DURATION_'))).length;
    lines.push(`  Thời hạn chưa chuẩn hóa được (đã nhập, đánh dấu để quản trị viên sửa): ${n(unparsed)} kênh ở ${n(procedures)} thủ tục`);
    for (const p of report.unparsedDurations.slice(0, 15)) {
      lines.push(`    ${p.reason.padEnd(30)} "${p.pattern}" × ${n(p.count)}  (vd. ${p.examples.join(', ')})`);
    }
    if (report.unparsedDurations.length > 15) lines.push(`    … và ${report.unparsedDurations.length - 15} dạng khác`);
  }
  const others = Object.entries(report.problemCounts).filter(([code]) => !(code.startsWith('DURATION_') && code !== 'DURATION_PLAIN_DAYS'));
  if (others.length > 0) {
    lines.push(`  Vấn đề khác cần rà soát: ${others.sort((a, b) => b[1] - a[1]).map(([code, count]) => `${code} × ${n(count)}`).join(', ')}`);
  }
  if (report.rejected.length > 0) {
    lines.push('Các dòng bị từ chối:');
    for (const r of report.rejected) {
      lines.push(`  ${rowLabel(report.format, r.row)}${r.procedureCode ? ` [${r.procedureCode}]` : ''}: ${r.code}${r.field ? ` (${r.field})` : ''} — ${r.message}`);
    }
  }
  if (dryRun) lines.push('Chạy thử (--dry-run): không ghi gì vào cơ sở dữ liệu.');
  else if (!report.written) lines.push('Không ghi gì vào cơ sở dữ liệu vì có dòng bị từ chối (dùng --partial để nhập các dòng hợp lệ).');
  else if (report.rejected.length > 0) lines.push(`Đã nhập các dòng hợp lệ (--partial); ${n(report.rejected.length)} lỗi ở các dòng bị từ chối.`);
  lines.push(`Xong trong ${(report.durationMs / 1000).toFixed(1)} s.`);
  return `${lines.join('\n')}\n`;
}
