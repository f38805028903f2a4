// `motcua stats rebuild [--verify] [--data-dir DIR]`: recomputes the dashboard's rollups from the dossier
// history and proves they match; exit 1 when they do not. `motcua stats demo-history`: four weeks of demo
// dossiers made through the real commands, for a demo database (after `serve --demo` created it).
import { parseArgs } from 'node:util';
import { loadSettings } from '../config/settings.ts';
import { PROVINCE_CODE } from '../config/province.ts';
import { openDatabase } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';
import { invalid } from '../domain/errors.ts';
import { rebuildStats } from '../services/stats-rebuild.ts';
import { seedDemoDossierHistory } from '../services/demo-dossier-history.ts';
import { findStaffByUsername } from '../store/staff.ts';
import type { ServiceContext } from '../services/context.ts';

export async function runStatsCommand(args: string[], out = (s: string) => process.stdout.write(s)): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { verify: { type: 'boolean', default: false }, 'data-dir': { type: 'string' } },
  });
  const what = positionals[0];
  if (positionals.length !== 1 || (what !== 'rebuild' && what !== 'demo-history')) {
    throw invalid('USAGE', 'Cách dùng: motcua stats rebuild [--verify] [--data-dir DIR] | motcua stats demo-history [--data-dir DIR]');
  }
  const settings = loadSettings(process.env, values['data-dir'] ? { dataDir: values['data-dir'] } : {});
  const handle = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir, poolSize: 2 });
  try {
    await migrate(handle.db);
    const ctx: ServiceContext = { db: handle.db, settings, provinceCode: PROVINCE_CODE, now: () => new Date() };
    if (what === 'demo-history') {
      if ((await findStaffByUsername(handle.db, 'admin')) === undefined) throw invalid('NOT_DEMO', 'Cơ sở dữ liệu chưa có dữ liệu mẫu: chạy motcua serve --demo trước.');
      const made = await seedDemoDossierHistory(ctx);
      out(`Đã tạo ${made.dossiers} hồ sơ mẫu với ${made.actions} bước xử lý (demo history).\n`);
      return 0;
    }
    const report = await rebuildStats(ctx, { verifyOnly: values.verify ?? false });
    out(`Số dòng tổng hợp theo lịch sử (rollup rows from history): ${report.historyRollupRows}\n`);
    out(`Dòng lệch trước khi dựng lại (differing rows before): ${report.differencesBefore}\n`);
    for (const d of report.sample.slice(0, 20)) {
      out(`  ${Object.values(d.key).join(' | ')}: ${d.column} lưu ${d.stored}, theo lịch sử ${d.fromHistory}\n`);
    }
    out(`Dòng tổng hợp theo phạm vi đơn vị lệch (differing scope rows): ${report.scopeDifferencesBefore}; đơn vị đổi cấp trên chưa dựng lại (units re-parented since): ${report.staleTreeUnits}\n`);
    if (!report.verifiedOnly) {
      out(`Đã dựng lại (rebuilt): ${report.events} sự kiện, ${report.rollups} dòng tổng hợp, ${report.scopeRows} dòng theo phạm vi; còn lệch (differing after): ${report.differencesAfter + report.scopeDifferencesAfter}\n`);
    }
    const ok = report.differencesAfter === 0 && report.scopeDifferencesAfter === 0;
    out(ok ? 'Khớp (match): số liệu tổng hợp đúng với lịch sử hồ sơ.\n' : 'KHÔNG KHỚP (mismatch): số liệu tổng hợp khác lịch sử hồ sơ.\n');
    return ok ? 0 : 1;
  } finally {
    await handle.close();
  }
}
