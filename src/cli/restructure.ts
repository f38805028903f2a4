// `motcua restructure PLAN.json [--dry-run] [--data-dir DIR] [--json]`: previews or applies a network
// restructuring plan (contract format v1) on the server database (DATABASE_URL) or the embedded one.
// PLAN may also be `bundled:<id>` for a plan shipped with motcua (bd-phase-2, bd-phase-3,
// hcm-reform-2025-07-01). Prints the impact; every problem of a rejected plan with its path; exit 1 then.
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { loadSettings } from '../config/settings.ts';
import { PROVINCE_CODE } from '../config/province.ts';
import { openDatabase } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';
import { invalid, isAppError } from '../domain/errors.ts';
import { listAllUnits } from '../store/units.ts';
import { bundledPlanJson, submitPlan, type PlanAnswer } from '../services/restructure.ts';
import type { Actor, ServiceContext } from '../services/context.ts';
import type { PlanProblem } from '../domain/restructure/plan.ts';

const ROLE_VI = { receiving: 'tiếp nhận', competent: 'giải quyết', return: 'trả kết quả' } as const;

export async function runRestructureCommand(args: string[], out = (s: string) => process.stdout.write(s), err = (s: string) => process.stderr.write(s)): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  const [source, ...extra] = positionals;
  if (!source || extra.length > 0) throw invalid('USAGE', 'Cách dùng: motcua restructure PLAN.json|bundled:<id> [--dry-run] [--data-dir DIR] [--json]');

  const settings = loadSettings(process.env, values['data-dir'] ? { dataDir: values['data-dir'] } : {});
  const handle = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir, poolSize: 2 });
  try {
    await migrate(handle.db);
    const ctx: ServiceContext = { db: handle.db, settings, provinceCode: PROVINCE_CODE, now: () => new Date() };
    let plan: unknown;
    if (source.startsWith('bundled:')) {
      const id = source.slice('bundled:'.length);
      const bundled = await bundledPlanJson(handle.db);
      plan = bundled.find((p) => p.id === id);
      if (!plan) {
        err(`Không có phương án kèm theo "${id}". Có: ${bundled.map((p) => p.id).join(', ')}\n`);
        return 1;
      }
    } else {
      try {
        plan = JSON.parse(await readFile(source, 'utf8'));
      } catch (error) {
        err(`Không đọc được phương án ${source}: ${(error as Error).message}\n`);
        return 1;
      }
    }
    const root = (await listAllUnits(handle.db)).find((u) => u.parentCode === null);
    if (!root) {
      err('Cơ sở dữ liệu chưa có mạng lưới đơn vị.\n');
      return 1;
    }
    const actor: Actor = { userId: 'cli', username: `cli:${userInfo().username}`, fullName: 'Dòng lệnh motcua', unitCode: root.code, unitName: root.name, roles: ['admin'] };
    try {
      const answer = await submitPlan(ctx, actor, plan, values['dry-run'] ?? false);
      out(values.json ? `${JSON.stringify(answer, null, 2)}\n` : describe(answer));
      return 0;
    } catch (error) {
      if (isAppError(error) && error.code === 'PLAN_INVALID') {
        const problems = (error.details as { problems: PlanProblem[] }).problems;
        err(`Phương án bị từ chối: ${problems.length} lỗi\n`);
        for (const p of problems) err(`  ${p.path || '(phương án)'}: ${p.code} — ${p.message}\n`);
        return 1;
      }
      if (isAppError(error)) {
        err(`${error.code}: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  } finally {
    await handle.close();
  }
}

function describe(a: PlanAnswer): string {
  const i = a.impact;
  const head = a.status === 'preview' ? 'Xem trước (dry run)' : a.status === 'applied' ? 'Đã áp dụng' : 'Đã lên lịch';
  const lines = [
    `${head}: phương án ${a.planId}${a.version ? ` (phiên bản ${a.version})` : ''}, hiệu lực ${a.effectiveAt}`,
    `  Đơn vị tạo mới: ${i.unitsCreated}; đơn vị đóng/sáp nhập/tách: ${i.unitsClosed}`,
    `  Hồ sơ chuyển: ${i.dossiersMoved}; lượt xếp hàng chuyển: ${i.ticketsMoved}; cán bộ chuyển: ${i.staffMoved}; hạn xử lý thay đổi: ${i.deadlinesChanged}`,
    `  Mạng lưới trước → sau: Trung tâm ${i.network.before.center} → ${i.network.after.center}, Chi nhánh ${i.network.before.branch} → ${i.network.after.branch}, Điểm tiếp nhận ${i.network.before.reception_point} → ${i.network.after.reception_point}, cơ quan ${i.network.before.agency} → ${i.network.after.agency}`,
  ];
  for (const d of i.dossiers.slice(0, 50)) {
    lines.push(`    ${d.unitCode} (${ROLE_VI[d.role]}): ${d.count} hồ sơ → ${Object.entries(d.to).map(([u, n]) => `${u} ${n}`).join(', ')}`);
  }
  if (i.dossiers.length > 50) lines.push(`    … và ${i.dossiers.length - 50} nhóm khác (dùng --json để xem đủ)`);
  return `${lines.join('\n')}\n`;
}
