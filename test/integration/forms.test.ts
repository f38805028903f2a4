// The one-stop forms as PDFs through the API, on each engine: A5 pages in Vietnamese with the dossier's
// real facts, a QR code (decoded from the drawn PDF) that opens the public lookup, a 409 with the reason
// when a form does not apply yet, the A4 landscape tracking book of a unit, and the dossier scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, openTestDatabase } from '../support/db.ts';
import { DEMO_PASSWORD, testClock, testContext } from '../support/context.ts';
import { decodeDrawnQrCodes, flatText, readPdf } from '../support/pdf.ts';
import { seedDemo } from '../../src/services/demo-seed.ts';
import { buildServer } from '../../src/http/server.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';

const AN_LINH = '25861';
const PUBLIC_URL = 'https://motcua.binhduong.gov.vn';
const A5 = { width: 419.53, height: 595.28 };

describe.each(ENGINES)('forms on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let ctx: ServiceContext;
  let procedureCode: string;
  let code: string;
  let papers: string[];
  const clock = testClock('2024-12-05T09:00:00+07:00');
  const tokens = new Map<string, string>();
  let keyCounter = 0;

  const token = async (username: string) => {
    if (!tokens.has(username)) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      expect(res.statusCode, res.body).toBe(200);
      tokens.set(username, res.json().token);
    }
    return { authorization: `Bearer ${tokens.get(username)}` };
  };
  /** The papers the procedure requires, as the server names them when an empty checklist is refused. */
  const requiredPapers = async (): Promise<string[]> => {
    const res = await app.inject({
      method: 'POST', url: '/api/v1/dossiers', headers: await token('tn.CN724'),
      payload: { procedureCode, idempotencyKey: 'forms-checklist-probe', documents: [],
        applicant: { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '074090001234', phone: '0912345678', address: { communeCode: AN_LINH } } },
    });
    expect(res.json().error.code, res.body).toBe('DOCUMENTS_MISSING');
    return res.json().error.details.missing as string[];
  };
  const intake = async (body: Record<string, unknown> = {}) => {
    const res = await app.inject({
      method: 'POST', url: '/api/v1/dossiers', headers: await token('tn.CN724'),
      payload: {
        procedureCode, idempotencyKey: `forms-intake-${++keyCounter}`,
        applicant: { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '074090001234', phone: '0912345678', address: { communeCode: AN_LINH, detail: 'Tổ 3, ấp Cây Khế' } },
        ...body,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().code as string;
  };
  const act = async (username: string, dossier: string, body: Record<string, unknown>) => {
    clock.advance(30 * 60_000);
    const res = await app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossier}/actions`, headers: await token(username), payload: { idempotencyKey: `forms-act-${++keyCounter}`, ...body } });
    expect(res.statusCode, res.body).toBe(200);
  };
  const form = async (username: string, dossier: string, name: string) =>
    app.inject({ url: `/api/v1/dossiers/${dossier}/forms/${name}`, headers: await token(username) });
  const pdfOf = async (res: Awaited<ReturnType<typeof form>>) => {
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-security-policy']).not.toContain("object-src 'none'");
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await readPdf(res.rawPayload);
    return { ...pdf, text: flatText(pdf.pages), qr: decodeDrawnQrCodes(res.rawPayload) };
  };

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    ctx = testContext(handle, clock, { publicUrl: PUBLIC_URL });
    await seedDemo(ctx, DEMO_PASSWORD);
    app = await buildServer(ctx);
    const list = (await app.inject({ url: '/api/v1/procedures?level=commune&locationFree=true&at=2024-12-05&q=khai%20sinh&limit=50' })).json();
    procedureCode = list.items.find((p: { processingDays: number | null }) => p.processingDays !== null && p.processingDays >= 3).code;
    papers = await requiredPapers();
    expect(papers.length).toBeGreaterThanOrEqual(1);
    code = await intake({
      returnUnitCode: `DTN${AN_LINH}`,
      documents: papers.map((name, i) => (i === 0 ? { name, originals: 1, photocopies: 1 } : { name, originals: 1 })),
    });
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('prints the receipt (Mẫu 01) on A5 with the dossier facts and a QR code that opens the public lookup', async () => {
    const res = await form('tn.CN724', code, 'mau-01');
    expect(res.headers['content-disposition']).toBe(`inline; filename="mau-01-${code}.pdf"; filename*=UTF-8''mau-01-${code}.pdf`);
    const pdf = await pdfOf(res);
    // A long checklist may run onto a second sheet; every sheet is A5.
    expect(pdf.pages.length).toBeGreaterThanOrEqual(1);
    expect(pdf.pages.every((p) => p.width === A5.width && p.height === A5.height)).toBe(true);
    expect(pdf.title).toBe(`GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ — ${code}`);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'CHI NHÁNH DĨ AN', 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      `Mã hồ sơ: ${code}`, 'tiếp nhận hồ sơ của: Nguyễn Văn An', 'Địa chỉ: Tổ 3, ấp Cây Khế, xã An Linh', 'Số điện thoại: 0912345678',
      '4. Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 05 tháng 12 năm 2024', '6. Đăng ký nhận kết quả tại: Điểm tiếp nhận Xã An Linh',
      'NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ', 'Vào Sổ theo dõi hồ sơ, Quyển số:',
    ]) expect(pdf.text).toContain(expected);
    // Every paper of the checklist, with how it was handed in (long names may wrap: compare without spaces).
    const compact = pdf.text.replace(/\s/g, '');
    papers.forEach((name, i) => expect(compact).toContain(`(${i + 1})${name}(1bảnchính${i === 0 ? ',1bảnchụp' : ''})`.replace(/\s/g, '')));
    // The time limit and the promised instant come from the pinned procedure clock, never invented.
    expect(pdf.text).toMatch(/3\. Thời gian giải quyết hồ sơ theo quy định là: \d+ ngày làm việc/);
    expect(pdf.text).toMatch(/5\. Thời gian trả kết quả giải quyết hồ sơ: \d{2} giờ \d{2} phút, ngày \d{2} tháng \d{2} năm 2024/);
    // Unknown facts are labelled blanks, not guesses.
    expect(pdf.text).toContain('Email: ……');
    expect(pdf.qr).toEqual([`${PUBLIC_URL}/tra-cuu?ma=${encodeURIComponent(code)}`]);
    const audit = await handle.db.selectFrom('audit_log').select('details').where('action', '=', 'dossier.form.print').where('entity_id', '=', code).execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it('answers 409 with the reason while a form does not apply, and prints it once it does', async () => {
    for (const name of ['mau-02', 'mau-03', 'mau-04']) {
      const res = await form('tn.CN724', code, name);
      expect(res.statusCode, name).toBe(409);
      expect(res.json().error.code).toBe('FORM_NOT_APPLICABLE');
      expect(res.json().error.message).toContain('Đã tiếp nhận');
    }
    expect((await form('tn.CN724', code, 'mau-07')).statusCode).toBe(400);

    await act('tn.CN724', code, { type: 'transfer' });
    await act(`ld.UBX${AN_LINH}`, code, { type: 'assign', assignee: `cv.UBX${AN_LINH}` });
    await act(`cv.UBX${AN_LINH}`, code, { type: 'request_supplement', reason: 'Giấy chứng sinh là bản chụp không rõ nét.', missingDocuments: ['Bản chính Giấy chứng sinh'] });
    const supplement = await pdfOf(await form(`cv.UBX${AN_LINH}`, code, 'mau-02'));
    expect(supplement.pages[0]).toMatchObject(A5);
    for (const expected of ['PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', 'ỦY BAN NHÂN DÂN XÃ AN LINH', 'Hồ sơ của: Nguyễn Văn An',
      'Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:', '1. Bản chính Giấy chứng sinh', 'Lý do: Giấy chứng sinh là bản chụp không rõ nét.', 'NGƯỜI HƯỚNG DẪN',
      'Hồ sơ bổ sung nộp tại: Chi nhánh Dĩ An']) expect(supplement.text).toContain(expected);
    expect(supplement.qr).toEqual([`${PUBLIC_URL}/tra-cuu?ma=${encodeURIComponent(code)}`]);

    await act('tn.CN724', code, { type: 'receive_supplement' });
    const before = (await app.inject({ url: `/api/v1/dossiers/${code}`, headers: await token(`ld.UBX${AN_LINH}`) })).json().dueAt as string;
    await act(`ld.UBX${AN_LINH}`, code, { type: 'extend', reason: 'Cần xác minh thông tin nơi sinh tại địa phương khác.', extension: { kind: 'added', days: 2 } });
    const after = (await app.inject({ url: `/api/v1/dossiers/${code}`, headers: await token(`ld.UBX${AN_LINH}`) })).json().dueAt as string;
    const apology = await pdfOf(await form(`ld.UBX${AN_LINH}`, code, 'mau-04'));
    const vnDay = (iso: string) => { const [y, m, d] = iso.slice(0, 10).split('-'); return `ngày ${d} tháng ${m} năm ${y}`; };
    for (const expected of ['PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', 'Kính gửi: Nguyễn Văn An', 'Cần xác minh thông tin nơi sinh tại địa phương khác.',
      `Thời hạn trả kết quả giải quyết hồ sơ: ${vnDay(before)}`, `sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà/Tổ chức vào ${vnDay(after)}`,
      'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ']) expect(apology.text).toContain(expected);
    expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));

    const control = await pdfOf(await form('tn.CN724', code, 'mau-05'));
    for (const expected of ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', 'Kèm theo hồ sơ của: Nguyễn Văn An', 'Cơ quan (bộ phận) giải quyết hồ sơ: Ủy ban nhân dân xã An Linh',
      'Cơ quan phối hợp giải quyết hồ sơ: ……', 'TÊN CƠ QUAN', 'THỜI GIAN GIAO, NHẬN HỒ SƠ', '1. Giao: Chi nhánh Dĩ An', '2. Nhận: Ủy ban nhân dân xã An Linh',
      '10 giờ 00 phút, ngày 05 tháng 12 năm 2024', 'Chuyển hồ sơ đến cơ quan giải quyết', 'Phân công xử lý', 'Nhận hồ sơ bổ sung']) expect(control.text).toContain(expected);
    expect(control.pages.every((p) => p.width === A5.width && p.height === A5.height)).toBe(true);
    expect(control.qr).toEqual([`${PUBLIC_URL}/tra-cuu?ma=${encodeURIComponent(code)}`]);
  });

  it('prints the refusal (Mẫu 03) of a rejected dossier with its reason', async () => {
    const rejected = await intake();
    await act('tn.CN724', rejected, { type: 'reject', reason: 'Hồ sơ được tiếp nhận nhầm: người yêu cầu đã đăng ký khai sinh tại nơi khác.' });
    const refusal = await pdfOf(await form('tn.CN724', rejected, 'mau-03'));
    expect(refusal.pages[0]).toMatchObject(A5);
    for (const expected of ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', `Mã hồ sơ: ${rejected}`, 'thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
      'Hồ sơ được tiếp nhận nhầm: người yêu cầu đã đăng ký khai sinh tại nơi khác.']) expect(refusal.text).toContain(expected);
    expect(refusal.qr).toEqual([`${PUBLIC_URL}/tra-cuu?ma=${encodeURIComponent(rejected)}`]);
  });

  it('keeps forms to officers of the dossier', async () => {
    const outsider = await form('tn.CN719', code, 'mau-01');
    expect(outsider.statusCode).toBe(403);
    expect((await app.inject({ url: `/api/v1/dossiers/${code}/forms/mau-01` })).statusCode).toBe(401);
    expect((await form('tn.CN724', 'NO-SUCH', 'mau-01')).statusCode).toBe(404);
  });

  it('encodes the address the officer used when no public address is configured', async () => {
    const local = await buildServer({ ...ctx, settings: { ...ctx.settings, publicUrl: undefined } });
    try {
      const res = await local.inject({ url: `/api/v1/dossiers/${code}/forms/mau-01`, headers: { ...(await token('tn.CN724')), host: 'quay.motcua.local:3000' } });
      expect(res.statusCode).toBe(200);
      expect(decodeDrawnQrCodes(res.rawPayload)).toEqual([`http://quay.motcua.local:3000/tra-cuu?ma=${encodeURIComponent(code)}`]);
    } finally {
      await local.close();
    }
  });

  it('prints the tracking book (Mẫu 06) of a unit for a period on A4 landscape, scoped', async () => {
    const url = (unitCode: string, from: string, to: string) => `/api/v1/reports/tracking-book?unitCode=${unitCode}&from=${from}&to=${to}`;
    const res = await app.inject({ url: url('CN724', '2024-12-01', '2024-12-31'), headers: await token('gd.CN724') });
    const book = await pdfOf(res);
    expect(book.pages[0]).toMatchObject({ width: 841.89, height: 595.28 });
    expect(book.qr).toEqual([]);
    const dossiers = await handle.db.selectFrom('dossiers').select('code').where('receiving_unit_code', '=', 'CN724').orderBy('received_at').execute();
    expect(dossiers.length).toBeGreaterThanOrEqual(2);
    for (const expected of ['SỔ THEO DÕI HỒ SƠ', 'CHI NHÁNH DĨ AN', `Từ ngày 01/12/2024 đến ngày 31/12/2024 — ${dossiers.length} hồ sơ`, 'Mã hồ sơ',
      'Tên thủ tục hành chính', 'Cơ quan chủ trì giải quyết', 'Hẹn trả kết quả', 'Trả kết quả cho tổ chức, cá nhân', 'Nguyễn Văn An', 'Từ chối giải quyết'])
      expect(book.text).toContain(expected);
    // Codes may wrap inside their narrow column: compare without spaces.
    const compact = book.text.replace(/\s/g, '');
    for (const d of dossiers) expect(compact).toContain(d.code);

    const empty = await pdfOf(await app.inject({ url: url('CN724', '2024-11-01', '2024-11-30'), headers: await token('tn.CN724') }));
    expect(empty.text).toContain('Không có hồ sơ nào được tiếp nhận trong kỳ.');

    expect((await app.inject({ url: url('CN724', '2024-12-01', '2024-12-31'), headers: await token('tn.CN719') })).statusCode).toBe(403);
    const badDate = await app.inject({ url: url('CN724', '2024-13-01', '2024-12-31'), headers: await token('tn.CN724') });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.code).toBe('INVALID_DATE');
    expect((await app.inject({ url: url('CN724', '2024-12-31', '2024-12-01'), headers: await token('tn.CN724') })).json().error.code).toBe('INVALID_PERIOD');
    expect((await app.inject({ url: url('CN724', '2023-01-01', '2024-12-31'), headers: await token('tn.CN724') })).json().error.code).toBe('PERIOD_TOO_LONG');
    expect((await app.inject({ url: url('NOPE', '2024-12-01', '2024-12-31'), headers: await token('tn.CN724') })).statusCode).toBe(404);
  });
});
