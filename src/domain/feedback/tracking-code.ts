// Tracking code of a message (mã theo dõi): `PA-YYMMDD-XXXXXX`.
// - `PA` (phản ánh) tells it apart from dossier codes (`<agency identifier>-YYMMDD-NNNN`);
// - `YYMMDD` is the day of receipt in Vietnam (UTC+7), so an officer reads the age at a glance;
// - `XXXXXX` are 6 random symbols of Crockford's base 32 (digits and letters without I, L, O, U), about
//   10⁹ per day: codes cannot be enumerated, and the lookup also needs the sender's phone.
// Input is forgiving: case, spaces and the look-alikes O→0, I/L→1 are normalised.

export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RANDOM_LENGTH = 6;
const CODE_RE = /^PA-\d{6}-[0-9A-HJKMNP-TV-Z]{6}$/;

function yymmdd(epochMs: number): string {
  const d = new Date(epochMs + 7 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCFullYear() % 100)}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}`;
}

/** Builds a code from the receipt instant and random bytes (the caller draws them; domain code has no
 * randomness). Uses the low 5 bits of each of the first 6 bytes. */
export function formatTrackingCode(receivedAt: number, randomBytes: Uint8Array): string {
  if (randomBytes.length < RANDOM_LENGTH) throw new RangeError(`tracking code needs ${RANDOM_LENGTH} random bytes`);
  let tail = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) tail += CODE_ALPHABET[randomBytes[i]! & 31];
  return `PA-${yymmdd(receivedAt)}-${tail}`;
}

/** The canonical form of a typed code, or null when it cannot be one. */
export function normaliseTrackingCode(text: string): string | null {
  const compact = text.toUpperCase().replace(/\s+/g, '');
  const match = /^PA-?(\d{6})-?([0-9A-Z]{6})$/.exec(compact);
  if (!match) return null;
  const tail = match[2]!.replace(/O/g, '0').replace(/[IL]/g, '1');
  const code = `PA-${match[1]}-${tail}`;
  return CODE_RE.test(code) ? code : null;
}

export function isTrackingCode(text: string): boolean {
  return CODE_RE.test(text);
}
