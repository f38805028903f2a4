// The small typed set of failures every layer speaks (architecture: "Errors are values of a small typed set").
// Each carries a machine code and a Vietnamese message; src/http maps the kind to a status once.

export type ErrorKind = 'invalid' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited';

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalid = (code: string, message: string, details?: unknown) => new AppError('invalid', code, message, details);
export const unauthorized = (code: string, message: string, details?: unknown) =>
  new AppError('unauthorized', code, message, details);
export const forbidden = (code: string, message: string, details?: unknown) =>
  new AppError('forbidden', code, message, details);
export const notFound = (code: string, message: string, details?: unknown) =>
  new AppError('not_found', code, message, details);
export const conflict = (code: string, message: string, details?: unknown) =>
  new AppError('conflict', code, message, details);
export const rateLimited = (code: string, message: string, details?: unknown) =>
  new AppError('rate_limited', code, message, details);

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
