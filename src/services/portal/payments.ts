// Fees paid online (domain.md §8: through the national payment platform in production) behind a
// payment-gateway interface. A payment is created for the filing's fee and confirmed only by the gateway's
// server-to-server callback, signed with HMAC-SHA256: a bad signature, an unknown payment or dossier, a
// wrong amount, a replayed callback or one for a settled payment is refused with a clear error and
// changes nothing. A payment nobody confirms expires after the timeout; the citizen may start another.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { conflict, forbidden, invalid, notFound, unauthorized } from '../../domain/errors.ts';
import { formatInstantVN } from '../../domain/time/instant.ts';
import { appendAction, appendOutbox, findDossier } from '../../store/dossiers.ts';
import { findOnlineFiling, findPayment, insertPayment, listPayments, recordCallback, settlePayment, touchDossier, type PaymentRecord } from '../../store/portal.ts';
import { appendAudit } from '../../store/audit.ts';
import type { CitizenRecord } from '../../store/citizens.ts';
import { citizenActor } from './citizen-auth.ts';
import type { RequestOrigin, ServiceContext } from '../context.ts';
import type { Db } from '../../store/database.ts';

export interface PaymentCallback {
  transactionId: string;
  paymentId: string;
  dossierCode: string;
  amount: number;
  outcome: 'success' | 'failure';
}

export const SIGNATURE_HEADER = 'x-motcua-signature';

/** The signed text: fixed field order, so both sides sign the same bytes whatever JSON they use. */
export function callbackSignature(secret: string, c: PaymentCallback): string {
  return createHmac('sha256', secret).update([c.transactionId, c.paymentId, c.dossierCode, String(c.amount), c.outcome].join('|')).digest('hex');
}

function secretOf(ctx: ServiceContext): string {
  if (ctx.settings.paymentGateway === 'none' || !ctx.settings.paymentSecret) {
    throw conflict('PAYMENT_UNAVAILABLE', 'Thanh toán trực tuyến chưa được cấu hình; vui lòng nộp phí tại nơi tiếp nhận.');
  }
  return ctx.settings.paymentSecret;
}

/** Pending payments past their deadline are expired first, so the answer never shows a stale "pending". */
async function currentPayments(ctx: ServiceContext, db: Db, code: string): Promise<PaymentRecord[]> {
  const now = ctx.now();
  const payments = await listPayments(db, ctx.provinceCode, code);
  for (const p of payments) {
    if (p.status === 'pending' && p.expiresAt.getTime() <= now.getTime()) {
      await settlePayment(db, p.id, 'expired', now, null);
      p.status = 'expired';
      p.completedAt = now;
    }
  }
  return payments;
}

export function paymentView(p: PaymentRecord) {
  return { id: p.id, amount: p.amount, status: p.status, createdAt: formatInstantVN(p.createdAt.getTime()), expiresAt: formatInstantVN(p.expiresAt.getTime()),
    completedAt: p.completedAt ? formatInstantVN(p.completedAt.getTime()) : null, redirectUrl: `/nop-ho-so/thanh-toan/${p.id}` };
}

export async function paymentsOf(ctx: ServiceContext, code: string) {
  return (await currentPayments(ctx, ctx.db, code)).map(paymentView);
}

/** Starts (or resumes) the payment of an online filing's fee; answers where to send the browser. */
export async function startPayment(ctx: ServiceContext, citizen: CitizenRecord, code: string, origin: RequestOrigin) {
  secretOf(ctx);
  const filing = await findOnlineFiling(ctx.db, ctx.provinceCode, code);
  if (!filing) throw notFound('DOSSIER_NOT_FOUND', `Không có hồ sơ trực tuyến mã "${code}".`);
  if (filing.citizenId !== citizen.id) throw forbidden('NOT_YOUR_DOSSIER', 'Hồ sơ này không phải của bạn.');
  if (filing.feeAmount <= 0) throw conflict('NO_FEE_DUE', 'Hồ sơ này không có phí, lệ phí phải nộp trực tuyến.');
  const dossier = await findDossier(ctx.db, ctx.provinceCode, code);
  if (!dossier || ['rejected', 'withdrawn'].includes(dossier.status)) throw conflict('DOSSIER_CLOSED', 'Hồ sơ đã kết thúc; không thể thanh toán.');
  return ctx.db.transaction().execute(async (trx) => {
    const payments = await currentPayments(ctx, trx, code);
    if (payments.some((p) => p.status === 'paid')) throw conflict('ALREADY_PAID', 'Phí, lệ phí của hồ sơ này đã được thanh toán.');
    const open = payments.find((p) => p.status === 'pending');
    if (open) return paymentView(open);
    const now = ctx.now();
    const payment = await insertPayment(trx, ctx.provinceCode, { dossierCode: code, gateway: ctx.settings.paymentGateway, amount: filing.feeAmount, createdAt: now,
      expiresAt: new Date(now.getTime() + ctx.settings.paymentTimeoutMinutes * 60_000) });
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor: citizenActor(citizen), action: 'payment.start', entityType: 'dossier', entityId: code,
      details: { paymentId: payment.id, amount: payment.amount }, requestId: origin.requestId, address: origin.address });
    return paymentView(payment);
  });
}

/** The gateway's callback (also what the demo gateway sends). */
export async function handlePaymentCallback(ctx: ServiceContext, gateway: string, callback: PaymentCallback, signature: string | undefined, origin: RequestOrigin) {
  const secret = secretOf(ctx);
  if (gateway !== ctx.settings.paymentGateway) throw notFound('UNKNOWN_GATEWAY', `Không có cổng thanh toán "${gateway}".`);
  const expected = Buffer.from(callbackSignature(secret, callback), 'hex');
  const given = Buffer.from(signature && /^[0-9a-f]{64}$/i.test(signature) ? signature : '', 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw unauthorized('PAYMENT_SIGNATURE_INVALID', 'Chữ ký của thông báo thanh toán không hợp lệ; thông báo bị bỏ qua.');
  }
  const dossier = await findDossier(ctx.db, ctx.provinceCode, callback.dossierCode);
  if (!dossier) throw notFound('DOSSIER_NOT_FOUND', `Thông báo thanh toán cho hồ sơ không tồn tại "${callback.dossierCode}".`);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const payment = await findPayment(trx, callback.paymentId, true);
    if (!payment || payment.dossierCode !== callback.dossierCode || payment.provinceCode !== ctx.provinceCode) {
      throw notFound('PAYMENT_NOT_FOUND', 'Không có giao dịch thanh toán này cho hồ sơ đã nêu.');
    }
    if (!(await recordCallback(trx, { gateway, transactionId: callback.transactionId, paymentId: payment.id, outcome: callback.outcome, receivedAt: now, payload: callback }))) {
      throw conflict('PAYMENT_CALLBACK_REPLAYED', 'Thông báo thanh toán này đã được nhận trước đó; không ghi nhận lại.', { transactionId: callback.transactionId });
    }
    if (callback.amount !== payment.amount) throw invalid('PAYMENT_AMOUNT_MISMATCH', 'Số tiền trong thông báo không khớp với khoản phải nộp.', { expected: payment.amount });
    if (payment.status !== 'pending') {
      throw conflict('PAYMENT_ALREADY_SETTLED', `Giao dịch đã kết thúc (${payment.status}); thông báo không được ghi nhận.`, { status: payment.status });
    }
    const status = callback.outcome === 'success' ? 'paid' : 'failed';
    await settlePayment(trx, payment.id, status, now, callback.transactionId);
    const actor = { username: `gateway:${gateway}`, roles: ['payment_gateway'], unitCode: dossier.receivingUnitCode };
    if (status === 'paid') {
      const current = (await findDossier(trx, ctx.provinceCode, dossier.code))!;
      await appendAction(trx, ctx.provinceCode, dossier.code, {
        seq: current.actionCount + 1, type: 'fee_paid', at: now, actorUsername: actor.username, actorRoles: actor.roles, actorUnitCode: actor.unitCode,
        fromStatus: current.status, toStatus: current.status, reason: null, payload: { paymentId: payment.id, amount: payment.amount, transactionId: callback.transactionId },
        clockEvents: [],
      });
      if (!(await touchDossier(trx, ctx.provinceCode, dossier.code, current.actionCount, now))) {
        throw conflict('CONCURRENT_ACTION', 'Hồ sơ vừa được cập nhật; cổng thanh toán cần gửi lại thông báo.');
      }
      await appendOutbox(trx, ctx.provinceCode, 'dossier.fee_paid', dossier.code, { code: dossier.code, amount: payment.amount, at: formatInstantVN(now.getTime()) });
    }
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor, action: `payment.${status}`, entityType: 'dossier', entityId: dossier.code,
      details: { paymentId: payment.id, transactionId: callback.transactionId }, requestId: origin.requestId, address: origin.address });
    return { paymentId: payment.id, status };
  });
}

// ── Demo gateway (demo mode and tests): the citizen chooses what the "bank" answers ────────────────
export async function demoPaymentDetails(ctx: ServiceContext, paymentId: string) {
  if (ctx.settings.paymentGateway !== 'demo') throw notFound('UNKNOWN_GATEWAY', 'Cổng thanh toán mô phỏng không bật.');
  const payment = await findPayment(ctx.db, paymentId);
  if (!payment) throw notFound('PAYMENT_NOT_FOUND', 'Không có giao dịch thanh toán này.');
  const [current] = (await currentPayments(ctx, ctx.db, payment.dossierCode)).filter((p) => p.id === payment.id);
  return { ...paymentView(current!), dossierCode: payment.dossierCode };
}

/** success / failure: the demo gateway sends its signed callback; timeout: it never answers. */
export async function completeDemoPayment(ctx: ServiceContext, paymentId: string, outcome: 'success' | 'failure' | 'timeout', origin: RequestOrigin) {
  const details = await demoPaymentDetails(ctx, paymentId);
  if (details.status !== 'pending') throw conflict('PAYMENT_ALREADY_SETTLED', 'Giao dịch đã kết thúc.', { status: details.status });
  if (outcome === 'timeout') return { paymentId, status: 'pending' as const, dossierCode: details.dossierCode };
  const callback: PaymentCallback = { transactionId: `DEMO-${randomUUID()}`, paymentId, dossierCode: details.dossierCode, amount: details.amount, outcome };
  const result = await handlePaymentCallback(ctx, 'demo', callback, callbackSignature(secretOf(ctx), callback), origin);
  return { ...result, dossierCode: details.dossierCode };
}
