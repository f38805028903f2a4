// The form layouts without a database: every form fits A5, prints its title and the facts it is given,
// leaves labelled blanks for unknown facts, and carries a QR code that decodes to the lookup URL.
import { describe, expect, it } from 'vitest';
import { renderForm, DOSSIER_FORMS, FORM_SPECS } from './dossier-forms.ts';
import { communeName, timeLimitText, type DossierFormFacts, type UnitFacts } from './dossier-form-facts.ts';
import { documentForms } from './mau-01-receipt.ts';
import { handOvers } from './mau-05-control-sheet.ts';
import { lookupUrl, qrMatrix } from './lookup-qr.ts';
import { renderTrackingBook } from './mau-06-tracking-book.ts';
import { decodeDrawnQrCodes, flatText, readPdf } from '../../../test/support/pdf.ts';
import type { Unit } from '../../domain/network/unit.ts';

const at = (iso: string) => Date.parse(iso);
const unit = (name: string, parentName: string | null = 'Trung tâm Phục vụ hành chính công tỉnh Bình Dương'): UnitFacts => ({ code: name, name, parentName });
const commune = unit('Ủy ban nhân dân xã An Linh', null);

function facts(overrides: Partial<DossierFormFacts> = {}): DossierFormFacts {
  return {
    code: '722.00.02.H74-241205-0001', procedureCode: '1.001193', procedureName: 'Thủ tục đăng ký khai sinh', status: 'processing', channel: 'direct',
    applicant: { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '074090001234', phone: '0912345678', email: null, address: null, representativeName: null },
    receivingUnit: unit('Chi nhánh Dĩ An'), competentUnit: commune, returnUnit: unit('Điểm tiếp nhận Xã An Linh'), returnByPost: false,
    documents: [], receivedAt: at('2024-12-05T09:00:00+07:00'), receivedByName: 'Trần Thị Bình', timeLimitText: '3 ngày làm việc',
    promisedDueAt: at('2024-12-10T09:00:00+07:00'), dueAt: at('2024-12-10T09:00:00+07:00'), finishedAt: null,
    steps: [{ seq: 2, type: 'transfer', at: at('2024-12-05T10:00:00+07:00'), actorName: 'Trần Thị Bình', actorUnit: unit('Chi nhánh Dĩ An'), reason: null, request: {}, handedToName: null }],
    supplement: { at: at('2024-12-06T09:00:00+07:00'), reason: 'Thiếu giấy tờ.', missingDocuments: [], actorName: 'Lê Văn Cường', actorUnit: commune },
    rejection: { at: at('2024-12-06T10:00:00+07:00'), reason: 'Không thuộc thẩm quyền.', actorName: 'Phạm Văn Dũng', actorUnit: commune, atReceipt: false },
    extension: { at: at('2024-12-09T09:00:00+07:00'), reason: 'Cần xác minh.', previousDueAt: at('2024-12-10T09:00:00+07:00'), newDueAt: at('2024-12-13T09:00:00+07:00'), actorName: 'Phạm Văn Dũng', actorUnit: commune },
    outcome: null,
    ...overrides,
  };
}

describe('dossier forms', () => {
  const url = lookupUrl('https://motcua.example.vn/', '722.00.02.H74-241205-0001');

  it('links the lookup page with the code it reads (?ma=)', () => {
    expect(url).toBe('https://motcua.example.vn/tra-cuu?ma=722.00.02.H74-241205-0001');
    expect(qrMatrix(url).length).toBeGreaterThanOrEqual(21);
  });

  it.each(DOSSIER_FORMS)('prints %s on A5 with its title and a decodable QR code', async (form) => {
    const bytes = await renderForm(form, facts(), { lookupUrl: url, issuedAt: at('2024-12-05T09:00:00+07:00') });
    const pdf = await readPdf(bytes);
    expect(pdf.pages[0]).toMatchObject({ width: 419.53, height: 595.28 });
    const text = flatText(pdf.pages);
    expect(text).toContain(FORM_SPECS[form].title);
    expect(text).toContain('Mã hồ sơ: 722.00.02.H74-241205-0001');
    expect(text).toContain('……, ngày 05 tháng 12 năm 2024');
    expect(decodeDrawnQrCodes(bytes)).toEqual([url]);
  });

  it('prints the same bytes for the same dossier', async () => {
    const context = { lookupUrl: url, issuedAt: at('2024-12-05T09:00:00+07:00') };
    expect((await renderForm('mau-01', facts(), context)).equals(await renderForm('mau-01', facts(), context))).toBe(true);
  });

  it('leaves labelled blanks for what the system does not know', async () => {
    const text = flatText((await readPdf(await renderForm('mau-01', facts({ timeLimitText: null }), { lookupUrl: url, issuedAt: 0 }))).pages);
    expect(text).toContain('Địa chỉ: ……');
    expect(text).toContain('Email: ……');
    expect(text).toContain('3. Thời gian giải quyết hồ sơ theo quy định là: ……');
    expect(text).toContain('(1) ……');
  });

  it('says when each form applies', () => {
    const fresh = facts({ supplement: null, rejection: null, extension: null, status: 'received' });
    expect(FORM_SPECS['mau-01'].notApplicable(fresh)).toBeNull();
    expect(FORM_SPECS['mau-05'].notApplicable(fresh)).toBeNull();
    expect(FORM_SPECS['mau-02'].notApplicable(fresh)).toContain('chưa có yêu cầu bổ sung');
    expect(FORM_SPECS['mau-03'].notApplicable(fresh)).toContain('Đã tiếp nhận');
    expect(FORM_SPECS['mau-04'].notApplicable(fresh)).toContain('chưa được gia hạn');
    expect(FORM_SPECS['mau-03'].notApplicable(facts({ status: 'rejected' }))).toBeNull();
  });

  it('reads the hand-overs of the paper file from the history', () => {
    const rows = handOvers(facts({
      outcome: 'on_time',
      steps: [
        { seq: 2, type: 'transfer', at: 1, actorName: 'A', actorUnit: unit('Chi nhánh Dĩ An'), reason: null, request: {}, handedToName: null },
        { seq: 3, type: 'assign', at: 2, actorName: 'B', actorUnit: commune, reason: null, request: { assignee: 'cv.x' }, handedToName: 'C' },
        { seq: 4, type: 'approve', at: 3, actorName: 'B', actorUnit: commune, reason: null, request: {}, handedToName: null },
        { seq: 5, type: 'record_result', at: 4, actorName: 'C', actorUnit: commune, reason: null, request: {}, handedToName: null },
      ],
    }));
    expect(rows.map((r) => [r.giver, r.receiver, r.result])).toEqual([
      ['Chi nhánh Dĩ An', 'Ủy ban nhân dân xã An Linh', ''],
      ['Lãnh đạo Ủy ban nhân dân xã An Linh', 'Chuyên viên xử lý', ''],
      ['Ủy ban nhân dân xã An Linh', 'Điểm tiếp nhận Xã An Linh', 'Đúng hạn'],
    ]);
    expect(rows[1]!.receiverName).toBe('C');
  });

  it('names time limits, document forms and communes in Vietnamese', () => {
    expect(timeLimitText({ timeLimit: { unit: 'days', value: 3 }, supplementPolicy: 'restart' } as never)).toBe('3 ngày làm việc');
    expect(timeLimitText({ timeLimit: { unit: 'hours', value: 4.5 }, supplementPolicy: 'restart' } as never)).toBe('4,5 giờ làm việc');
    expect(timeLimitText(undefined)).toBeNull();
    expect(documentForms({ name: 'x', originals: 1, certifiedCopies: 2, photocopies: 0 })).toBe(' (1 bản chính, 2 bản sao chứng thực)');
    expect(documentForms({ name: 'x', originals: 0, certifiedCopies: 0, photocopies: 0 })).toBe('');
    const units = [{ code: 'UBX25861', type: 'agency', agencyLevel: 'commune', areaCode: '25861', name: 'Ủy ban nhân dân xã An Linh' }] as Unit[];
    expect(communeName(units, '25861')).toBe('xã An Linh');
    expect(communeName(units, '99999')).toBeNull();
  });

  it('prints a tracking book over several A4 landscape pages, numbered', async () => {
    const entry = { code: '722.00.02.H74-241205-0001', procedureName: 'Thủ tục đăng ký khai sinh', applicantName: 'Nguyễn Văn An', addressAndPhone: '0912345678',
      competentUnitName: 'Ủy ban nhân dân xã An Linh', receivedAt: at('2024-12-05T09:00:00+07:00'), dueAt: null, transferredAt: null, resultAt: null, returnedAt: null, note: '' };
    const bytes = await renderTrackingBook({ unit: unit('Chi nhánh Dĩ An'), from: '2024-12-01', to: '2024-12-31', entries: Array.from({ length: 60 }, () => entry), truncated: false, printedAt: 0 });
    const pdf = await readPdf(bytes);
    expect(pdf.pages.length).toBeGreaterThan(1);
    expect(pdf.pages.every((p) => p.width === 841.89 && p.height === 595.28)).toBe(true);
    expect(pdf.pages.at(-1)!.text).toContain(`Trang ${pdf.pages.length}/${pdf.pages.length}`);
    // The header row repeats on every page.
    expect(pdf.pages.every((p) => p.text.includes('Mã hồ sơ'))).toBe(true);
  });
});
