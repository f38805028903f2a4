import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { BlobChecksumError, FilesystemBlobStorage, sha256Of } from './index.ts';
import { temporaryFilesDir } from '../../../test/support/files.ts';

describe('filesystem blob storage', () => {
  let files: Awaited<ReturnType<typeof temporaryFilesDir>>;
  let storage: FilesystemBlobStorage;
  beforeEach(async () => {
    files = await temporaryFilesDir();
    storage = new FilesystemBlobStorage(files.dir);
  });
  afterEach(() => files.remove());

  it('stores bytes under their SHA-256 and reads them back', async () => {
    const bytes = Buffer.from('Giấy tiếp nhận hồ sơ');
    const address = sha256Of(bytes);
    expect(await storage.has(address)).toBe(false);
    expect(await storage.get(address)).toBeUndefined();
    expect(await storage.put(address, bytes)).toEqual({ created: true });
    expect(await storage.has(address)).toBe(true);
    expect(await storage.get(address)).toEqual(bytes);
    expect(storage.pathOf(address)).toContain(`/sha256/${address.slice(0, 2)}/${address.slice(2, 4)}/${address}`);
  });

  it('refuses bytes that do not hash to the address, writing nothing', async () => {
    const wrong = sha256Of(Buffer.from('other'));
    await expect(storage.put(wrong, Buffer.from('bytes'))).rejects.toBeInstanceOf(BlobChecksumError);
    expect(await files.blobCount()).toBe(0);
    expect(() => storage.pathOf('../../etc/passwd')).toThrow();
  });

  it('keeps one file when the same bytes are written concurrently, and no temporary files', async () => {
    const bytes = Buffer.alloc(256 * 1024, 7);
    const address = sha256Of(bytes);
    const results = await Promise.all(Array.from({ length: 8 }, () => storage.put(address, bytes)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await files.blobCount()).toBe(1);
    const names = await readdir(files.dir, { recursive: true });
    expect(names.filter((n) => String(n).endsWith('.tmp'))).toEqual([]);
  });
});
