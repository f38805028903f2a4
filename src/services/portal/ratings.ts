// POST /public/dossiers/{code}/rating: the satisfaction rating of one dossier, once, after the result was
// returned (Circular 01/2018 art. 12: online, or on a device at the counter). Authorised by the signed-in
// owner, or by the code with the applicant's phone or ID number (as the public lookup, with its limit).
import { conflict, forbidden, unauthorized } from '../../domain/errors.ts';
import { scoreRating } from '../../domain/portal/rating.ts';
import { formatInstantVN } from '../../domain/time/instant.ts';
import { appendOutbox, findDossier } from '../../store/dossiers.ts';
import { findOnlineFiling, insertRating } from '../../store/portal.ts';
import { appendAudit } from '../../store/audit.ts';
import type { CitizenRecord } from '../../store/citizens.ts';
import { findByProof } from '../dossier-read.ts';
import { guardLookup } from './lookup-limit.ts';
import { citizenActor } from './citizen-auth.ts';
import { ownsDossier } from './citizen-dossiers.ts';
import type { RequestOrigin, ServiceContext } from '../context.ts';

export interface RatingBody {
  overall: string;
  criteria: Record<string, string>;
  comment?: string | undefined;
  phone?: string | undefined;
  idNumber?: string | undefined;
  kiosk?: boolean | undefined;
}

export async function rateDossier(ctx: ServiceContext, rawCode: string, body: RatingBody, citizen: CitizenRecord | undefined, origin: RequestOrigin) {
  const scored = scoreRating(body.overall, body.criteria);
  const byProof = body.phone !== undefined || body.idNumber !== undefined;
  let dossier;
  if (byProof) {
    dossier = await guardLookup(ctx, origin, () => findByProof(ctx, rawCode, { phone: body.phone, idNumber: body.idNumber }));
  } else {
    if (!citizen) throw unauthorized('CITIZEN_UNAUTHENTICATED', 'Cần đăng nhập, hoặc nhập số điện thoại (số giấy tờ) của người nộp hồ sơ để đánh giá.');
    dossier = await findDossier(ctx.db, ctx.provinceCode, rawCode.trim().toUpperCase());
    if (!dossier) throw forbidden('NOT_YOUR_DOSSIER', 'Hồ sơ này không phải của bạn.');
    if (!ownsDossier(citizen, dossier, await findOnlineFiling(ctx.db, ctx.provinceCode, dossier.code))) {
      throw forbidden('NOT_YOUR_DOSSIER', 'Hồ sơ này không phải của bạn.');
    }
  }
  if (dossier.status !== 'returned') {
    throw conflict('RATING_NOT_YET_ALLOWED', 'Chỉ đánh giá được sau khi hồ sơ đã trả kết quả.', { status: dossier.status });
  }
  const now = ctx.now();
  const via = body.kiosk ? 'kiosk' : byProof ? 'lookup' : 'portal';
  const comment = body.comment?.trim() || null;
  const code = dossier.code;
  await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertRating(trx, ctx.provinceCode, { dossierCode: code, ratedAt: now, overall: scored.overall,
      criteria: { answers: scored.answers, points: scored.points }, points: scored.total, comment, via, citizenId: citizen && !byProof ? citizen.id : null });
    if (!inserted) throw conflict('ALREADY_RATED', 'Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần.');
    await appendOutbox(trx, ctx.provinceCode, 'dossier.rated', code, { code, overall: scored.overall, points: scored.total, via });
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor: citizen && !byProof ? citizenActor(citizen) : null, action: 'dossier.rate',
      entityType: 'dossier', entityId: code, details: { overall: scored.overall, via }, requestId: origin.requestId, address: origin.address });
  });
  return { code, overall: scored.overall, points: scored.total, criteria: scored.points, ratedAt: formatInstantVN(now.getTime()) };
}
