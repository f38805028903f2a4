// How far a procedure can be done online: toàn trình (full: filing, payment and result online or by
// post), một phần (partial: filing online, the rest in person), or not online.
import { foldVietnamese } from './text.ts';

export type OnlineLevel = 'full' | 'partial' | 'none';
export const ONLINE_LEVELS: readonly OnlineLevel[] = ['full', 'partial', 'none'];
export const ONLINE_LEVEL_LABELS_VI: Record<OnlineLevel, string> = { full: 'Toàn trình', partial: 'Một phần', none: 'Không trực tuyến' };

const ALIASES: Record<string, OnlineLevel> = {
  'toan trinh': 'full', full: 'full', 'dich vu cong truc tuyen toan trinh': 'full', 'muc 4': 'full',
  'mot phan': 'partial', partial: 'partial', 'dich vu cong truc tuyen mot phan': 'partial', 'muc 3': 'partial',
  khong: 'none', none: 'none', 'khong truc tuyen': 'none', 'cung cap thong tin': 'none',
};

export function parseOnlineLevel(text: string): OnlineLevel | undefined {
  return ALIASES[foldVietnamese(text)];
}

/**
 * When the source does not say: no online channel → none; an online channel → partial, or full when the
 * published texts call it "toàn trình" and never "một phần".
 */
export function deriveOnlineLevel(hasOnlineChannel: boolean, texts: readonly string[]): OnlineLevel {
  if (!hasOnlineChannel) return 'none';
  const folded = texts.map(foldVietnamese).join(' ');
  return folded.includes('toan trinh') && !folded.includes('mot phan') ? 'full' : 'partial';
}
