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
import { createJobs, type BackgroundJobs } from '../jobs/index.ts';
import { applyDuePlans } from '../services/restructure.ts';
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
  const handle = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir, poolSize: settings.databasePoolSize });
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
    out(`Việc nền: hẹn giờ hồ sơ, hộp thư đi, gửi thông báo (e-mail: ${jobs.channels.email.description}; SMS: ${jobs.channels.sms.description})`);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  out(`motcua đang chạy tại http://localhost:${port}  (API: /api/v1, tài liệu API: /api/docs)`);
  if (options.demo) {
    printDemoAccounts(accounts, settings.demoPassword, out);
    if (handle.kind === 'pglite') {
      await mkdir(settings.dataDir, { recursive: true });
      const file = join(settings.dataDir, 'demo-accounts.txt');
      await writeFile(file, accounts.map((a) => `${a.username}\t${a.roles.join(',')}\t${a.unitCode}\t${a.fullName}`).join('\n') + '\n');
      out(`Danh sách đầy đủ ${accounts.length} tài khoản demo: ${resolve(file)}`);
    }
  }

  // Restructuring plans accepted ahead of time take effect at their instant (checked each minute;
  // an advisory lock makes several instances take turns, and a plan is applied once).
  const applyPlans = () => applyDuePlans(ctx).then(
    (ids) => { if (ids.length > 0) out(`Đã áp dụng phương án sắp xếp: ${ids.join(', ')}`); },
    (error: unknown) => app.log.error({ err: error }, 'restructure: applying due plans failed'),
  );
  await applyPlans();
  const planTimer = setInterval(() => void applyPlans(), 60_000);
  planTimer.unref();
  // The audit log is sealed into its hash chain a few seconds after entries commit (motcua audit verify).
  const seal = () => sealAuditLog(handle.db).catch((error: unknown) => app.log.error({ err: error }, 'audit: sealing failed'));
  const sealTimer = setInterval(() => void seal(), 10_000);
  sealTimer.unref();

  let stopping: Promise<void> | undefined;
  const stop = () => {
    // Drain: stop accepting, finish requests and job runs in flight, then close the database.
    stopping ??= (async () => {
      clearInterval(planTimer);
      clearInterval(sealTimer);
      await Promise.all([app.close(), jobs?.stop()]);
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
