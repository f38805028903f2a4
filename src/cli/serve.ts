// `motcua serve [--port N] [--data-dir DIR] [--demo]`: migrate, (demo) seed, serve API + web app.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadSettings } from '../config/settings.ts';
import { PROVINCE_CODE } from '../config/province.ts';
import { openDatabase } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';
import { seedDemo } from '../services/demo-seed.ts';
import type { StaffAccountSeed } from '../domain/staff/demo-accounts.ts';
import { buildServer, loggerOptions } from '../http/server.ts';
import type { ServiceContext } from '../services/context.ts';
import type { FastifyInstance } from 'fastify';
import { ensureWebBuild, WEB_DIST } from './web-build.ts';
import type { DemoPortal } from '../services/portal/demo-portal.ts';
import { createJobs, type BackgroundJobs } from '../jobs/index.ts';
import { sealAuditLog } from '../store/audit-chain.ts';

export interface ServeOptions {
  port?: number | undefined;
  dataDir?: string | undefined;
  demo: boolean;
}

export async function serve(options: ServeOptions, out = (line: string) => console.log(line)): Promise<() => Promise<void>> {
  const settings = loadSettings(process.env, {
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
  });
  const handle = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir, poolSize: settings.databasePoolSize, preparedStatements: settings.databasePreparedStatements });
  out(handle.kind === 'pglite' ? `Cơ sở dữ liệu nhúng (PGlite): ${resolve(settings.dataDir)}` : 'Cơ sở dữ liệu: máy chủ PostgreSQL (DATABASE_URL)');
  const ctx: ServiceContext = { db: handle.db, settings, provinceCode: PROVINCE_CODE, now: () => new Date() };
  let accounts: StaffAccountSeed[] = [];
  let app: FastifyInstance;
  try {
    const applied = await migrate(handle.db);
    if (applied.length > 0) out(`Đã cập nhật cấu trúc dữ liệu: ${applied.join(', ')}`);
    if (options.demo) {
      const report = await seedDemo(ctx, settings.demoPassword);
      accounts = report.accounts;
      if (report.seeded) out(`Đã tạo dữ liệu mẫu: ${report.units} đơn vị, ${accounts.length} tài khoản.`);
    }
    await ensureWebBuild(out);
    app = await buildServer(ctx, { webDir: WEB_DIST, logger: loggerOptions(settings.logLevel) });
    await app.listen({ port: settings.port, host: settings.host });
  } catch (error) {
    await handle.close();
    throw error;
  }
  // Timers, outbox and notification delivery run in every instance; they coordinate through the database.
  let jobs: BackgroundJobs | undefined;
  if (settings.jobs.enabled) {
    jobs = createJobs(ctx, { demo: options.demo, log: app.log });
    jobs.runner.start();
    out(`Việc nền: hẹn giờ hồ sơ, hộp thư đi, gửi thông báo, phương án sắp xếp, niêm phong nhật ký (e-mail: ${jobs.channels.email.description}; SMS: ${jobs.channels.sms.description})`);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  out(`motcua đang chạy tại http://localhost:${port}  (API: /api/v1, tài liệu API: /api/docs)`);
  let portal: DemoPortal | undefined;
  let portalStarting: Promise<void> | undefined;
  if (options.demo) {
    printDemoAccounts(accounts, settings.demoPassword, out);
    if (handle.kind === 'pglite') {
      await mkdir(settings.dataDir, { recursive: true });
      const file = join(settings.dataDir, 'demo-accounts.txt');
      await writeFile(file, accounts.map((a) => `${a.username}\t${a.roles.join(',')}\t${a.unitCode}\t${a.fullName}`).join('\n') + '\n');
      out(`Danh sách đầy đủ ${accounts.length} tài khoản demo: ${resolve(file)}`);
    }
    // The citizen sign-in's local provider and the demo payment gateway start in the background (services
    // read ctx.settings), so the server answers and handles signals at once. Loaded only in demo mode.
    portalStarting = import('../services/portal/demo-portal.ts')
      .then(({ startDemoPortal }) => startDemoPortal({ ...settings, port }, `http://localhost:${port}`, { host: settings.host === '0.0.0.0' ? 'localhost' : settings.host }))
      .then((started) => {
        portal = started;
        ctx.settings = started.settings;
        if (started.issuer) out(`Nhà cung cấp định danh mô phỏng (OpenID Connect) cho công dân: ${started.issuer} — công dân mẫu: CCCD 074190001111, mật khẩu ${settings.demoPassword}`);
      }, (error: unknown) => out(`Không khởi động được nhà cung cấp định danh mô phỏng: ${(error as Error).message}`));
  }

  // Restructuring plans accepted ahead of time and the audit log's sealing run as jobs of the runner
  // (src/jobs: restructure-plans under a lease, audit-seal under an advisory lock). The log is sealed
  // once more on stop, after the last requests.
  const seal = () => sealAuditLog(handle.db).catch((error: unknown) => app.log.error({ err: error }, 'audit: sealing failed'));

  let stopping: Promise<void> | undefined;
  const stop = () => {
    // Drain: stop accepting, finish requests and job runs in flight, then close the database.
    stopping ??= (async () => {
      await Promise.all([app.close(), jobs?.stop()]);
      await portalStarting;
      await portal?.close();
      await seal();
      await handle.close();
    })();
    return stopping;
  };
  return stop;
}

function printDemoAccounts(accounts: readonly StaffAccountSeed[], password: string, out: (line: string) => void): void {
  out(`Tài khoản demo (demo accounts) — mật khẩu: ${password}`);
  const groups: Array<[string, (a: StaffAccountSeed) => boolean]> = [
    ['Quản trị hệ thống', (a) => a.username === 'admin'],
    ['Cán bộ tiếp nhận (tn.<mã đơn vị>)', (a) => a.username.startsWith('tn.')],
    ['Giám đốc (gd.<mã đơn vị>)', (a) => a.username.startsWith('gd.')],
    ['Chuyên viên xử lý (cv.<mã cơ quan>)', (a) => a.username.startsWith('cv.')],
    ['Lãnh đạo cơ quan (ld.<mã cơ quan>)', (a) => a.username.startsWith('ld.')],
  ];
  for (const [label, match] of groups) {
    const members = accounts.filter(match);
    const examples = members.slice(0, 3).map((a) => a.username);
    out(`  ${label}: ${members.length} — ví dụ ${examples.join(', ')}${members.length > 3 ? ', …' : ''}`);
  }
}
