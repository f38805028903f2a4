// The app's areas: one place for their paths, labels and who may enter. The server remains the
// authority on permissions; `roles` here only decides what the shell shows.
import type { Role } from './api/auth.ts';

export type AreaKey = 'catalog' | 'submit' | 'lookup' | 'counter' | 'desk' | 'dashboard' | 'admin';

export interface Area {
  key: AreaKey;
  path: string;
  /** Staff areas require sign-in; `roles` lists who may use them (any one suffices). */
  staff: boolean;
  roles?: readonly Role[];
}

export const AREAS: readonly Area[] = [
  { key: 'catalog', path: '/thu-tuc', staff: false },
  { key: 'submit', path: '/nop-ho-so', staff: false },
  { key: 'lookup', path: '/tra-cuu', staff: false },
  { key: 'counter', path: '/quay', staff: true, roles: ['reception', 'manager', 'admin'] },
  // Reception officers act on dossiers too (transfer, receive a supplement, return the result).
  { key: 'desk', path: '/xu-ly', staff: true, roles: ['reception', 'processing', 'leader', 'manager', 'admin'] },
  { key: 'dashboard', path: '/dieu-hanh', staff: true, roles: ['leader', 'manager', 'admin'] },
  { key: 'admin', path: '/quan-tri', staff: true, roles: ['admin'] },
];

export const LOGIN_PATH = '/dang-nhap';

/** The public working calendar (holidays, make-up days) and due-date calculator. */
export const CALENDAR_PATH = '/lich-lam-viec';

/** The satisfaction rating on a counter tablet (kiosk mode), after a result is returned. */
export const KIOSK_RATING_PATH = '/danh-gia';
/** Public questions and feedback: the Q&A, the form (/gui) and the tracking page (/theo-doi). */
export const FEEDBACK_PATH = '/hoi-dap';

/** Only same-app paths may be used as a post-login destination (no open redirect). */
export function safeNextPath(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}
