#!/usr/bin/env node
// `npm run bench -- <name>`: runs bench/<name>.bench.ts (tsx); without a name, lists the benches.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const names = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace(/\.bench\.ts$/, ''));
const [name, ...rest] = process.argv.slice(2);
if (!name || !existsSync(join(root, 'bench', `${name}.bench.ts`))) {
  console.error(`Cách dùng: npm run bench -- <${names.join('|')}>`);
  process.exit(name ? 2 : 0);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', `${name}.bench.ts`), ...rest], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
