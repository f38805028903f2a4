#!/usr/bin/env node
// `npm test`: the whole suite — type check, then every test (domain, integration on PGlite and on a
// PostgreSQL server, browser) in one Vitest run — closing with one line "N passed, N failed, N skipped".
// PostgreSQL: MOTCUA_TEST_DATABASE_URL if given (CI), else a throwaway local cluster when the server
// binaries are installed. MOTCUA_TEST_STRICT=1 (CI) turns any skipped test or missing engine into a failure.
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const strict = process.env.MOTCUA_TEST_STRICT === '1';
const env = { ...process.env };
const extraArgs = process.argv.slice(2);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  return result.status ?? 1;
}

let clusterDir;
if (!env.MOTCUA_TEST_DATABASE_URL) {
  clusterDir = mkdtempSync(join(tmpdir(), 'motcua-pg-'));
  try {
    env.MOTCUA_TEST_DATABASE_URL = execFileSync('bash', [join(root, 'scripts/pg-cluster.sh'), 'start', clusterDir], { encoding: 'utf8' }).trim();
    console.log(`PostgreSQL tạm cho kiểm thử (throwaway cluster): ${env.MOTCUA_TEST_DATABASE_URL}`);
  } catch {
    rmSync(clusterDir, { recursive: true, force: true });
    clusterDir = undefined;
    const message = 'PostgreSQL server not available: the server-database suites will not run (set MOTCUA_TEST_DATABASE_URL or install postgresql)';
    if (strict) {
      console.error(`FAIL: ${message}`);
      process.exit(1);
    }
    console.warn(`WARNING: ${message}`);
  }
}

let exitCode = 0;
let typeCheckFailed = false;
try {
  console.log('Kiểm tra kiểu (type check)…');
  if (run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']) !== 0) {
    console.error('Type check failed (counted as one failure).');
    typeCheckFailed = true;
    exitCode = 1;
  }
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const report = join(root, '.tmp', `vitest-report-${process.pid}.json`);
  const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extraArgs]);
  let summary;
  try {
    summary = JSON.parse(readFileSync(report, 'utf8'));
    rmSync(report, { force: true });
  } catch {
    summary = undefined;
  }
  if (!summary) {
    console.error('Vitest produced no report.');
    exitCode = 1;
  } else {
    const passed = summary.numPassedTests;
    const failed = summary.numFailedTests + (typeCheckFailed ? 1 : 0);
    const skipped = summary.numPendingTests + summary.numTodoTests;
    if (vitestStatus !== 0 || failed > 0) exitCode = 1;
    if (strict && skipped > 0) {
      console.error(`FAIL: ${skipped} test(s) skipped; strict mode (CI) requires every test to run.`);
      exitCode = 1;
    }
    if (passed === 0) {
      console.error('FAIL: no test ran.');
      exitCode = 1;
    }
    console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
} finally {
  if (clusterDir) execFileSync('bash', [join(root, 'scripts/pg-cluster.sh'), 'stop', clusterDir]);
}
process.exit(exitCode);
