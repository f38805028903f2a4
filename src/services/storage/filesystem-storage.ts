// Blobs as files: <root>/sha256/ab/cd/abcd…(64 hex). A write goes to a temporary file in the same
// directory, is flushed to disk, then renamed into place, so a reader never sees half a file and a crash
// leaves at most a temporary file behind. Stored files are read-only.
import { createHash, randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { BlobChecksumError, type BlobStorage } from './blob-storage.ts';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export class FilesystemBlobStorage implements BlobStorage {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 address: ${sha256}`);
    return join(this.root, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async put(sha256: string, bytes: Uint8Array): Promise<{ created: boolean }> {
    const actual = sha256Of(bytes);
    if (actual !== sha256) throw new BlobChecksumError(sha256, actual);
    const target = this.pathOf(sha256);
    if (await this.has(sha256)) return { created: false };
    await mkdir(join(target, '..'), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    const file = await open(temporary, 'wx', 0o600);
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await chmod(temporary, 0o444);
      // link() refuses to replace: of two concurrent writers of the same bytes, one creates the file and
      // the other finds it there (same content, so nothing is lost either way).
      await link(temporary, target);
      return { created: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { created: false };
      throw error;
    } finally {
      await unlink(temporary).catch(() => undefined);
    }
  }

  async get(sha256: string): Promise<Buffer | undefined> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.pathOf(sha256));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    const actual = sha256Of(bytes);
    if (actual !== sha256) throw new BlobChecksumError(sha256, actual);
    return bytes;
  }
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';
