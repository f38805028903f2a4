// The service index's points and thresholds: the typed defaults (domain/service-index/config.ts), overridden
// by `service-index.json` in the data directory when the province sets its own, e.g.
//   { "indicators": { "2.1": { "maxPoints": 14 }, "2.2": { "maxPoints": 6 } } }
// An inconsistent file (a group whose indicators no longer add up to its total…) is refused with the
// reasons, rather than silently scoring with half of it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_SERVICE_INDEX_CONFIG, resolveServiceIndexConfig, type ServiceIndexConfig, type ServiceIndexOverrides } from '../domain/service-index/index.ts';
import type { ServiceContext } from './context.ts';

export const SERVICE_INDEX_CONFIG_FILE = 'service-index.json';

export async function loadServiceIndexConfig(ctx: ServiceContext): Promise<ServiceIndexConfig> {
  const path = join(ctx.settings.dataDir, SERVICE_INDEX_CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_SERVICE_INDEX_CONFIG;
    throw error;
  }
  let overrides: ServiceIndexOverrides;
  try {
    overrides = JSON.parse(text) as ServiceIndexOverrides;
  } catch {
    throw new Error(`Tệp cấu hình ${path} không phải JSON hợp lệ.`);
  }
  try {
    return resolveServiceIndexConfig(overrides);
  } catch (error) {
    // A bad file is the operator's mistake, not the caller's: a server error naming the file and the reasons.
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}
