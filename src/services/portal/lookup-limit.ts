// The public lookup (and the rating by code + phone) answer "not found" for a wrong code or phone, and
// count those failures per client address in the database: past the limit within the window, the address
// is refused for a while, on every instance. A success is recorded too (for the audit of the period).
// The dossier is looked for first and the answer withheld until the check passed: the check and the
// attempt's record are then one statement (one round trip fewer per lookup than check, find, record).
import { notFound, rateLimited } from '../../domain/errors.ts';
import { checkAndRecordLookup } from '../../store/portal.ts';
import type { RequestOrigin, ServiceContext } from '../context.ts';

export async function guardLookup<T>(ctx: ServiceContext, origin: RequestOrigin | undefined, find: () => Promise<T | undefined>): Promise<T> {
  const now = ctx.now();
  const address = origin?.address ?? 'internal';
  const since = new Date(now.getTime() - ctx.settings.lookupWindowMinutes * 60_000);
  const found = await find();
  const failures = await checkAndRecordLookup(ctx.db, address, since, ctx.settings.lookupMaxFailuresPerAddress, found !== undefined, now);
  if (failures >= ctx.settings.lookupMaxFailuresPerAddress) {
    // Refused whatever was found, and not recorded: nothing of the dossier leaves.
    throw rateLimited('LOOKUP_RATE_LIMITED', `Tra cứu sai quá nhiều lần. Vui lòng thử lại sau ${ctx.settings.lookupWindowMinutes} phút.`, {
      retryAfterSeconds: ctx.settings.lookupWindowMinutes * 60,
    });
  }
  if (found === undefined) {
    throw notFound('DOSSIER_NOT_FOUND', 'Không tìm thấy hồ sơ với mã và số điện thoại (hoặc số giấy tờ) đã nhập.');
  }
  return found;
}
