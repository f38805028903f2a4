// What lists and the public lookup may show of an applicant: masked numbers and initials, never the
// full name or ID (issue 5: "ID numbers are masked in lists"; contract: "the applicant's initials").

const KEEP = 3;

/** Keeps the first and last three digits: `079123456789` → `079******789`, `0301234567-001` →
 * `030*******-001`. Separators stay; with six digits or fewer everything is masked. */
export function maskIdNumber(value: string): string {
  const digitCount = [...value].filter((c) => /\d/.test(c)).length;
  let seen = 0;
  return [...value]
    .map((c) => {
      if (!/\d/.test(c)) return c;
      seen += 1;
      const shown = digitCount > 2 * KEEP && (seen <= KEEP || seen > digitCount - KEEP);
      return shown ? c : '*';
    })
    .join('');
}

/** `0912345678` → `091****678`. */
export const maskPhone = maskIdNumber;

/** `Nguyễn Văn An` → `N.V.A.`; `đặng thị ánh` → `Đ.T.Á.` (first letter or digit of each word). */
export function applicantInitials(fullName: string): string {
  return fullName
    .normalize('NFC')
    .split(/\s+/)
    .map((word) => [...word].find((c) => /[\p{L}\p{N}]/u.test(c)))
    .filter((c): c is string => c !== undefined)
    .map((c) => `${c.toLocaleUpperCase('vi')}.`)
    .join('');
}
