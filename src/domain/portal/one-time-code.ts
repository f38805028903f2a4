// Sign-in with a one-time code (mã xác thực một lần) sent by SMS or e-mail: what a destination is, the
// policy numbers, and the decision on a typed code. Pure; hashing and randomness live in the service.
import { checkEmail, checkMobilePhone } from '../dossier/identity-numbers.ts';
import { maskPhone } from '../dossier/privacy.ts';
import { invalid } from '../errors.ts';

export type OtpChannel = 'sms' | 'email';

/** Where the code goes and who signs in: a mobile number (national form) or an e-mail in lower case. */
export interface OtpDestination {
  channel: OtpChannel;
  identifier: string;
}

export const OTP_POLICY = {
  digits: 6,
  lifetimeMinutes: 5,
  maxAttempts: 5,
  /** Codes one identifier may ask for within the window (each new one replaces the last). */
  maxRequestsPerIdentifier: 3,
  /** Codes one client address may ask for within the window, whatever the identifiers. */
  maxRequestsPerAddress: 10,
  windowMinutes: 15,
  /** A second code for the same identifier is not sent sooner than this. */
  resendAfterSeconds: 60,
} as const;

/** "0912 345 678", "+84912345678" → sms 0912345678; "Lan.Nguyen@Example.VN" → email lan.nguyen@example.vn. */
export function parseOtpDestination(text: string): OtpDestination {
  const trimmed = text.trim();
  if (trimmed.includes('@')) {
    const email = checkEmail(trimmed);
    if (!email.ok) throw invalid('OTP_DESTINATION_INVALID', 'Địa chỉ thư điện tử không hợp lệ.', { field: 'destination' });
    // Mailboxes are case-insensitive in practice; one person, one identity whatever the capitals typed.
    return { channel: 'email', identifier: email.value.toLowerCase() };
  }
  const phone = checkMobilePhone(trimmed);
  if (!phone.ok) {
    throw invalid('OTP_DESTINATION_INVALID', 'Nhập số điện thoại di động (10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09) hoặc địa chỉ thư điện tử.',
      { field: 'destination' });
  }
  return { channel: 'sms', identifier: phone.value };
}

/** What the citizen is shown of where the code went: 091****678, la***@example.vn. */
export function maskDestination(destination: OtpDestination): string {
  if (destination.channel === 'sms') return maskPhone(destination.identifier);
  const at = destination.identifier.lastIndexOf('@');
  return `${destination.identifier.slice(0, Math.min(2, at))}***${destination.identifier.slice(at)}`;
}

/** A typed code as the citizen may enter it ("123 456", "123-456") → its six digits, or null. */
export function normaliseTypedCode(text: string): string | null {
  const digits = text.replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${OTP_POLICY.digits}}$`).test(digits) ? digits : null;
}

export type OtpCheck = 'expired' | 'locked' | 'wrong' | 'wrong_and_locked' | 'right';

/** The decision on one attempt at a live code (`attemptsBefore` = failed attempts so far). */
export function judgeAttempt(code: { expiresAt: number; attemptsBefore: number }, now: number, matches: boolean): OtpCheck {
  if (now >= code.expiresAt) return 'expired';
  if (code.attemptsBefore >= OTP_POLICY.maxAttempts) return 'locked';
  if (matches) return 'right';
  return code.attemptsBefore + 1 >= OTP_POLICY.maxAttempts ? 'wrong_and_locked' : 'wrong';
}
