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
  /** Name (prepare) the queries per PostgreSQL connection (decision 0033). */
  databasePreparedStatements: boolean;
  /** A direct (session) connection for LISTEN when DATABASE_URL goes through a transaction-mode pooler. */
  listenDatabaseUrl: string | undefined;
  sessionHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerAddress: number;
  loginWindowMinutes: number;
  /** Citizen sign-in (OpenID Connect): the provider's issuer URL; unset = citizen sign-in off (demo: local provider). */
  oidcIssuer: string | undefined;
  oidcClientId: string;
  oidcClientSecret: string | undefined;
  /** The callback URL registered at the provider; unset = http://localhost:PORT/api/v1/citizen/auth/callback. */
  oidcRedirectUri: string | undefined;
  demoOidcPort: number | undefined;
  citizenSessionHours: number;
  /** Citizen sign-in with a one-time code by SMS or e-mail (fallback); undefined = not set: off, demo mode on. */
  citizenOtp: boolean | undefined;
  /** 'demo' = the demo payment gateway (success, failure, timeout); 'none' = no online payment. */
  paymentGateway: 'none' | 'demo';
  paymentSecret: string | undefined;
  paymentTimeoutMinutes: number;
  lookupMaxFailuresPerAddress: number;
  lookupWindowMinutes: number;
  /** Where attachments are stored (content-addressed); undefined = `<dataDir>/files`. */
  filesDir: string | undefined;
  /** Largest accepted attachment, in megabytes. */
  uploadMaxMegabytes: number;
  /** MOTCUA_PUBLIC_URL only when set, for the QR codes on forms; undefined = the address the request used. */
  publicUrl: string | undefined;
  feedbackMaxPerAddress: number;
  feedbackWindowMinutes: number;
  /** Background jobs (timers, outbox, notification delivery) — see src/jobs/. */
  jobs: JobSettings;
  notifications: NotificationSettings;
  /** Dossier statuses sent to the national public-service portal (docs/decisions/0030). */
  nationalPortal: NationalPortalSettings;
}

export interface NationalPortalSettings {
  /** 'none': no synchronisation (indicator 1.4 not measured); 'demo': recorded as synced, written to the log; 'http': JSON POST to `url`. */
  mode: 'none' | 'demo' | 'http';
  url: string | undefined;
  token: string | undefined;
  retryBaseSeconds: number;
}

export interface JobSettings {
  enabled: boolean;
  timerIntervalSeconds: number;
  outboxIntervalSeconds: number;
  deliveryIntervalSeconds: number;
  leaseSeconds: number;
  /** Due-soon warning when the working time left is at most this share of the promised working span. */
  dueSoonPercent: number;
}

export interface NotificationSettings {
  /** Base of the links in messages (the public lookup page). */
  publicUrl: string;
  maxAttempts: number;
  retryBaseSeconds: number;
  smtp: { host: string; port: number; secure: boolean; from: string; user: string | undefined; password: string | undefined } | undefined;
  /** Unset: 'log' in demo mode, 'none' otherwise. */
  smsProvider: 'none' | 'log' | 'http' | undefined;
  smsHttpUrl: string | undefined;
  smsHttpToken: string | undefined;
  smsCallbackSecret: string | undefined;
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
  MOTCUA_PG_PREPARED_STATEMENTS: { description: 'true: name (prepare) the queries on each PostgreSQL connection, so PostgreSQL plans each once per connection; only with a direct connection or pgbouncer ≥ 1.21 with max_prepared_statements (decision 0033)', default: 'false' },
  MOTCUA_LISTEN_DATABASE_URL: { description: 'Direct PostgreSQL URL for the live queue LISTEN connection, when DATABASE_URL goes through pgbouncer in transaction mode (see docs/deployment.md)', default: '(DATABASE_URL)' },
  MOTCUA_SESSION_HOURS: { description: 'Lifetime of a staff session, in hours', default: '12' },
  MOTCUA_COOKIE_SECURE: { description: 'Mark the session cookie Secure (true behind HTTPS)', default: 'false' },
  MOTCUA_TRUST_PROXY: { description: 'Trust X-Forwarded-For from a reverse proxy (true/false)', default: 'false' },
  MOTCUA_LOGIN_MAX_FAILURES_PER_ACCOUNT: { description: 'Failed sign-ins per account within the window before refusal', default: '5' },
  MOTCUA_LOGIN_MAX_FAILURES_PER_ADDRESS: { description: 'Failed sign-ins per client address within the window', default: '20' },
  MOTCUA_LOGIN_WINDOW_MINUTES: { description: 'Window of the sign-in rate limit, in minutes', default: '15' },
  MOTCUA_OIDC_ISSUER: { description: 'Citizen sign-in: issuer URL of the OpenID Connect provider (VNeID via the national portal). Unset: off, except demo mode, which starts a local provider', default: '(unset)' },
  MOTCUA_OIDC_CLIENT_ID: { description: 'Citizen sign-in: client id registered at the provider', default: 'motcua-portal' },
  MOTCUA_OIDC_CLIENT_SECRET: { description: 'Citizen sign-in: client secret registered at the provider', default: '(unset)' },
  MOTCUA_OIDC_REDIRECT_URI: { description: 'Citizen sign-in: callback URL registered at the provider', default: 'http://localhost:PORT/api/v1/citizen/auth/callback' },
  MOTCUA_DEMO_OIDC_PORT: { description: 'Demo mode: port of the local OpenID Connect provider with the demo citizens', default: 'PORT + 1' },
  MOTCUA_CITIZEN_SESSION_HOURS: { description: 'Lifetime of a citizen session, in hours', default: '2' },
  MOTCUA_CITIZEN_OTP: { description: 'Citizen sign-in with a one-time code sent by SMS or e-mail, as a fallback to the electronic identity (true/false)', default: 'false (demo mode: true)' },
  MOTCUA_PAYMENT_GATEWAY: { description: 'Online fee payment: demo (simulated gateway: success, failure, timeout) or none', default: 'none (demo mode: demo)' },
  MOTCUA_PAYMENT_SECRET: { description: 'HMAC-SHA256 key that signs payment-gateway callbacks (demo mode: random per start)', default: '(unset)' },
  MOTCUA_PAYMENT_TIMEOUT_MINUTES: { description: 'Minutes after which an unanswered payment counts as expired', default: '15' },
  MOTCUA_LOOKUP_MAX_FAILURES_PER_ADDRESS: { description: 'Failed public dossier lookups per client address within the window before refusal', default: '10' },
  MOTCUA_LOOKUP_WINDOW_MINUTES: { description: 'Window of the public lookup rate limit, in minutes', default: '15' },
  MOTCUA_FILES_DIR: { description: 'Directory of scanned attachments, stored by SHA-256 (shared storage when several instances run)', default: '<data dir>/files' },
  MOTCUA_UPLOAD_MAX_MB: { description: 'Largest accepted attachment (PDF, JPEG or PNG scan), in megabytes', default: '20' },
  MOTCUA_FEEDBACK_MAX_PER_ADDRESS: { description: 'Questions and feedback accepted from one client address within the window', default: '5' },
  MOTCUA_FEEDBACK_WINDOW_MINUTES: { description: 'Window of the feedback rate limit, in minutes', default: '60' },
  MOTCUA_JOBS: { description: 'Run the background jobs (timers, outbox, notification delivery) in this instance', default: 'true' },
  MOTCUA_TIMER_INTERVAL_SECONDS: { description: 'Seconds between scans for due-soon, apology-reminder and overdue dossiers', default: '60' },
  MOTCUA_OUTBOX_INTERVAL_SECONDS: { description: 'Seconds between outbox polls (events to notifications and other consumers)', default: '5' },
  MOTCUA_DELIVERY_INTERVAL_SECONDS: { description: 'Seconds between polls for queued e-mails and SMS', default: '10' },
  MOTCUA_JOB_LEASE_SECONDS: { description: 'Lease of a claimed job or message; another instance takes over after it expires', default: '120' },
  MOTCUA_DUE_SOON_PERCENT: { description: 'Due-soon warning when the working time left is at most this percent of the promised working time', default: '20' },
  MOTCUA_PUBLIC_URL: { description: "Public address of motcua, used in the links of e-mails and SMS and in the QR codes of printed forms (unset: forms use the address the officer's browser used)", default: 'http://localhost:3000' },
  MOTCUA_NOTIFICATION_MAX_ATTEMPTS: { description: 'Delivery attempts of one e-mail or SMS before it is marked failed', default: '5' },
  MOTCUA_NOTIFICATION_RETRY_SECONDS: { description: 'First retry delay of a failed delivery; doubles after each attempt (max 6 hours)', default: '60' },
  MOTCUA_SMTP_HOST: { description: 'SMTP server for e-mail. Unset: e-mails are marked failed (demo mode: written to the log)', default: '(unset)' },
  MOTCUA_SMTP_PORT: { description: 'Port of the SMTP server', default: '587' },
  MOTCUA_SMTP_SECURE: { description: 'SMTP over TLS from the first byte (port 465); otherwise STARTTLS when offered', default: 'false' },
  MOTCUA_SMTP_FROM: { description: 'Sender address of e-mails', default: 'motcua <no-reply@localhost>' },
  MOTCUA_SMTP_USER: { description: 'SMTP user name (optional)', default: '(unset)' },
  MOTCUA_SMTP_PASSWORD: { description: 'SMTP password (optional)', default: '(unset)' },
  MOTCUA_SMS_PROVIDER: { description: 'SMS provider: none, log (writes SMS to the log) or http (generic HTTP gateway). Unset: log in demo mode, none otherwise', default: '(unset)' },
  MOTCUA_SMS_HTTP_URL: { description: 'URL the http SMS provider posts each message to', default: '(unset)' },
  MOTCUA_SMS_HTTP_TOKEN: { description: 'Bearer token of the http SMS provider (optional)', default: '(unset)' },
  MOTCUA_NATIONAL_PORTAL: { description: 'Synchronisation of dossier statuses to the national public-service portal: none, demo (recorded as synced, written to the log) or http (JSON POST to MOTCUA_NATIONAL_PORTAL_URL)', default: 'none (demo mode: demo)' },
  MOTCUA_NATIONAL_PORTAL_URL: { description: 'URL the http national-portal synchronisation posts each dossier state to', default: '(unset)' },
  MOTCUA_NATIONAL_PORTAL_TOKEN: { description: 'Bearer token of the national-portal synchronisation (optional)', default: '(unset)' },
  MOTCUA_NATIONAL_PORTAL_RETRY_SECONDS: { description: 'First retry delay of a failed national-portal synchronisation; doubles after each attempt (max 6 hours)', default: '60' },
  MOTCUA_SMS_CALLBACK_SECRET: { description: 'Shared secret the SMS gateway sends with delivery receipts (X-Motcua-Secret). Unset: receipts refused', default: '(unset)' },
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

function url(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  if (!/^https?:\/\/[^\s/]+/.test(raw)) throw new SettingsError(name, `${name}: phải là địa chỉ http(s):// (must be an http(s) URL), got "${raw}"`);
  return raw.replace(/\/$/, '');
}

/** One of a fixed list of words; unset or empty gives `fallback`. */
function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T;
function oneOf<T extends string>(env: Env, name: string, values: readonly T[]): T | undefined;
function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback?: T): T | undefined {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!(values as readonly string[]).includes(raw)) {
    const list = (words: string) => `${values.slice(0, -1).join(', ')} ${words} ${values[values.length - 1]}`;
    throw new SettingsError(name, `${name}: phải là ${list('hoặc')} (must be ${list('or')}), got "${raw}"`);
  }
  return raw as T;
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
  const databaseUrl = postgresUrl(env, 'DATABASE_URL');
  const logLevel = oneOf(env, 'MOTCUA_LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info');
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
    logLevel,
    databasePoolSize: integer(env, 'MOTCUA_DB_POOL_SIZE', 1, 500),
    databasePreparedStatements: boolean(env, 'MOTCUA_PG_PREPARED_STATEMENTS'),
    listenDatabaseUrl: postgresUrl(env, 'MOTCUA_LISTEN_DATABASE_URL') ?? databaseUrl,
    sessionHours: integer(env, 'MOTCUA_SESSION_HOURS', 1, 24 * 30),
    cookieSecure: boolean(env, 'MOTCUA_COOKIE_SECURE'),
    trustProxy: boolean(env, 'MOTCUA_TRUST_PROXY'),
    loginMaxFailuresPerAccount: integer(env, 'MOTCUA_LOGIN_MAX_FAILURES_PER_ACCOUNT', 1, 1000),
    loginMaxFailuresPerAddress: integer(env, 'MOTCUA_LOGIN_MAX_FAILURES_PER_ADDRESS', 1, 100000),
    loginWindowMinutes: integer(env, 'MOTCUA_LOGIN_WINDOW_MINUTES', 1, 24 * 60),
    oidcIssuer: url(env, 'MOTCUA_OIDC_ISSUER'),
    oidcClientId: env.MOTCUA_OIDC_CLIENT_ID?.trim() || 'motcua-portal',
    oidcClientSecret: env.MOTCUA_OIDC_CLIENT_SECRET?.trim() || undefined,
    oidcRedirectUri: url(env, 'MOTCUA_OIDC_REDIRECT_URI'),
    demoOidcPort: env.MOTCUA_DEMO_OIDC_PORT === undefined ? undefined : integer(env, 'MOTCUA_DEMO_OIDC_PORT', 0, 65535),
    citizenSessionHours: integer(env, 'MOTCUA_CITIZEN_SESSION_HOURS', 1, 24 * 7),
    citizenOtp: env.MOTCUA_CITIZEN_OTP === undefined || env.MOTCUA_CITIZEN_OTP.trim() === '' ? undefined : boolean(env, 'MOTCUA_CITIZEN_OTP'),
    paymentGateway: oneOf(env, 'MOTCUA_PAYMENT_GATEWAY', ['none', 'demo'] as const, 'none'),
    paymentSecret: env.MOTCUA_PAYMENT_SECRET?.trim() || undefined,
    paymentTimeoutMinutes: integer(env, 'MOTCUA_PAYMENT_TIMEOUT_MINUTES', 1, 24 * 60),
    lookupMaxFailuresPerAddress: integer(env, 'MOTCUA_LOOKUP_MAX_FAILURES_PER_ADDRESS', 1, 100000),
    lookupWindowMinutes: integer(env, 'MOTCUA_LOOKUP_WINDOW_MINUTES', 1, 24 * 60),
    filesDir: env.MOTCUA_FILES_DIR?.trim() || undefined,
    uploadMaxMegabytes: integer(env, 'MOTCUA_UPLOAD_MAX_MB', 1, 1024),
    publicUrl: publicUrl(env),
    feedbackMaxPerAddress: integer(env, 'MOTCUA_FEEDBACK_MAX_PER_ADDRESS', 1, 100000),
    feedbackWindowMinutes: integer(env, 'MOTCUA_FEEDBACK_WINDOW_MINUTES', 1, 7 * 24 * 60),
    jobs: jobSettings(env),
    notifications: notificationSettings(env),
    nationalPortal: nationalPortalSettings(env),
  };
  return { ...settings, ...overrides };
}

function postgresUrl(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim() || undefined;
  if (raw !== undefined && !/^postgres(ql)?:\/\//.test(raw)) {
    throw new SettingsError(name, `${name}: phải có dạng postgres://user:pass@host:port/db (must be a postgres:// URL)`);
  }
  return raw;
}

function optional(env: Env, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

function jobSettings(env: Env): JobSettings {
  return {
    enabled: boolean(env, 'MOTCUA_JOBS'),
    timerIntervalSeconds: integer(env, 'MOTCUA_TIMER_INTERVAL_SECONDS', 1, 24 * 3600),
    outboxIntervalSeconds: integer(env, 'MOTCUA_OUTBOX_INTERVAL_SECONDS', 1, 3600),
    deliveryIntervalSeconds: integer(env, 'MOTCUA_DELIVERY_INTERVAL_SECONDS', 1, 3600),
    leaseSeconds: integer(env, 'MOTCUA_JOB_LEASE_SECONDS', 10, 24 * 3600),
    dueSoonPercent: integer(env, 'MOTCUA_DUE_SOON_PERCENT', 1, 90),
  };
}

function notificationSettings(env: Env): NotificationSettings {
  const publicUrl = (env.MOTCUA_PUBLIC_URL?.trim() || 'http://localhost:3000').replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(publicUrl)) {
    throw new SettingsError('MOTCUA_PUBLIC_URL', `MOTCUA_PUBLIC_URL: phải là địa chỉ http(s):// (must be an http(s) URL), got "${publicUrl}"`);
  }
  const host = optional(env, 'MOTCUA_SMTP_HOST');
  const smsProvider = oneOf(env, 'MOTCUA_SMS_PROVIDER', ['none', 'log', 'http'] as const);
  const smsHttpUrl = optional(env, 'MOTCUA_SMS_HTTP_URL');
  if (smsProvider === 'http' && !smsHttpUrl) {
    throw new SettingsError('MOTCUA_SMS_HTTP_URL', 'MOTCUA_SMS_HTTP_URL: cần khi MOTCUA_SMS_PROVIDER=http (required with the http SMS provider)');
  }
  return {
    publicUrl,
    maxAttempts: integer(env, 'MOTCUA_NOTIFICATION_MAX_ATTEMPTS', 1, 50),
    retryBaseSeconds: integer(env, 'MOTCUA_NOTIFICATION_RETRY_SECONDS', 1, 24 * 3600),
    smtp: host === undefined ? undefined : {
      host,
      port: integer(env, 'MOTCUA_SMTP_PORT', 1, 65535),
      secure: boolean(env, 'MOTCUA_SMTP_SECURE'),
      from: optional(env, 'MOTCUA_SMTP_FROM') ?? SETTING_SPECS.MOTCUA_SMTP_FROM!.default,
      user: optional(env, 'MOTCUA_SMTP_USER'),
      password: env.MOTCUA_SMTP_PASSWORD || undefined,
    },
    smsProvider,
    smsHttpUrl,
    smsHttpToken: optional(env, 'MOTCUA_SMS_HTTP_TOKEN'),
    smsCallbackSecret: optional(env, 'MOTCUA_SMS_CALLBACK_SECRET'),
  };
}

function nationalPortalSettings(env: Env): NationalPortalSettings {
  const mode = oneOf(env, 'MOTCUA_NATIONAL_PORTAL', ['none', 'demo', 'http'] as const, 'none');
  const portalUrl = url(env, 'MOTCUA_NATIONAL_PORTAL_URL');
  if (mode === 'http' && !portalUrl) {
    throw new SettingsError('MOTCUA_NATIONAL_PORTAL_URL', 'MOTCUA_NATIONAL_PORTAL_URL: cần khi MOTCUA_NATIONAL_PORTAL=http (required with the http national-portal synchronisation)');
  }
  return {
    mode,
    url: portalUrl,
    token: optional(env, 'MOTCUA_NATIONAL_PORTAL_TOKEN'),
    retryBaseSeconds: integer(env, 'MOTCUA_NATIONAL_PORTAL_RETRY_SECONDS', 1, 24 * 3600),
  };
}
