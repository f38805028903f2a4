import { describe, expect, it } from 'vitest';
import { loadSettings, SettingsError, SETTING_SPECS } from './settings.ts';

function refusal(env: Record<string, string>): SettingsError {
  try {
    loadSettings(env);
  } catch (error) {
    if (error instanceof SettingsError) return error;
    throw error;
  }
  throw new Error('expected the settings to be refused');
}

describe('settings', () => {
  it('has working defaults', () => {
    const s = loadSettings({});
    expect(s).toMatchObject({ port: 3000, databaseUrl: undefined, dataDir: './.motcua-data', demoPassword: 'motcua-demo', sessionHours: 12 });
  });

  it('refuses an unknown MOTCUA_ variable, naming it', () => {
    const error = refusal({ MOTCUA_DATADIR: '/x' });
    expect(error.variable).toBe('MOTCUA_DATADIR');
    expect(error.message).toContain('MOTCUA_DATADIR');
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ MOTCUA_LOG_LEVEL: 'loud' }, 'MOTCUA_LOG_LEVEL'],
    [{ MOTCUA_COOKIE_SECURE: 'maybe' }, 'MOTCUA_COOKIE_SECURE'],
    [{ MOTCUA_DEMO_PASSWORD: 'short' }, 'MOTCUA_DEMO_PASSWORD'],
    [{ MOTCUA_SESSION_HOURS: '0' }, 'MOTCUA_SESSION_HOURS'],
    [{ MOTCUA_UPLOAD_MAX_MB: '0' }, 'MOTCUA_UPLOAD_MAX_MB'],
    [{ MOTCUA_PUBLIC_URL: 'motcua.example' }, 'MOTCUA_PUBLIC_URL'],
  ])('refuses a malformed value %j', (env, variable) => {
    expect(refusal(env).variable).toBe(variable);
  });

  it('documents every setting it reads', () => {
    const s = loadSettings({ MOTCUA_DB_POOL_SIZE: '3', PORT: '8080', MOTCUA_COOKIE_SECURE: 'true' });
    expect(s.databasePoolSize).toBe(3);
    expect(s.port).toBe(8080);
    expect(s.cookieSecure).toBe(true);
    for (const name of Object.keys(SETTING_SPECS)) expect(SETTING_SPECS[name]!.description.length).toBeGreaterThan(10);
  });
});

describe('job and notification settings', () => {
  it('defaults to jobs on, e-mail off (no SMTP host) and the SMS provider chosen by the mode', () => {
    const s = loadSettings({});
    expect(s.jobs).toEqual({ enabled: true, timerIntervalSeconds: 60, outboxIntervalSeconds: 5, deliveryIntervalSeconds: 10, leaseSeconds: 120, dueSoonPercent: 20 });
    expect(s.notifications).toMatchObject({ publicUrl: 'http://localhost:3000', maxAttempts: 5, retryBaseSeconds: 60, smtp: undefined, smsProvider: undefined });
  });

  it('reads SMTP, keeps the password as given and trims the public URL', () => {
    const s = loadSettings({ MOTCUA_SMTP_HOST: 'smtp.binhduong.gov.vn', MOTCUA_SMTP_PORT: '465', MOTCUA_SMTP_SECURE: 'true', MOTCUA_SMTP_USER: 'motcua',
      MOTCUA_SMTP_PASSWORD: ' p@ss ', MOTCUA_PUBLIC_URL: 'https://dichvucong.binhduong.gov.vn/' });
    expect(s.notifications.smtp).toEqual({ host: 'smtp.binhduong.gov.vn', port: 465, secure: true, from: 'motcua <no-reply@localhost>', user: 'motcua', password: ' p@ss ' });
    expect(s.notifications.publicUrl).toBe('https://dichvucong.binhduong.gov.vn');
  });

  it.each([
    [{ MOTCUA_SMS_PROVIDER: 'viettel' }, 'MOTCUA_SMS_PROVIDER'],
    [{ MOTCUA_SMS_PROVIDER: 'http' }, 'MOTCUA_SMS_HTTP_URL'],
    [{ MOTCUA_DUE_SOON_PERCENT: '0' }, 'MOTCUA_DUE_SOON_PERCENT'],
    [{ MOTCUA_TIMER_INTERVAL_SECONDS: 'soon' }, 'MOTCUA_TIMER_INTERVAL_SECONDS'],
    [{ MOTCUA_JOBS: 'maybe' }, 'MOTCUA_JOBS'],
    [{ MOTCUA_PUBLIC_URL: 'ftp://x' }, 'MOTCUA_PUBLIC_URL'],
    [{ MOTCUA_SMTP_HOST: 'h', MOTCUA_SMTP_PORT: '0' }, 'MOTCUA_SMTP_PORT'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(refusal(env).variable).toBe(variable);
  });
});
