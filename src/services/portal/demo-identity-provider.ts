// A real OpenID Connect provider (oidc-provider) for demo mode and tests, standing in for VNeID: the
// demo citizens sign in with their CCCD and the demo password on a Vietnamese page, then agree to share
// their profile. It runs on its own port; motcua talks to it exactly as to the national provider
// (discovery, authorization code + PKCE, userinfo), so nothing in the sign-in path is faked.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { generateKeyPairSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { DEMO_CITIZENS, findDemoCitizen, type DemoCitizen } from '../../domain/portal/demo-citizens.ts';

export interface DemoIdentityProviderOptions {
  host?: string;
  port: number;
  /** The relying party (motcua) registered at the provider. */
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  password: string;
}

export interface DemoIdentityProvider {
  issuer: string;
  close(): Promise<void>;
}

/** Claims released per scope; `vneid` carries the identity number and the commune, as the national IdP does. */
const CLAIMS = {
  openid: ['sub'],
  profile: ['name'],
  email: ['email', 'email_verified'],
  phone: ['phone_number', 'phone_number_verified'],
  vneid: ['cccd', 'commune_code', 'address_detail'],
};

function claimsOf(c: DemoCitizen): Record<string, unknown> {
  return {
    sub: c.subject, name: c.fullName, email: c.email, email_verified: true, phone_number: c.phone, phone_number_verified: true,
    cccd: c.idNumber, commune_code: c.communeCode, address_detail: c.addressDetail,
  };
}

/** oidc-provider's adapter interface over a Map (the demo keeps nothing across restarts). */
class MemoryAdapter {
  private static store = new Map<string, { payload: Record<string, unknown>; expiresAt: number }>();
  constructor(private readonly model: string) {}
  private key(id: string) {
    return `${this.model}:${id}`;
  }
  async upsert(id: string, payload: Record<string, unknown>, expiresIn: number) {
    MemoryAdapter.store.set(this.key(id), { payload, expiresAt: Date.now() + (expiresIn ?? 3600) * 1000 });
    if (typeof payload.grantId === 'string') MemoryAdapter.store.set(`grant-index:${payload.grantId}:${this.key(id)}`, { payload: { id }, expiresAt: Infinity });
    if (typeof payload.userCode === 'string') MemoryAdapter.store.set(`userCode:${payload.userCode}`, { payload: { id }, expiresAt: Infinity });
    if (typeof payload.uid === 'string') MemoryAdapter.store.set(`${this.model}-uid:${payload.uid}`, { payload: { id }, expiresAt: Infinity });
  }
  async find(id: string) {
    const entry = MemoryAdapter.store.get(this.key(id));
    if (!entry || entry.expiresAt < Date.now()) return undefined;
    return entry.payload;
  }
  async findByUid(uid: string) {
    const ref = MemoryAdapter.store.get(`${this.model}-uid:${uid}`);
    return ref ? this.find(String(ref.payload.id)) : undefined;
  }
  async findByUserCode(userCode: string) {
    const ref = MemoryAdapter.store.get(`userCode:${userCode}`);
    return ref ? this.find(String(ref.payload.id)) : undefined;
  }
  async consume(id: string) {
    const entry = MemoryAdapter.store.get(this.key(id));
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string) {
    MemoryAdapter.store.delete(this.key(id));
  }
  async revokeByGrantId(grantId: string) {
    for (const key of [...MemoryAdapter.store.keys()]) {
      if (key.startsWith(`grant-index:${grantId}:`)) {
        MemoryAdapter.store.delete(key.slice(`grant-index:${grantId}:`.length));
        MemoryAdapter.store.delete(key);
      }
    }
  }
}

export async function startDemoIdentityProvider(options: DemoIdentityProviderOptions): Promise<DemoIdentityProvider> {
  const host = options.host ?? '127.0.0.1';
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256', kid: 'demo-1' };

  const provider = new Provider(issuer, {
    adapter: MemoryAdapter,
    clients: [{
      client_id: options.clientId,
      client_secret: options.clientSecret,
      redirect_uris: options.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    }],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    scopes: ['openid', 'profile', 'email', 'phone', 'vneid'],
    claims: CLAIMS,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    findAccount: async (_ctx: unknown, id: string) => {
      const citizen = findDemoCitizen(id);
      return citizen ? { accountId: citizen.subject, claims: async () => claimsOf(citizen) } : undefined;
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    ttl: { Session: 3600, Interaction: 600, Grant: 3600, AccessToken: 600, AuthorizationCode: 60, IdToken: 600 },
    renderError: async (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = 'html';
      ctx.body = page('Lỗi đăng nhập', `<h1>Không đăng nhập được</h1><p>${escapeHtml(out.error_description ?? out.error ?? '')}</p>`);
    },
  });
  const callback = provider.callback();
  handler = (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const match = /^\/interaction\/([\w-]+)(?:\/(login|confirm|abort))?$/.exec(url.pathname);
    if (!match) return callback(req, res);
    void interaction(provider, req, res, match[2] ?? 'show', options.password).catch((error: unknown) => {
      res.statusCode = 400;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(page('Lỗi đăng nhập', `<h1>Phiên đăng nhập không hợp lệ hoặc đã hết hạn</h1><p>${escapeHtml(String((error as Error).message))}</p>`));
    });
  };
  return { issuer, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function interaction(provider: Provider, req: IncomingMessage, res: ServerResponse, step: string, password: string): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const send = (html: string, status = 200) => {
    res.statusCode = status;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(html);
  };
  if (step === 'abort') {
    await readForm(req);
    return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'Người dùng từ chối' }, { mergeWithLastSubmission: false });
  }
  if (details.prompt.name === 'login') {
    if (step === 'login' && req.method === 'POST') {
      const form = await readForm(req);
      const citizen = findDemoCitizen(form.get('cccd') ?? '');
      if (citizen && sameSecret(form.get('password') ?? '', password)) {
        return provider.interactionFinished(req, res, { login: { accountId: citizen.subject } }, { mergeWithLastSubmission: false });
      }
      return send(loginPage(details.uid, 'Số định danh hoặc mật khẩu không đúng.'), 401);
    }
    return send(loginPage(details.uid));
  }
  if (details.prompt.name === 'consent') {
    if (step === 'confirm' && req.method === 'POST') {
      await readForm(req);
      const accountId = details.session?.accountId ?? '';
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope ?? 'openid'));
      const grantId = await grant.save();
      return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }
    const citizen = findDemoCitizen(details.session?.accountId ?? '');
    return send(consentPage(details.uid, citizen));
  }
  send(page('Lỗi', '<h1>Bước đăng nhập không được hỗ trợ</h1>'), 400);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 10_000) throw new Error('Dữ liệu gửi lên quá lớn.');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1a1a1a}main{max-width:28rem;margin:0 auto;padding:1.5rem 1rem}
h1{font-size:1.4rem;color:#8b1a1a}label{display:block;font-weight:600;margin:1rem 0 .25rem}input{width:100%;box-sizing:border-box;font-size:1.1rem;padding:.6rem;border:1px solid #555;border-radius:6px}
button{min-height:44px;font-size:1.05rem;padding:.6rem 1.2rem;border-radius:6px;border:0;margin-top:1rem;cursor:pointer}.primary{background:#8b1a1a;color:#fff;width:100%}.secondary{background:#e3e6ea;color:#1a1a1a;width:100%}
.error{background:#fde8e8;border:1px solid #b42318;padding:.6rem;border-radius:6px;color:#7a1212}.note{font-size:.9rem;color:#444}table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border:1px solid #ccc;padding:.3rem;text-align:left}
ul{padding-left:1.2rem}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

function loginPage(uid: string, error?: string): string {
  const rows = DEMO_CITIZENS.map((c) => `<tr><td>${escapeHtml(c.fullName)}</td><td>${c.idNumber}</td></tr>`).join('');
  return page('Đăng nhập định danh điện tử (mô phỏng)', `
<h1>Đăng nhập bằng tài khoản định danh điện tử</h1>
<p class="note">Nhà cung cấp định danh mô phỏng VNeID, chỉ dùng cho chế độ trình diễn.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${uid}/login" autocomplete="off">
  <label for="cccd">Số định danh cá nhân (CCCD)</label>
  <input id="cccd" name="cccd" inputmode="numeric" required maxlength="14" data-testid="idp-cccd">
  <label for="password">Mật khẩu</label>
  <input id="password" name="password" type="password" required data-testid="idp-password">
  <button type="submit" class="primary" data-testid="idp-login">Đăng nhập</button>
</form>
<form method="post" action="/interaction/${uid}/abort"><button type="submit" class="secondary">Hủy</button></form>
<h2 style="font-size:1.05rem">Công dân mẫu</h2>
<table><caption class="note">Mật khẩu: mật khẩu demo của hệ thống</caption><thead><tr><th scope="col">Họ tên</th><th scope="col">CCCD</th></tr></thead><tbody>${rows}</tbody></table>`);
}

function consentPage(uid: string, citizen: DemoCitizen | undefined): string {
  return page('Đồng ý chia sẻ thông tin', `
<h1>Đồng ý chia sẻ thông tin</h1>
<p>${citizen ? `Xin chào <strong>${escapeHtml(citizen.fullName)}</strong>. ` : ''}Cổng dịch vụ công của Trung tâm Phục vụ hành chính công đề nghị được nhận các thông tin sau của bạn:</p>
<ul><li>Họ và tên</li><li>Số định danh cá nhân</li><li>Số điện thoại</li><li>Thư điện tử</li><li>Địa chỉ cư trú (xã, phường)</li></ul>
<form method="post" action="/interaction/${uid}/confirm"><button type="submit" class="primary" data-testid="idp-consent">Đồng ý</button></form>
<form method="post" action="/interaction/${uid}/abort"><button type="submit" class="secondary">Từ chối</button></form>`);
}
