// Run with: npx vitest run --config web/vite.config.ts (the root vitest config covers src/ and test/ only)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, apiUrl, errorFromBody } from './client.ts';

function answer(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('apiUrl', () => {
  it('prefixes /api/v1 and drops empty query values', () => {
    expect(apiUrl('/procedures', { q: 'khai sinh', level: undefined, locationFree: true, at: '' })).toBe(
      '/api/v1/procedures?q=khai+sinh&locationFree=true',
    );
  });
});

describe('errorFromBody', () => {
  it('reads the contract error shape', () => {
    const error = errorFromBody(401, { error: { code: 'INVALID_CREDENTIALS', message: 'Sai mật khẩu.', details: { a: 1 } } });
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.code, error.message, error.details]).toEqual([401, 'INVALID_CREDENTIALS', 'Sai mật khẩu.', { a: 1 }]);
  });

  it('falls back to HTTP_<status> for other bodies', () => {
    expect(errorFromBody(502, '<html>').code).toBe('HTTP_502');
  });
});

describe('api', () => {
  it('posts JSON with same-origin credentials and returns the body', async () => {
    const fetchMock = vi.fn(async () => answer(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(api.post('/auth/login', { username: 'a', password: 'b' })).resolves.toEqual({ ok: true });
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/v1/auth/login',
      expect.objectContaining({ method: 'POST', credentials: 'same-origin', body: '{"username":"a","password":"b"}' }),
    );
  });

  it('throws a typed ApiError on 4xx', async () => {
    vi.stubGlobal('fetch', async () => answer(429, { error: { code: 'RATE_LIMITED', message: 'Thử lại sau.' } }));
    await expect(api.get('/auth/me')).rejects.toMatchObject({ status: 429, code: 'RATE_LIMITED', message: 'Thử lại sau.' });
  });

  it('reports NETWORK_ERROR when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.get('/health')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });
});
