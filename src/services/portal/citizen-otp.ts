// Sign-in with a one-time code sent by SMS or e-mail: the fallback to the electronic identity where the
// province enables it (MOTCUA_CITIZEN_OTP; on in demo mode). Six random digits, kept only as a salted
// scrypt hash, valid 5 minutes and for 5 attempts, one active code per identifier, rate-limited per
// identifier and per client address. The code goes out through the notification outbox (the same
// channels, retries and delivery status as every other message); the delivery job forgets it once sent.
// A right code opens the same kind of citizen session as the OpenID Connect sign-in, for a citizen known
// only by that phone or e-mail (docs/decisions/0021-citizen-one-time-code.md).
import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { forbidden, rateLimited, unauthorized } from '../../domain/errors.ts';
import { judgeAttempt, maskDestination, normaliseTypedCode, OTP_POLICY, parseOtpDestination, type OtpChannel, type OtpDestination } from '../../domain/portal/one-time-code.ts';
import { formatInstantVN } from '../../domain/time/instant.ts';
import { appendAudit } from '../../store/audit.ts';
import { insertCitizenSession, upsertCitizen, type CitizenRecord } from '../../store/citizens.ts';
import { closeCode, countRecentCodes, countWrongAttempt, findActiveCode, insertCode, lockIdentifier, OTP_ISSUER_PREFIX } from '../../store/citizen-otp.ts';
import { enqueueNotification } from '../../store/notifications.ts';
import type { Db } from '../../store/database.ts';
import { hashToken } from '../auth.ts';
import type { RequestOrigin, ServiceContext } from '../context.ts';
import { citizenActor, safeReturnTo, type CitizenLogin } from './citizen-auth.ts';

export const OTP_TEMPLATE = 'citizen.one_time_code';
const SCRYPT = { N: 1 << 14, r: 8, p: 1, keyLength: 32 };

export function otpEnabled(ctx: ServiceContext): boolean {
  return ctx.settings.citizenOtp === true;
}

function requireEnabled(ctx: ServiceContext): void {
  if (!otpEnabled(ctx)) {
    throw forbidden('OTP_DISABLED', 'Tỉnh chưa bật đăng nhập bằng mã một lần; vui lòng đăng nhập bằng tài khoản định danh điện tử (VNeID).');
  }
}

/** The verified phone or e-mail of a citizen who signed in with a code; undefined for an identity-provider citizen. */
export function otpIdentityOf(citizen: Pick<CitizenRecord, 'oidcIssuer' | 'oidcSubject'>): OtpDestination | undefined {
  if (!citizen.oidcIssuer.startsWith(OTP_ISSUER_PREFIX)) return undefined;
  const channel = citizen.oidcIssuer.slice(OTP_ISSUER_PREFIX.length);
  return channel === 'sms' || channel === 'email' ? { channel, identifier: citizen.oidcSubject } : undefined;
}

function scryptHash(code: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(code, salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: 64 * 1024 * 1024 },
    (error, key) => (error ? reject(error) : resolve(key))));
}

/** The identifier is part of the hashed text, so a hash copied onto another identifier's row is worthless. */
async function hashCode(identifier: string, code: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptHash(`${identifier}:${code}`, salt);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/** Constant-time comparison of a typed code with the stored hash (a malformed hash never matches). */
async function codeMatches(stored: string, identifier: string, typed: string): Promise<boolean> {
  const [scheme, , , , salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptHash(`${identifier}:${typed}`, Buffer.from(salt, 'base64url'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export interface OtpRequestAnswer {
  channel: OtpChannel;
  /** Where the code went, masked (091****678). */
  sentTo: string;
  expiresAt: string;
  resendAfterSeconds: number;
}

/** Issues a code for a phone or e-mail and queues it; any earlier code of that identifier stops working. */
export async function requestOtp(ctx: ServiceContext, destinationText: string, origin: RequestOrigin): Promise<OtpRequestAnswer> {
  requireEnabled(ctx);
  const destination = parseOtpDestination(destinationText);
  const now = ctx.now();
  const since = new Date(now.getTime() - OTP_POLICY.windowMinutes * 60_000);
  const code = String(randomInt(0, 10 ** OTP_POLICY.digits)).padStart(OTP_POLICY.digits, '0');
  const codeHash = await hashCode(destination.identifier, code);
  const expiresAt = new Date(now.getTime() + OTP_POLICY.lifetimeMinutes * 60_000);
  const sentTo = maskDestination(destination);
  await ctx.db.transaction().execute(async (trx) => {
    await lockIdentifier(trx, ctx.provinceCode, destination.identifier);
    if (await countRecentCodes(trx, { address: origin.address }, since) >= OTP_POLICY.maxRequestsPerAddress) {
      throw rateLimited('OTP_RATE_LIMITED', `Quá nhiều yêu cầu gửi mã từ thiết bị này; vui lòng thử lại sau ${OTP_POLICY.windowMinutes} phút.`,
        { retryAfterSeconds: OTP_POLICY.windowMinutes * 60 });
    }
    const active = await findActiveCode(trx, ctx.provinceCode, destination.identifier, true);
    if (active && active.expiresAt > now && now.getTime() - active.createdAt.getTime() < OTP_POLICY.resendAfterSeconds * 1000) {
      const wait = Math.ceil((active.createdAt.getTime() + OTP_POLICY.resendAfterSeconds * 1000 - now.getTime()) / 1000);
      throw rateLimited('OTP_RESEND_TOO_SOON', `Mã vừa được gửi đến ${sentTo}; vui lòng chờ ${wait} giây trước khi yêu cầu mã mới.`, { retryAfterSeconds: wait });
    }
    if (await countRecentCodes(trx, { provinceCode: ctx.provinceCode, identifier: destination.identifier }, since) >= OTP_POLICY.maxRequestsPerIdentifier) {
      throw rateLimited('OTP_RATE_LIMITED', `Đã gửi quá nhiều mã đến ${sentTo}; vui lòng thử lại sau ${OTP_POLICY.windowMinutes} phút.`,
        { retryAfterSeconds: OTP_POLICY.windowMinutes * 60 });
    }
    if (active) await closeCode(trx, active.id, now, 'superseded');
    const id = await insertCode(trx, ctx.provinceCode, { ...destination, codeHash, createdAt: now, expiresAt, address: origin.address });
    await enqueueNotification(trx, ctx.provinceCode, {
      channel: destination.channel, recipient: destination.identifier, template: OTP_TEMPLATE,
      payload: { code, minutes: OTP_POLICY.lifetimeMinutes, expiresAt: expiresAt.toISOString() }, dedupeKey: `citizen-otp:${id}`,
    });
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor: null, action: 'citizen.otp_requested', entityType: 'citizen_otp', entityId: id,
      details: { channel: destination.channel, sentTo }, requestId: origin.requestId, address: origin.address });
  });
  return { channel: destination.channel, sentTo, expiresAt: formatInstantVN(expiresAt.getTime()), resendAfterSeconds: OTP_POLICY.resendAfterSeconds };
}

type Verdict = { ok: true; citizen: CitizenRecord; token: string; expiresAt: Date } | { ok: false; error: Error };

/** Checks a typed code; a right one signs the citizen in (same session as the identity-provider path). */
export async function verifyOtp(ctx: ServiceContext, body: { destination: string; code: string; returnTo?: string | undefined }, origin: RequestOrigin): Promise<CitizenLogin> {
  requireEnabled(ctx);
  const destination = parseOtpDestination(body.destination);
  const typed = normaliseTypedCode(body.code);
  const sentTo = maskDestination(destination);
  const now = ctx.now();
  // Failed attempts are committed before the refusal is thrown (a rollback would forget them).
  const verdict = await ctx.db.transaction().execute(async (trx): Promise<Verdict> => {
    await lockIdentifier(trx, ctx.provinceCode, destination.identifier);
    const active = await findActiveCode(trx, ctx.provinceCode, destination.identifier, true);
    const refuse = async (code: string, message: string, outcome: string, details: Record<string, unknown> = {}): Promise<Verdict> => {
      await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor: null, action: 'citizen.otp_failed', entityType: 'citizen_otp',
        entityId: active?.id ?? sentTo, details: { channel: destination.channel, sentTo, outcome }, requestId: origin.requestId, address: origin.address });
      return { ok: false, error: unauthorized(code, message, details) };
    };
    if (!active) return refuse('OTP_NOT_REQUESTED', 'Chưa có mã nào đang hiệu lực cho số điện thoại hoặc thư điện tử này; vui lòng yêu cầu gửi mã.', 'none');
    // A code that is not even six digits is a wrong attempt too (it counts), without the hash work.
    const matches = typed !== null && (await codeMatches(active.codeHash, destination.identifier, typed));
    const outcome = judgeAttempt({ expiresAt: active.expiresAt.getTime(), attemptsBefore: active.attempts }, now.getTime(), matches);
    switch (outcome) {
      case 'expired':
        return refuse('OTP_EXPIRED', `Mã đã hết hạn (mã chỉ có hiệu lực ${OTP_POLICY.lifetimeMinutes} phút); vui lòng yêu cầu mã mới.`, outcome);
      case 'locked':
        return refuse('OTP_TOO_MANY_ATTEMPTS', `Đã nhập sai quá ${OTP_POLICY.maxAttempts} lần; mã này không còn dùng được, vui lòng yêu cầu mã mới.`, outcome);
      case 'wrong_and_locked':
        await countWrongAttempt(trx, active.id);
        await closeCode(trx, active.id, now, 'locked');
        return refuse('OTP_TOO_MANY_ATTEMPTS', `Đã nhập sai quá ${OTP_POLICY.maxAttempts} lần; mã này không còn dùng được, vui lòng yêu cầu mã mới.`, outcome);
      case 'wrong': {
        const attempts = await countWrongAttempt(trx, active.id);
        return refuse('OTP_INVALID', `Mã không đúng; còn ${OTP_POLICY.maxAttempts - attempts} lần thử.`, outcome,
          { attemptsLeft: OTP_POLICY.maxAttempts - attempts });
      }
      case 'right':
        return { ok: true, ...(await signIn(ctx, trx, destination, active.id, origin)) };
    }
  });
  if (!verdict.ok) throw verdict.error;
  return { token: verdict.token, expiresAt: verdict.expiresAt, citizen: verdict.citizen, returnTo: safeReturnTo(body.returnTo) };
}

async function signIn(ctx: ServiceContext, trx: Db, destination: OtpDestination, codeId: string, origin: RequestOrigin) {
  const now = ctx.now();
  await closeCode(trx, codeId, now, 'used');
  const citizen = await upsertCitizen(trx, ctx.provinceCode, `${OTP_ISSUER_PREFIX}${destination.channel}`, destination.identifier, {
    fullName: maskDestination(destination), idNumber: null,
    phone: destination.channel === 'sms' ? destination.identifier : null,
    email: destination.channel === 'email' ? destination.identifier : null,
    communeCode: null, addressDetail: null,
  }, now);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ctx.settings.citizenSessionHours * 3_600_000);
  await insertCitizenSession(trx, { tokenHash: hashToken(token), citizenId: citizen.id, createdAt: now, expiresAt, address: origin.address, userAgent: origin.userAgent });
  await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor: citizenActor(citizen), action: 'citizen.login', entityType: 'citizen',
    entityId: citizen.id, details: { method: 'one_time_code', channel: destination.channel, sentTo: maskDestination(destination), code: codeId },
    requestId: origin.requestId, address: origin.address });
  return { citizen, token, expiresAt };
}
