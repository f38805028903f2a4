// What every use case receives: the database, the settings, the province it serves and a clock
// (passed in, never read from a global, so tests can fix time).
import type { Db } from '../store/database.ts';
import type { Settings } from '../config/settings.ts';
import type { Role } from '../domain/staff/roles.ts';
import type { BlobStorage } from './storage/blob-storage.ts';

export interface ServiceContext {
  db: Db;
  settings: Settings;
  provinceCode: string;
  now: () => Date;
  /** Attachment bytes; unset = files under the settings' files directory (services/storage). */
  storage?: BlobStorage | undefined;
}

/** The signed-in officer on whose behalf a command runs (who, role, unit: what the audit log records). */
export interface Actor {
  userId: string;
  username: string;
  fullName: string;
  unitCode: string;
  unitName: string;
  roles: Role[];
}

/** Where a request came from, for the audit log and rate limits. */
export interface RequestOrigin {
  address: string;
  userAgent: string | null;
  requestId: string | null;
}
