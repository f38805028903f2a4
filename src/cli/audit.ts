// `motcua audit verify [--data-dir DIR] [--json]`: seals the entries not yet sealed, then recomputes the
// audit log's hash chain and reports every broken link (a changed, removed or reordered entry). Exit 1 then.
import { parseArgs } from 'node:util';
import { loadSettings } from '../config/settings.ts';
import { openDatabase } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';
import { invalid } from '../domain/errors.ts';
import { sealAuditLog, verifyAuditChain } from '../store/audit-chain.ts';

const KIND_VI = {
  missing_entry: 'mục nhật ký đã bị xóa',
  hash_mismatch: 'nội dung mục nhật ký đã bị sửa',
  sequence_gap: 'thiếu mắt xích niêm phong',
} as const;

export async function runAuditCommand(args: string[], out = (s: string) => process.stdout.write(s)): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
  if (positionals.length !== 1 || positionals[0] !== 'verify') throw invalid('USAGE', 'Cách dùng: motcua audit verify [--data-dir DIR] [--json]');
  const settings = loadSettings(process.env, values['data-dir'] ? { dataDir: values['data-dir'] } : {});
  const handle = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir, poolSize: 2 });
  try {
    await migrate(handle.db);
    const sealed = await sealAuditLog(handle.db);
    const report = await verifyAuditChain(handle.db);
    if (values.json) out(`${JSON.stringify({ ...report, newlySealed: sealed }, null, 2)}\n`);
    else {
      out(`Nhật ký kiểm toán: ${report.entries} mục, ${report.sealed} đã niêm phong (${sealed} vừa niêm phong), ${report.unsealed} chưa niêm phong.\n`);
      if (report.problems.length === 0) out(`Chuỗi băm hợp lệ. Mã băm cuối: ${report.lastHash}\n`);
      else {
        out(`PHÁT HIỆN CAN THIỆP: ${report.problems.length} mắt xích không khớp.\n`);
        for (const p of report.problems) out(`  niêm phong #${p.seq}${'auditId' in p ? `, mục #${p.auditId}` : ''}: ${KIND_VI[p.kind]}\n`);
      }
    }
    return report.problems.length === 0 ? 0 : 1;
  } finally {
    await handle.close();
  }
}
