// The citizen portal's API: sign-in through OpenID Connect, online filing, my dossiers, online supplement,
// fee payment (gateway callback and the demo gateway), and the contract's satisfaction rating.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { isAppError } from '../../domain/errors.ts';
import { OVERALL_LEVELS } from '../../domain/portal/rating.ts';
import { RESULT_DELIVERIES } from '../../domain/portal/online-filing.ts';
import { beginCitizenLogin, completeCitizenLogin, logoutCitizen } from '../../services/portal/citizen-auth.ts';
import { otpEnabled, otpIdentityOf, requestOtp, verifyOtp } from '../../services/portal/citizen-otp.ts';
import { fileOnline, type OnlineFilingRequest } from '../../services/portal/online-filing.ts';
import { answerSupplement, citizenDossier, listCitizenDossiers, uploadCitizenFile, type SupplementAnswer } from '../../services/portal/citizen-dossiers.ts';
import { acceptFileBodies } from './dossier-attachments.ts';
import { completeDemoPayment, demoPaymentDetails, handlePaymentCallback, SIGNATURE_HEADER, startPayment, type PaymentCallback } from '../../services/portal/payments.ts';
import { rateDossier, type RatingBody } from '../../services/portal/ratings.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { CitizenRecord } from '../../store/citizens.ts';
import { errorResponseSchema } from '../error-handler.ts';
import { originOf } from '../staff-auth.ts';
import { CITIZEN_COOKIE, citizenTokenOf, optionalCitizen, requireCitizen, setCitizenCookie } from '../citizen-auth.ts';

const citizenSecurity: Array<Record<string, string[]>> = [{ citizenCookie: [] }];
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 429: errorResponseSchema };
const Code = Type.Object({ code: Type.String({ maxLength: 60 }) });
const Key = Type.String({ minLength: 1, maxLength: 200 });
// Names as published in the national catalogue, some of which run to thousands of characters.
const Documents = Type.Array(Type.Object({
  name: Type.String({ minLength: 1, maxLength: 10_000 }),
  fileIds: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 })),
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false }), { maxItems: 50 });

const profileOf = (c: CitizenRecord) => ({
  fullName: c.fullName, idNumber: c.idNumber, phone: c.phone, email: c.email, communeCode: c.communeCode, addressDetail: c.addressDetail,
  signInMethod: otpIdentityOf(c) ? 'one_time_code' : 'identity_provider',
});
const Destination = Type.String({ minLength: 1, maxLength: 254 });

export function portalRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  // ── Sign-in ──────────────────────────────────────────────────────────────────────────────────
  app.get('/citizen/auth/login', {
    schema: { tags: ['citizen'], summary: 'Đăng nhập công dân: chuyển đến hệ thống định danh (OpenID Connect, mã ủy quyền + PKCE)',
      querystring: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }) },
  }, async (request, reply) => {
    try {
      return reply.redirect(await beginCitizenLogin(ctx, (request.query as { returnTo?: string }).returnTo), 302);
    } catch (error) {
      if (isAppError(error)) return reply.redirect(`/nop-ho-so/dang-nhap?loi=${encodeURIComponent(error.code)}`, 302);
      throw error;
    }
  });

  app.get('/citizen/auth/callback', { schema: { tags: ['citizen'], summary: 'Điểm quay về của hệ thống định danh sau khi đăng nhập' } }, async (request, reply) => {
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    try {
      const login = await completeCitizenLogin(ctx, query, originOf(request));
      setCitizenCookie(ctx, reply, login.token, login.expiresAt);
      return reply.redirect(login.returnTo, 302);
    } catch (error) {
      if (isAppError(error)) return reply.redirect(`/nop-ho-so/dang-nhap?loi=${encodeURIComponent(error.code)}`, 302);
      throw error;
    }
  });

  app.get('/citizen/auth/methods', {
    schema: { tags: ['citizen'], summary: 'Cách đăng nhập công dân tỉnh đang cho phép: tài khoản định danh điện tử, mã một lần qua SMS/e-mail',
      response: { 200: Type.Object({ identityProvider: Type.Boolean(), oneTimeCode: Type.Boolean() }) } },
  }, async () => ({ identityProvider: ctx.settings.oidcIssuer !== undefined, oneTimeCode: otpEnabled(ctx) }));

  // One-time code (fallback where the province enables it): ask for a code, then type it in.
  app.post('/citizen/auth/otp/request', {
    schema: { tags: ['citizen'], summary: 'Gửi mã đăng nhập một lần (6 chữ số, hiệu lực 5 phút) đến số điện thoại di động hoặc thư điện tử',
      body: Type.Object({ destination: Destination }, { additionalProperties: false }),
      response: { 202: Type.Object({ channel: Type.String(), sentTo: Type.String(), expiresAt: Type.String(), resendAfterSeconds: Type.Integer() }), ...errors } },
  }, async (request, reply) => reply.status(202).send(await requestOtp(ctx, (request.body as { destination: string }).destination, originOf(request))));

  app.post('/citizen/auth/otp/verify', {
    schema: { tags: ['citizen'], summary: 'Đăng nhập bằng mã một lần: đúng mã thì mở phiên công dân (tối đa 5 lần nhập)',
      body: Type.Object({ destination: Destination, code: Type.String({ minLength: 1, maxLength: 20 }), returnTo: Type.Optional(Type.String({ maxLength: 500 })) },
        { additionalProperties: false }),
      response: { 200: Type.Object({ returnTo: Type.String(), citizen: Type.Object({ fullName: Type.String(), signInMethod: Type.String() }) }), ...errors } },
  }, async (request, reply) => {
    const login = await verifyOtp(ctx, request.body as { destination: string; code: string; returnTo?: string }, originOf(request));
    setCitizenCookie(ctx, reply, login.token, login.expiresAt);
    return { returnTo: login.returnTo, citizen: { fullName: login.citizen.fullName, signInMethod: 'one_time_code' } };
  });

  app.get('/citizen/me', {
    schema: { tags: ['citizen'], summary: 'Công dân đang đăng nhập và hồ sơ định danh', security: citizenSecurity, response: { 401: errorResponseSchema } },
  }, async (request) => ({ citizen: profileOf(await requireCitizen(ctx, request)) }));

  app.post('/citizen/auth/logout', { schema: { tags: ['citizen'], summary: 'Đăng xuất công dân' } }, async (request, reply) => {
    await logoutCitizen(ctx, citizenTokenOf(request));
    void reply.clearCookie(CITIZEN_COOKIE, { path: '/' });
    return { ok: true };
  });

  // ── Filing and my dossiers ──────────────────────────────────────────────────────────────────
  app.post('/citizen/dossiers', {
    schema: {
      tags: ['citizen'], summary: 'Nộp hồ sơ trực tuyến (toàn trình / một phần): hồ sơ chờ tiếp nhận (trạng thái quốc gia 1) tại đơn vị đã chọn',
      security: citizenSecurity,
      body: Type.Object({
        procedureCode: Type.String({ minLength: 1, maxLength: 100 }),
        caseName: Type.Optional(Type.String({ maxLength: 1000 })),
        applicant: Type.Object({
          fullName: Type.String({ maxLength: 200 }), idNumber: Type.String({ maxLength: 20 }), phone: Type.String({ maxLength: 20 }),
          email: Type.Optional(Type.String({ maxLength: 200 })),
          address: Type.Object({ communeCode: Type.String({ maxLength: 10 }), detail: Type.Optional(Type.String({ maxLength: 300 })) }, { additionalProperties: false }),
        }, { additionalProperties: false }),
        receivingUnitCode: Type.String({ maxLength: 50 }),
        resultDelivery: Type.String({ enum: [...RESULT_DELIVERIES] }),
        returnUnitCode: Type.Optional(Type.String({ maxLength: 50 })),
        postalAddress: Type.Optional(Type.String({ maxLength: 500 })),
        documents: Documents,
        note: Type.Optional(Type.String({ maxLength: 2000 })),
        idempotencyKey: Key,
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ code: Type.String(), status: Type.String(), submittedAt: Type.String(), receivingUnitCode: Type.String(),
        competentUnitCode: Type.String(), returnUnitCode: Type.String(), feeAmount: Type.Integer() }), ...errors },
    },
  }, async (request, reply) => {
    const citizen = await requireCitizen(ctx, request);
    return reply.status(201).send(await fileOnline(ctx, citizen, request.body as OnlineFilingRequest, originOf(request)));
  });

  app.get('/citizen/dossiers', { schema: { tags: ['citizen'], summary: 'Hồ sơ của tôi', security: citizenSecurity, response: { 401: errorResponseSchema } } },
    async (request) => listCitizenDossiers(ctx, await requireCitizen(ctx, request)));

  app.get('/citizen/dossiers/:code', {
    schema: { tags: ['citizen'], summary: 'Một hồ sơ của tôi: dòng thời gian, hạn trả, việc tôi cần làm', security: citizenSecurity, params: Code, response: errors },
  }, async (request) => citizenDossier(ctx, await requireCitizen(ctx, request), (request.params as { code: string }).code));

  app.post('/citizen/dossiers/:code/supplement', {
    schema: { tags: ['citizen'], summary: 'Gửi hồ sơ bổ sung trực tuyến theo yêu cầu', security: citizenSecurity, params: Code,
      body: Type.Object({ documents: Documents, note: Type.Optional(Type.String({ maxLength: 2000 })), idempotencyKey: Key }, { additionalProperties: false }),
      response: errors },
  }, async (request) => answerSupplement(ctx, await requireCitizen(ctx, request), (request.params as { code: string }).code,
    request.body as SupplementAnswer, originOf(request)));

  app.post('/citizen/dossiers/:code/payments', {
    schema: { tags: ['citizen'], summary: 'Thanh toán phí, lệ phí trực tuyến: tạo (hoặc tiếp tục) giao dịch', security: citizenSecurity, params: Code },
  }, async (request, reply) => reply.status(201).send(await startPayment(ctx, await requireCitizen(ctx, request), (request.params as { code: string }).code, originOf(request))));

  // Scans of the papers, as the raw file body (the counter's upload rules; the citizen is the uploader).
  void app.register(async (scope) => {
    acceptFileBodies(scope, ctx);
    const citizens = new WeakMap<object, CitizenRecord>();
    scope.post('/citizen/dossiers/:code/attachments', {
      // Authenticated before the body is read.
      onRequest: async (request) => {
        citizens.set(request, await requireCitizen(ctx, request));
      },
      schema: {
        tags: ['citizen'], summary: 'Đính kèm bản scan (PDF, JPEG, PNG) khi nộp hoặc bổ sung hồ sơ: thân yêu cầu là nội dung tệp', security: citizenSecurity, params: Code,
        querystring: Type.Object({
          fileName: Type.String({ minLength: 1, maxLength: 1000 }), documentName: Type.Optional(Type.String({ maxLength: 1000 })),
          sha256: Type.Optional(Type.String({ maxLength: 100 })), idempotencyKey: Key,
        }, { additionalProperties: false }),
        consumes: ['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream'],
      },
    }, async (request, reply) => {
      const citizen = citizens.get(request) ?? (await requireCitizen(ctx, request));
      const query = request.query as { fileName: string; documentName?: string; sha256?: string; idempotencyKey: string };
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const answer = await uploadCitizenFile(ctx, citizen, (request.params as { code: string }).code, { bytes, ...query }, originOf(request));
      return reply.status(201).send(answer);
    });
  });

  // ── Payment gateway ─────────────────────────────────────────────────────────────────────────
  app.post('/payments/callback/:gateway', {
    schema: { tags: ['payments'], summary: `Thông báo kết quả thanh toán từ cổng thanh toán (ký HMAC-SHA256, header ${SIGNATURE_HEADER})`,
      params: Type.Object({ gateway: Type.String({ maxLength: 30 }) }),
      body: Type.Object({ transactionId: Type.String({ minLength: 1, maxLength: 100 }), paymentId: Type.String({ maxLength: 60 }),
        dossierCode: Type.String({ maxLength: 60 }), amount: Type.Integer({ minimum: 0 }), outcome: Type.String({ enum: ['success', 'failure'] }) },
      { additionalProperties: false }),
      response: errors },
  }, async (request) => handlePaymentCallback(ctx, (request.params as { gateway: string }).gateway, request.body as PaymentCallback,
    request.headers[SIGNATURE_HEADER] as string | undefined, originOf(request)));

  app.get('/demo-gateway/payments/:id', {
    schema: { tags: ['payments'], summary: 'Cổng thanh toán mô phỏng (chế độ demo): chi tiết giao dịch', params: Type.Object({ id: Type.String({ maxLength: 60 }) }), response: errors },
  }, async (request) => demoPaymentDetails(ctx, (request.params as { id: string }).id));

  app.post('/demo-gateway/payments/:id/complete', {
    schema: { tags: ['payments'], summary: 'Cổng thanh toán mô phỏng: thành công, thất bại hoặc không phản hồi (hết thời gian chờ)',
      params: Type.Object({ id: Type.String({ maxLength: 60 }) }),
      body: Type.Object({ outcome: Type.String({ enum: ['success', 'failure', 'timeout'] }) }, { additionalProperties: false }), response: errors },
  }, async (request) => completeDemoPayment(ctx, (request.params as { id: string }).id, (request.body as { outcome: 'success' | 'failure' | 'timeout' }).outcome,
    originOf(request)));

  // ── Rating (public contract) ───────────────────────────────────────────────────────────────
  app.post('/public/dossiers/:code/rating', {
    schema: {
      tags: ['public'],
      summary: 'Đánh giá mức độ hài lòng sau khi trả kết quả (một lần mỗi hồ sơ): người nộp đã đăng nhập, hoặc mã hồ sơ + số điện thoại (số giấy tờ)',
      params: Code,
      body: Type.Object({
        overall: Type.String({ enum: [...OVERALL_LEVELS] }),
        criteria: Type.Object({
          time: Type.String({ enum: ['early', 'on_time', 'late'] }),
          contacts: Type.String({ enum: ['none', 'once', 'more'] }),
          agencies: Type.String({ enum: ['none', 'one_stop_only', 'more'] }),
          attitude: Type.String({ enum: ['good', 'acceptable', 'complaint'] }),
        }, { additionalProperties: false }),
        comment: Type.Optional(Type.String({ maxLength: 2000 })),
        phone: Type.Optional(Type.String({ maxLength: 20 })),
        idNumber: Type.Optional(Type.String({ maxLength: 20 })),
        kiosk: Type.Optional(Type.Boolean()),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ code: Type.String(), overall: Type.String(), points: Type.Integer(), criteria: Type.Record(Type.String(), Type.Integer()), ratedAt: Type.String() }), ...errors },
    },
  }, async (request, reply) => reply.status(201).send(await rateDossier(ctx, (request.params as { code: string }).code, request.body as RatingBody,
    await optionalCitizen(ctx, request), originOf(request))));
}
