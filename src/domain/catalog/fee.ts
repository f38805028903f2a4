// Fees and charges (phí, lệ phí) per channel: free, an amount in a currency, not published, or kept as
// the original text when it is not one amount ("theo Nghị quyết HĐND tỉnh", "2% giá trị").
import { foldVietnamese } from './text.ts';

export type Fee =
  | { kind: 'free' }
  | { kind: 'amount'; amount: number; currency: 'VND' | 'USD' }
  | { kind: 'unspecified' }
  | { kind: 'unparsed'; text: string };

export interface FeeReading {
  fee: Fee;
  /** An amount below 1,000 VND, which no Vietnamese fee is: a source error (e.g. "1 Việt Nam Đồng"). */
  suspicious?: true;
}

const FREE = /^(?:mien phi|mien le phi|khong thu(?: phi)?(?: le phi)?|khong mat phi|0\s*(?:vnd|dong|d))$|^free$/;
const UNSPECIFIED = /^(?:|-|khong co thong tin|khong co|khong|chua quy dinh|unspecified)$/;
const VND = /^(\d{1,3}(?:[.,\s]\d{3})+|\d+)\s*(?:vnd|vnđ|viet nam dong|dong|d|vn dong)(?:\s*\/.*)?$/;
const USD = /^(?:usd\s*)?(\d+(?:\.\d{1,2})?)\s*(?:usd|do la my|\$)?$/;

export function normaliseFee(text: string): FeeReading {
  const original = text.trim();
  const folded = foldVietnamese(original).replace(/\.$/, '');
  if (UNSPECIFIED.test(folded)) return { fee: { kind: 'unspecified' } };
  if (FREE.test(folded)) return { fee: { kind: 'free' } };
  const vnd = VND.exec(folded);
  if (vnd) {
    const amount = Number(vnd[1]!.replace(/[.,\s]/g, ''));
    if (Number.isSafeInteger(amount)) {
      if (amount === 0) return { fee: { kind: 'free' } };
      return amount < 1000 ? { fee: { kind: 'amount', amount, currency: 'VND' }, suspicious: true } : { fee: { kind: 'amount', amount, currency: 'VND' } };
    }
  }
  if (/usd|\$|do la/.test(folded)) {
    const usd = USD.exec(folded);
    if (usd) return { fee: { kind: 'amount', amount: Number(usd[1]), currency: 'USD' } };
  }
  return { fee: { kind: 'unparsed', text: original } };
}

/** "150.000 đ", "Miễn phí", "10 USD": the fee as a Vietnamese reader expects it. */
export function formatFeeVi(fee: Fee): string {
  switch (fee.kind) {
    case 'free':
      return 'Miễn phí';
    case 'unspecified':
      return 'Không có thông tin';
    case 'unparsed':
      return fee.text;
    case 'amount':
      return fee.currency === 'VND' ? `${fee.amount.toLocaleString('vi-VN')} đ` : `${fee.amount} USD`;
  }
}
