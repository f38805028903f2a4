// One mapping from failures to the contract's error shape:
// { error: { code, message (Vietnamese), details } }, never a 5xx for bad input.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { invalid, isAppError, type ErrorKind } from '../domain/errors.ts';

const STATUS_OF: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

export function sendError(reply: FastifyReply, status: number, code: string, message: string, details?: unknown) {
  return reply.status(status).send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

// Fastify's own client errors (body parsing, media type, size) with Vietnamese messages.
const FASTIFY_CLIENT_ERRORS: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'INVALID_JSON', message: 'Nội dung gửi lên không phải JSON hợp lệ.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'INVALID_JSON', message: 'Nội dung JSON bị trống.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Kiểu nội dung không được hỗ trợ; hãy gửi application/json.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: 'Nội dung gửi lên quá lớn.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'INVALID_CONTENT_LENGTH', message: 'Độ dài nội dung không khớp.' },
};

function describeValidation(error: FastifyError): { message: string; details: unknown } {
  const issues = (error.validation ?? []).map((v) => {
    const where = error.validationContext ?? 'body';
    const path = `${where}${v.instancePath.replace(/\//g, '.')}`;
    const params = v.params as Record<string, unknown>;
    if (v.keyword === 'additionalProperties') return { field: `${path}.${String(params.additionalProperty)}`, problem: 'unknown_field' };
    if (v.keyword === 'required') return { field: `${path}.${String(params.missingProperty)}`, problem: 'required' };
    return { field: path, problem: v.keyword, expected: v.message };
  });
  const first = issues[0];
  const label: Record<string, string> = { unknown_field: 'không được chấp nhận (trường lạ)', required: 'là bắt buộc' };
  const message = first
    ? `Dữ liệu không hợp lệ: trường "${first.field}" ${label[first.problem] ?? `sai định dạng (${first.problem})`}.`
    : 'Dữ liệu không hợp lệ.';
  return { message, details: { issues } };
}

const STATIC_FILE = /\.(m?js|css|map|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|otf|json|txt|webmanifest|pdf)$/i;

export function installErrorHandler(app: FastifyInstance, options: { spaIndex: boolean }): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (isAppError(error)) {
      if (error.kind === 'rate_limited') {
        const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
        if (retry) void reply.header('retry-after', String(retry));
      }
      return sendError(reply, STATUS_OF[error.kind], error.code, error.message, error.details);
    }
    if (error.validation) {
      const { message, details } = describeValidation(error);
      return sendError(reply, 400, 'VALIDATION_FAILED', message, details);
    }
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known) return sendError(reply, error.statusCode ?? 400, known.code, known.message);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, error.statusCode, 'BAD_REQUEST', 'Yêu cầu không hợp lệ.');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, 500, 'INTERNAL_ERROR', 'Hệ thống gặp lỗi, vui lòng thử lại sau.');
  });

  // PostgreSQL text cannot hold NUL: in a query value (a search box) it is dropped; in a path or a body it
  // is refused, so it never reaches the database as a 500.
  app.addHook('preValidation', async (request) => {
    const query = request.query as Record<string, unknown> | undefined;
    if (query && typeof query === 'object') {
      for (const [key, value] of Object.entries(query)) {
        if (typeof value === 'string' && value.includes('\u0000')) query[key] = value.replaceAll('\u0000', '');
        else if (Array.isArray(value)) query[key] = value.map((v) => (typeof v === 'string' ? v.replaceAll('\u0000', '') : v));
      }
    }
    if (containsNul(request.params) || containsNul(request.body)) {
      throw invalid('NUL_CHARACTER', 'Dữ liệu gửi lên chứa ký tự NUL (mã 0), không được phép.');
    }
  });

  // Errors Fastify answers by itself (e.g. 414 for an over-long path segment) get the contract's shape too.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode < 400 || typeof payload !== 'string' || !payload.startsWith('{')) return payload;
    try {
      const body = JSON.parse(payload) as { error?: unknown; code?: unknown; statusCode?: unknown };
      if (typeof body.error !== 'string' || typeof body.statusCode !== 'number') return payload;
      const message = reply.statusCode === 414 ? 'Đường dẫn quá dài.' : reply.statusCode >= 500 ? 'Hệ thống gặp lỗi, vui lòng thử lại sau.' : 'Yêu cầu không hợp lệ.';
      return JSON.stringify({ error: { code: typeof body.code === 'string' ? body.code : 'BAD_REQUEST', message } });
    } catch {
      return payload;
    }
  });

  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: a non-API GET that is not a file gets index.html.
    // A missing static file (a stale /assets/x.js) is a real miss, never the page; app paths may contain
    // dots (procedure codes: /thu-tuc/1.001193), so only static-file endings count as files.
    const path = request.url.split('?')[0] ?? '';
    if (options.spaIndex && request.method === 'GET' && !path.startsWith('/api/') && !STATIC_FILE.test(path)) {
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(reply, 404, 'ROUTE_NOT_FOUND', `Không có đường dẫn ${request.method} ${request.url.split('?')[0]}.`);
  });
}

/** The error shape, for route schemas (so OpenAPI documents it). */
export const errorResponseSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
} as const;

function containsNul(value: unknown, depth = 0): boolean {
  if (depth > 20) return false;
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
  return false;
}
