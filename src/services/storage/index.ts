// The attachment store of a service context: the one the context carries (tests, another backend), or
// files under MOTCUA_FILES_DIR (default: the data directory's `files/`).
import { join, resolve } from 'node:path';
import type { ServiceContext } from '../context.ts';
import type { BlobStorage } from './blob-storage.ts';
import { FilesystemBlobStorage } from './filesystem-storage.ts';

export { BlobChecksumError, type BlobStorage } from './blob-storage.ts';
export { FilesystemBlobStorage, sha256Of } from './filesystem-storage.ts';

const byDirectory = new Map<string, FilesystemBlobStorage>();

export function storageOf(ctx: ServiceContext): BlobStorage {
  if (ctx.storage) return ctx.storage;
  const directory = resolve(ctx.settings.filesDir ?? join(ctx.settings.dataDir, 'files'));
  let storage = byDirectory.get(directory);
  if (!storage) {
    storage = new FilesystemBlobStorage(directory);
    byDirectory.set(directory, storage);
  }
  return storage;
}
