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
