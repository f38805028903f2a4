// Citizen sign-in through OpenID Connect (VNeID via the national portal in production; the local demo
// provider in demo mode and tests), with openid-client: authorization code + PKCE, state and nonce kept
// in the database for one use and 10 minutes, then an opaque citizen session (hashed, with an expiry)
// that is separate from staff sessions.
import { randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { invalid, unauthorized } from '../../domain/errors.ts';
import { normalisePhone } from '../../domain/dossier/identity-numbers.ts';
import { appendAudit } from '../../store/audit.ts';
import {
  findCitizenSession,
  insertCitizenSession,
  insertLoginRequest,
  revokeCitizenSession,
  takeLoginRequest,
  upsertCitizen,
  type CitizenProfile,
  type CitizenRecord,
} from '../../store/citizens.ts';
import { hashToken } from '../auth.ts';
import type { RequestOrigin, ServiceContext } from '../context.ts';

export const CITIZEN_SCOPES = 'openid profile email phone vneid';
const LOGIN_REQUEST_MINUTES = 10;

const configurations = new Map<string, Promise<oidc.Configuration>>();

function providerSettings(ctx: ServiceContext) {
  const { oidcIssuer, oidcClientId, oidcClientSecret } = ctx.settings;
  if (!oidcIssuer) throw invalid('CITIZEN_SIGNIN_DISABLED', 'Đăng nhập công dân chưa được cấu hình (MOTCUA_OIDC_ISSUER).');
  return { issuer: oidcIssuer, clientId: oidcClientId, clientSecret: oidcClientSecret, redirectUri: redirectUriOf(ctx) };
}

export function redirectUriOf(ctx: ServiceContext): string {
  return ctx.settings.oidcRedirectUri ?? `http://localhost:${ctx.settings.port}/api/v1/citizen/auth/callback`;
}

/** Discovery once per issuer and client; a failed discovery is forgotten so the next sign-in retries. */
async function configuration(ctx: ServiceContext): Promise<oidc.Configuration> {
  const p = providerSettings(ctx);
  const key = `${p.issuer} ${p.clientId}`;
  let pending = configurations.get(key);
  if (!pending) {
    const insecure = p.issuer.startsWith('http://');
    pending = oidc.discovery(new URL(p.issuer), p.clientId, p.clientSecret, undefined, insecure ? { execute: [oidc.allowInsecureRequests] } : undefined);
    configurations.set(key, pending);
    pending.catch(() => configurations.delete(key));
  }
  try {
    return await pending;
  } catch {
    throw invalid('IDENTITY_PROVIDER_UNAVAILABLE', 'Không kết nối được hệ thống định danh điện tử; vui lòng thử lại sau.');
  }
}

/** Only same-app paths may follow a sign-in (no open redirect). */
export function safeReturnTo(value: string | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/nop-ho-so';
  return value;
}

/** Starts a sign-in: the URL of the provider's authorization endpoint to send the browser to. */
export async function beginCitizenLogin(ctx: ServiceContext, returnTo: string | undefined): Promise<string> {
  const config = await configuration(ctx);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const now = ctx.now();
  await insertLoginRequest(ctx.db, { state, nonce, codeVerifier, returnTo: safeReturnTo(returnTo), createdAt: now,
    expiresAt: new Date(now.getTime() + LOGIN_REQUEST_MINUTES * 60_000) });
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUriOf(ctx),
    scope: CITIZEN_SCOPES,
    response_type: 'code',
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    ui_locales: 'vi',
  }).href;
}

export interface CitizenLogin {
  token: string;
  expiresAt: Date;
  citizen: CitizenRecord;
  returnTo: string;
}

/** Finishes a sign-in from the provider's redirect (`query` = the callback's query string). */
export async function completeCitizenLogin(ctx: ServiceContext, query: string, origin: RequestOrigin): Promise<CitizenLogin> {
  const params = new URLSearchParams(query);
  const state = params.get('state') ?? '';
  const pending = state ? await takeLoginRequest(ctx.db, state, ctx.now()) : undefined;
  if (pending === undefined) throw unauthorized('LOGIN_STATE_INVALID', 'Yêu cầu đăng nhập không hợp lệ hoặc đã được dùng; vui lòng đăng nhập lại.');
  if (pending === 'expired') throw unauthorized('LOGIN_STATE_EXPIRED', 'Yêu cầu đăng nhập đã hết hạn; vui lòng đăng nhập lại.');
  if (params.get('error')) {
    throw unauthorized('LOGIN_DECLINED', 'Bạn chưa đồng ý đăng nhập hoặc chia sẻ thông tin với hệ thống định danh.', { error: params.get('error') });
  }
  const config = await configuration(ctx);
  const callbackUrl = new URL(redirectUriOf(ctx));
  callbackUrl.search = query;
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: pending.codeVerifier, expectedState: state, expectedNonce: pending.nonce });
  } catch (error) {
    throw unauthorized('LOGIN_FAILED', 'Hệ thống định danh không xác nhận được lần đăng nhập này; vui lòng thử lại.', { reason: (error as Error).message });
  }
  const subject = tokens.claims()?.sub;
  if (!subject) throw unauthorized('LOGIN_FAILED', 'Hệ thống định danh không trả về định danh người dùng.');
  const info = await oidc.fetchUserInfo(config, tokens.access_token, subject);
  const profile = profileOf(info);
  const now = ctx.now();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ctx.settings.citizenSessionHours * 3_600_000);
  const citizen = await ctx.db.transaction().execute(async (trx) => {
    const saved = await upsertCitizen(trx, ctx.provinceCode, config.serverMetadata().issuer, subject, profile, now);
    await insertCitizenSession(trx, { tokenHash: hashToken(token), citizenId: saved.id, createdAt: now, expiresAt, address: origin.address, userAgent: origin.userAgent });
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor: citizenActor(saved), action: 'citizen.login', entityType: 'citizen',
      entityId: saved.id, requestId: origin.requestId, address: origin.address });
    return saved;
  });
  return { token, expiresAt, citizen, returnTo: pending.returnTo };
}

function profileOf(info: Record<string, unknown>): CitizenProfile {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const phone = text(info.phone_number);
  const idNumber = text(info.cccd)?.replace(/[\s.]/g, '') ?? null;
  return {
    fullName: text(info.name) ?? 'Công dân',
    idNumber: idNumber && /^\d{12}$/.test(idNumber) ? idNumber : null,
    phone: phone ? (normalisePhone(phone) ?? phone) : null,
    email: text(info.email),
    communeCode: text(info.commune_code),
    addressDetail: text(info.address_detail),
  };
}

/** The audit log's "who" for a citizen (no staff role, no unit). */
export function citizenActor(citizen: { id: string }) {
  return { username: `citizen:${citizen.id}`, roles: ['citizen'], unitCode: '' };
}

/** The citizen behind a session token; an expired session is told apart from none. */
export async function authenticateCitizen(ctx: ServiceContext, token: string | undefined): Promise<CitizenRecord> {
  if (!token || token.length < 20 || token.length > 200) {
    throw unauthorized('CITIZEN_UNAUTHENTICATED', 'Vui lòng đăng nhập bằng tài khoản định danh điện tử.');
  }
  const session = await findCitizenSession(ctx.db, hashToken(token), ctx.now());
  if (session.state === 'expired') throw unauthorized('CITIZEN_SESSION_EXPIRED', 'Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại.');
  if (session.state === 'unknown') throw unauthorized('CITIZEN_UNAUTHENTICATED', 'Vui lòng đăng nhập bằng tài khoản định danh điện tử.');
  return session.citizen;
}

export async function logoutCitizen(ctx: ServiceContext, token: string | undefined): Promise<void> {
  if (token) await revokeCitizenSession(ctx.db, hashToken(token), ctx.now());
}
