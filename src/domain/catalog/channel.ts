// Submission channels (domain.md §3.2; national portal codes 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích).
import { foldVietnamese } from './text.ts';

export type Channel = 'direct' | 'online' | 'postal';
export const CHANNELS: readonly Channel[] = ['direct', 'online', 'postal'];
export const CHANNEL_LABELS_VI: Record<Channel, string> = { direct: 'Trực tiếp', online: 'Trực tuyến', postal: 'Dịch vụ bưu chính' };
export const CHANNEL_PORTAL_CODES: Record<Channel, number> = { direct: 1, online: 2, postal: 3 };

const ALIASES: Record<string, Channel> = {
  'truc tiep': 'direct', direct: 'direct', '1': 'direct', 'nop truc tiep': 'direct',
  'truc tuyen': 'online', online: 'online', '2': 'online', 'nop truc tuyen': 'online', 'dich vu cong truc tuyen': 'online',
  'dich vu buu chinh': 'postal', 'buu chinh': 'postal', 'buu chinh cong ich': 'postal', 'dich vu buu chinh cong ich': 'postal',
  'qua buu chinh': 'postal', postal: 'postal', '3': 'postal',
};

export function parseChannel(text: string): Channel | undefined {
  return ALIASES[foldVietnamese(text)];
}
