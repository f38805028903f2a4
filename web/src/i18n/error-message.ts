// Turns any thrown value into a sentence for the user. Vietnamese shows the server's own message;
// English maps the codes we know and otherwise falls back to the server's (Vietnamese) message.
import type { TFunction } from 'i18next';
import { isApiError } from '../api/client.ts';

const TRANSLATED_CODES = [
  'INVALID_CREDENTIALS',
  'RATE_LIMITED',
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN_ROLE',
  'CALENDAR_OUT_OF_RANGE',
  'INVALID_INSTANT',
  'INVALID_DURATION',
  'NOT_A_WEEKDAY',
  'NOT_A_WEEKEND',
  'DATE_OUTSIDE_YEAR',
  'REASON_REQUIRED',
] as const;
type TranslatedCode = (typeof TRANSLATED_CODES)[number];

function isTranslatedCode(code: string): code is TranslatedCode {
  return (TRANSLATED_CODES as readonly string[]).includes(code);
}

export function errorMessage(error: unknown, t: TFunction, language: string): string {
  if (!isApiError(error)) return t('errors.UNKNOWN');
  if (error.code === 'NETWORK_ERROR') return t('errors.NETWORK_ERROR');
  if (error.code === 'BAD_RESPONSE') return t('errors.BAD_RESPONSE');
  if (language !== 'vi' && isTranslatedCode(error.code)) return t(`errors.${error.code}`);
  return error.message || (isTranslatedCode(error.code) ? t(`errors.${error.code}`) : t('errors.UNKNOWN'));
}
