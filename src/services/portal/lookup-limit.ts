// The public lookup (and the rating by code + phone) answer "not found" for a wrong code or phone, and
// count those failures per client address in the database: past the limit within the window, the address
// is refused for a while, on every instance. A success is recorded too (for the audit of the period).
import { notFound, rateLimited } from '../../domain/errors.ts';
import { countLookupFailures, recordLookupAttempt } from '../../store/portal.ts';
import type { RequestOrigin, ServiceContext } from '../context.ts';

export async function guardLookup<T>(ctx: ServiceContext, origin: RequestOrigin | undefined, find: () => Promise<T | undefined>): Promise<T> {
  const now = ctx.now();
  const address = origin?.address ?? 'internal';
  const since = new Date(now.getTime() - ctx.settings.lookupWindowMinutes * 60_000);
  if ((await countLookupFailures(ctx.db, address, since)) >= ctx.settings.lookupMaxFailuresPerAddress) {
    throw rateLimited('LOOKUP_RATE_LIMITED', `Tra cứu sai quá nhiều lần. Vui lòng thử lại sau ${ctx.settings.lookupWindowMinutes} phút.`, {
      retryAfterSeconds: ctx.settings.lookupWindowMinutes * 60,
    });
  }
  const found = await find();
  await recordLookupAttempt(ctx.db, address, found !== undefined, now);
  if (found === undefined) {
    throw notFound('DOSSIER_NOT_FOUND', 'Không tìm thấy hồ sơ với mã và số điện thoại (hoặc số giấy tờ) đã nhập.');
  }
  return found;
}
