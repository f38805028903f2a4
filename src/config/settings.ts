// Every setting the process reads, parsed once at start. An unknown MOTCUA_* variable or a malformed
// value stops the process with one line naming the variable (a typo must never be silently ignored).

export interface Settings {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demoPassword: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  databasePoolSize: number;
  sessionHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerAddress: number;
  loginWindowMinutes: number;
  /** Where attachments are stored (content-addressed); undefined = `<dataDir>/files`. */
  filesDir: string | undefined;
  /** Largest accepted attachment, in megabytes. */
  uploadMaxMegabytes: number;
  /** The web app's public address, printed in QR codes on forms; undefined = the address the request used. */
  publicUrl: string | undefined;
}

export class SettingsError extends Error {
  constructor(readonly variable: string, message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

type Env = Record<string, string | undefined>;

interface SettingSpec {
  description: string;
  default: string;
}

/** The documented environment variables (README's configuration table is generated from the same list). */
export const SETTING_SPECS: Record<string, SettingSpec> = {
  PORT: { description: 'HTTP port of the API and web app', default: '3000' },
  HOST: { description: 'Address to listen on', default: '0.0.0.0' },
  DATABASE_URL: {
    description: 'PostgreSQL server URL (production). Unset: embedded PGlite in the data directory',
    default: '(unset)',
  },
  MOTCUA_DATA_DIR: { description: 'Directory of the embedded database (same as --data-dir)', default: './.motcua-data' },
  MOTCUA_DEMO_PASSWORD: { description: 'Password of every demo account (demo mode only)', default: 'motcua-demo' },
  MOTCUA_LOG_LEVEL: { description: 'Log level: fatal, error, warn, info, debug, trace, silent', default: 'info' },
  MOTCUA_DB_POOL_SIZE: { description: 'Connections in the PostgreSQL pool (server mode)', default: '10' },
  MOTCUA_SESSION_HOURS: { description: 'Lifetime of a staff session, in hours', default: '12' },
  MOTCUA_COOKIE_SECURE: { description: 'Mark the session cookie Secure (true behind HTTPS)', default: 'false' },
  MOTCUA_TRUST_PROXY: { description: 'Trust X-Forwarded-For from a reverse proxy (true/false)', default: 'false' },
  MOTCUA_LOGIN_MAX_FAILURES_PER_ACCOUNT: { description: 'Failed sign-ins per account within the window before refusal', default: '5' },
  MOTCUA_LOGIN_MAX_FAILURES_PER_ADDRESS: { description: 'Failed sign-ins per client address within the window', default: '20' },
  MOTCUA_LOGIN_WINDOW_MINUTES: { description: 'Window of the sign-in rate limit, in minutes', default: '15' },
  MOTCUA_FILES_DIR: { description: 'Directory of scanned attachments, stored by SHA-256 (shared storage when several instances run)', default: '<data dir>/files' },
  MOTCUA_UPLOAD_MAX_MB: { description: 'Largest accepted attachment (PDF, JPEG or PNG scan), in megabytes', default: '20' },
  MOTCUA_PUBLIC_URL: { description: 'Public address of the web app, encoded in the QR codes of printed forms', default: '(the address of the request)' },
};

/** Variables read by tools around the product (tests, CI), accepted without being settings of the server. */
const TOOLING_VARIABLES = new Set(['MOTCUA_TEST_STRICT', 'MOTCUA_TEST_DATABASE_URL', 'MOTCUA_BENCH_DATABASE_URL']);

function integer(env: Env, name: string, min: number, max: number): number {
  const raw = env[name] ?? SETTING_SPECS[name]!.default;
  if (!/^\d+$/.test(raw.trim())) throw new SettingsError(name, `${name}: phải là số nguyên (must be an integer), got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new SettingsError(name, `${name}: phải trong khoảng ${min}–${max} (must be ${min}–${max}), got ${raw}`);
  return value;
}

function boolean(env: Env, name: string): boolean {
  const raw = (env[name] ?? SETTING_SPECS[name]!.default).trim().toLowerCase();
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new SettingsError(name, `${name}: phải là true hoặc false (must be true or false), got "${raw}"`);
}

function publicUrl(env: Env): string | undefined {
  const raw = env.MOTCUA_PUBLIC_URL?.trim();
  if (!raw) return undefined;
  if (!/^https?:\/\/[^\s/]+(\/\S*)?$/.test(raw)) {
    throw new SettingsError('MOTCUA_PUBLIC_URL', `MOTCUA_PUBLIC_URL: phải là địa chỉ http(s):// (must be an http(s) URL), got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

export function loadSettings(env: Env, overrides: Partial<Settings> = {}): Settings {
  for (const name of Object.keys(env)) {
    if (name.startsWith('MOTCUA_') && !(name in SETTING_SPECS) && !TOOLING_VARIABLES.has(name)) {
      throw new SettingsError(name, `${name}: biến cấu hình không được hỗ trợ (unknown setting)`);
    }
  }
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new SettingsError('DATABASE_URL', 'DATABASE_URL: phải có dạng postgres://user:pass@host:port/db (must be a postgres:// URL)');
  }
  const logLevel = (env.MOTCUA_LOG_LEVEL ?? 'info').trim();
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new SettingsError('MOTCUA_LOG_LEVEL', `MOTCUA_LOG_LEVEL: giá trị không hợp lệ (invalid) "${logLevel}"`);
  }
  const demoPassword = env.MOTCUA_DEMO_PASSWORD ?? 'motcua-demo';
  if (demoPassword.length < 8) {
    throw new SettingsError('MOTCUA_DEMO_PASSWORD', 'MOTCUA_DEMO_PASSWORD: cần ít nhất 8 ký tự (at least 8 characters)');
  }
  const settings: Settings = {
    port: integer(env, 'PORT', 0, 65535),
    host: (env.HOST ?? '0.0.0.0').trim(),
    databaseUrl,
    dataDir: env.MOTCUA_DATA_DIR?.trim() || './.motcua-data',
    demoPassword,
    logLevel: logLevel as Settings['logLevel'],
    databasePoolSize: integer(env, 'MOTCUA_DB_POOL_SIZE', 1, 500),
    sessionHours: integer(env, 'MOTCUA_SESSION_HOURS', 1, 24 * 30),
    cookieSecure: boolean(env, 'MOTCUA_COOKIE_SECURE'),
    trustProxy: boolean(env, 'MOTCUA_TRUST_PROXY'),
    loginMaxFailuresPerAccount: integer(env, 'MOTCUA_LOGIN_MAX_FAILURES_PER_ACCOUNT', 1, 1000),
    loginMaxFailuresPerAddress: integer(env, 'MOTCUA_LOGIN_MAX_FAILURES_PER_ADDRESS', 1, 100000),
    loginWindowMinutes: integer(env, 'MOTCUA_LOGIN_WINDOW_MINUTES', 1, 24 * 60),
    filesDir: env.MOTCUA_FILES_DIR?.trim() || undefined,
    uploadMaxMegabytes: integer(env, 'MOTCUA_UPLOAD_MAX_MB', 1, 1024),
    publicUrl: publicUrl(env),
  };
  return { ...settings, ...overrides };
}
