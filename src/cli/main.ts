// The `motcua` command line (contract: serve, due-date, import procedures, restructure).
import { parseArgs } from 'node:util';
import { SettingsError } from '../config/settings.ts';
import { DatabaseUnavailableError } from '../store/database.ts';
import { isAppError } from '../domain/errors.ts';
import { serve } from './serve.ts';

const USAGE = `Cách dùng (usage):
  motcua serve [--port N] [--data-dir DIR] [--demo]
  motcua due-date --from INSTANT (--days N | --hours N) [--unit CODE] [--data-dir DIR]
  motcua import procedures FILE
  motcua stats rebuild [--verify] [--data-dir DIR]
  motcua stats demo-history [--data-dir DIR]
  motcua restructure PLAN.json|bundled:<id> [--dry-run] [--data-dir DIR] [--json]
  motcua audit verify [--data-dir DIR] [--json]
  motcua backup DIR [--data-dir DIR]
  motcua restore DIR [--data-dir DIR] [--force]`;

function fail(message: string, code = 2): number {
  process.stderr.write(`${message}\n`);
  return code;
}

function positiveInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag}: phải là số nguyên không âm (must be a non-negative integer), got "${value}"`);
  return Number(value);
}

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number | undefined> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve': {
        const { values } = parseArgs({
          args: rest,
          options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, demo: { type: 'boolean', default: false } },
          strict: true,
        });
        const stop = await serve({ port: positiveInteger(values.port, '--port'), dataDir: values['data-dir'], demo: values.demo ?? false });
        const shutdown = (signal: string) => {
          process.stdout.write(`Nhận ${signal}: đang dừng (draining requests)…\n`);
          void stop().then(() => process.exit(0), () => process.exit(1));
        };
        process.once('SIGTERM', () => shutdown('SIGTERM'));
        process.once('SIGINT', () => shutdown('SIGINT'));
        return undefined;
      }
      case 'due-date': {
        const { runDueDate } = await import('./due-date.ts');
        return await runDueDate(rest);
      }
      case 'import': {
        const { runImportCommand } = await import('./import-procedures.ts');
        return await runImportCommand(rest);
      }
      case 'stats': {
        const { runStatsCommand } = await import('./stats.ts');
        return await runStatsCommand(rest);
      }
      case 'restructure': {
        const { runRestructureCommand } = await import('./restructure.ts');
        return await runRestructureCommand(rest);
      }
      case 'audit': {
        const { runAuditCommand } = await import('./audit.ts');
        return await runAuditCommand(rest);
      }
      case 'backup':
      case 'restore': {
        const { runBackupCommand, runRestoreCommand } = await import('./backup.ts');
        return await (command === 'backup' ? runBackupCommand(rest) : runRestoreCommand(rest));
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        return fail(`Lệnh không tồn tại (unknown command): ${command}\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof SettingsError) return fail(error.message, 2);
    if (error instanceof DatabaseUnavailableError) return fail(error.message, 1);
    if (error instanceof UsageError) return fail(`${error.message}\n${USAGE}`, 2);
    if (isAppError(error)) return fail(`${error.code}: ${error.message}`, 2);
    if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      return fail(`${error.message}\n${USAGE}`, 2);
    }
    throw error;
  }
}
