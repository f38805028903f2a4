// Expected refusals (a second extension, an event out of order) are values, not exceptions.
import type { AppError } from '../errors.ts';

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppError): { ok: false; error: AppError } => ({ ok: false, error });
