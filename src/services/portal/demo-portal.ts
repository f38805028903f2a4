// Demo mode's portal wiring: the local identity provider with the demo citizens (unless a real issuer is
// configured), the demo payment gateway with a per-start HMAC key (unless one is configured) and the
// one-time code sign-in (unless switched off), and the national-portal synchronisation written to the log
// (unless MOTCUA_NATIONAL_PORTAL is set).
import { randomBytes } from 'node:crypto';
import type { Settings } from '../../config/settings.ts';
import { startDemoIdentityProvider } from './demo-identity-provider.ts';

export interface DemoPortal {
  settings: Settings;
  issuer: string | undefined;
  close(): Promise<void>;
}

/** `baseUrl`: where the API answers (the callback URL is registered at the provider). */
export async function startDemoPortal(settings: Settings, baseUrl: string, options: { host?: string; port?: number } = {}): Promise<DemoPortal> {
  let next: Settings = {
    ...settings,
    paymentGateway: settings.paymentGateway === 'none' && !process.env.MOTCUA_PAYMENT_GATEWAY ? 'demo' : settings.paymentGateway,
    paymentSecret: settings.paymentSecret ?? randomBytes(32).toString('hex'),
    // Dossier statuses are "synchronised" to the national portal by writing them to the log (indicator 1.4).
    nationalPortal: settings.nationalPortal.mode === 'none' && !process.env.MOTCUA_NATIONAL_PORTAL ? { ...settings.nationalPortal, mode: 'demo' } : settings.nationalPortal,
    // The one-time code fallback is shown in demo mode unless MOTCUA_CITIZEN_OTP=false.
    citizenOtp: settings.citizenOtp ?? true,
  };
  if (settings.oidcIssuer) return { settings: next, issuer: undefined, close: async () => {} };
  const redirectUri = settings.oidcRedirectUri ?? `${baseUrl}/api/v1/citizen/auth/callback`;
  const clientSecret = settings.oidcClientSecret ?? randomBytes(24).toString('hex');
  const provider = await startDemoIdentityProvider({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? settings.demoOidcPort ?? (settings.port === 0 ? 0 : settings.port + 1),
    clientId: settings.oidcClientId,
    clientSecret,
    redirectUris: [redirectUri],
    password: settings.demoPassword,
  });
  next = { ...next, oidcIssuer: provider.issuer, oidcClientSecret: clientSecret, oidcRedirectUri: redirectUri };
  return { settings: next, issuer: provider.issuer, close: provider.close };
}
