// Where attachment bytes live: a content-addressed store (the address is the SHA-256 of the bytes), so
// the same scan uploaded twice is kept once and a stored file can always be checked against its name.
// Pluggable: the filesystem implementation is the default; an object store can implement the same three
// methods. The database holds only the metadata rows that point here.

export interface BlobStorage {
  /**
   * Stores the bytes under `sha256`, after checking that they hash to it (throws `BlobChecksumError`
   * otherwise, storing nothing). Storing bytes that are already there changes nothing.
   */
  put(sha256: string, bytes: Uint8Array): Promise<{ created: boolean }>;
  /** The bytes at `sha256`, checked again on the way out; undefined when nothing is stored there. */
  get(sha256: string): Promise<Buffer | undefined>;
  has(sha256: string): Promise<boolean>;
}

/** The bytes do not hash to their address (a wrong declared checksum on write, or corruption on read). */
export class BlobChecksumError extends Error {
  constructor(readonly expected: string, readonly actual: string) {
    super(`blob checksum mismatch: expected ${expected}, got ${actual}`);
    this.name = 'BlobChecksumError';
  }
}
