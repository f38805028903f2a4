// Pure helpers of the catalog pages: the address state, time limits, fees and document counts in words.
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { catalogEn } from '../i18n/catalog.en.ts';
import { catalogVi } from '../i18n/catalog.vi.ts';
import { readCatalogParams, toProcedureQuery, writeCatalogParams } from './catalog-params.ts';
import { copiesText, documentName, durationText, feeText, isDocumentHeading, procedurePath, summaryTimeLimit } from './format.ts';

async function translator(lng: 'vi' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: { vi: { translation: { catalog: catalogVi } }, en: { translation: { catalog: catalogEn } } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

const doc = (name: string, counts: Partial<Record<'originals' | 'copies' | 'certifiedCopies' | 'photocopies', number | null>> = {}) => ({
  name, originals: null, copies: null, certifiedCopies: null, photocopies: null, template: null, ...counts,
});

describe('catalog address state', () => {
  it('defaults to location-free only, page 1, and writes only what differs', () => {
    const state = readCatalogParams(new URLSearchParams(''));
    expect(state).toEqual({ q: '', page: 1, locationFree: true, level: '', field: '', onlineLevel: '' });
    expect(writeCatalogParams(state).toString()).toBe('');
    const other = readCatalogParams(new URLSearchParams('q=khai+sinh&trang=2&phi-dia-gioi=0&cap=commune&truc-tuyen=full&linh-vuc=Hộ+tịch'));
    expect(other).toEqual({ q: 'khai sinh', page: 2, locationFree: false, level: 'commune', field: 'Hộ tịch', onlineLevel: 'full' });
    expect(readCatalogParams(writeCatalogParams(other))).toEqual(other);
    expect(toProcedureQuery(other)).toMatchObject({ q: 'khai sinh', locationFree: undefined, level: 'commune', offset: 20, limit: 20 });
  });
  it('ignores nonsense in the address', () => {
    expect(readCatalogParams(new URLSearchParams('trang=-3&cap=ministry&truc-tuyen=x'))).toMatchObject({ page: 1, level: '', onlineLevel: '' });
  });
});

describe('catalog wording', () => {
  it('says time limits, or that one is not normalised', async () => {
    const t = await translator('vi');
    expect(summaryTimeLimit({ processingDays: 15, processingHours: null }, t)).toBe('15 ngày làm việc');
    expect(summaryTimeLimit({ processingDays: null, processingHours: 4 }, t)).toBe('4 giờ làm việc');
    expect(summaryTimeLimit({ processingDays: null, processingHours: null }, t)).toBe('Chưa chuẩn hóa');
    expect(durationText({ unit: 'unparsed', text: '1' }, t)).toBe('Chưa chuẩn hóa');
    expect(durationText({ unit: 'days', value: 1.5 }, t)).toBe('1.5 ngày làm việc');
    expect(summaryTimeLimit({ processingDays: 2, processingHours: null }, await translator('en'))).toBe('2 working days');
  });
  it('says fees', async () => {
    const t = await translator('vi');
    expect(feeText({ kind: 'free' }, 'Miễn phí', t, 'vi')).toBe('Miễn phí');
    expect(feeText({ kind: 'amount', amount: 100000, currency: 'VND' }, '', t, 'vi')).toBe('100.000 đồng');
    expect(feeText({ kind: 'unparsed', text: 'Theo Nghị quyết HĐND' }, '', t, 'vi')).toBe('Theo Nghị quyết HĐND');
  });
  it('reads document rows', async () => {
    const t = await translator('vi');
    expect(isDocumentHeading(doc('- Người yêu cầu nộp các giấy tờ sau:', { originals: 0, copies: 0 }))).toBe(true);
    expect(isDocumentHeading(doc('- Tờ khai', { originals: 1 }))).toBe(false);
    expect(documentName('- Tờ khai đăng ký khai sinh;')).toBe('Tờ khai đăng ký khai sinh;');
    expect(copiesText(doc('x', { certifiedCopies: 1 }), t)).toBe('1 chứng thực');
    expect(copiesText(doc('x', { copies: 0 }), t)).toBe('—');
    expect(procedurePath('1.001193')).toBe('/thu-tuc/1.001193');
  });
});
