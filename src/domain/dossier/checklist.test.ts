import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RequiredDocument } from '../catalog/required-document.ts';
import { alternativeCases, caseRole, checklistFor, documentKey, isConditionalDocument, missingDocuments, missingDocumentsError } from './checklist.ts';

const doc = (name: string, originals: number | null = 1): RequiredDocument => ({ name, originals, copies: null, certifiedCopies: null, photocopies: null, template: null });
const content = {
  documents: [doc('- Tờ khai đăng ký khai sinh'), doc('Giấy chứng sinh'), doc('Văn bản ủy quyền (nếu có)')],
  cases: [{ name: 'Trường hợp trẻ bị bỏ rơi', documents: [doc('Biên bản xác nhận việc trẻ bị bỏ rơi'), doc('Giấy chứng sinh')], terms: [] }],
};

describe('the counter checklist', () => {
  it('lists the common papers, then those of the chosen case, once each', () => {
    const plain = checklistFor(content);
    expect(plain.ok && plain.value.map((i) => i.name)).toEqual(['- Tờ khai đăng ký khai sinh', 'Giấy chứng sinh', 'Văn bản ủy quyền (nếu có)']);
    const withCase = checklistFor(content, 'trường hợp trẻ bị bỏ rơi');
    expect(withCase.ok && withCase.value.map((i) => i.name)).toEqual([
      '- Tờ khai đăng ký khai sinh', 'Giấy chứng sinh', 'Văn bản ủy quyền (nếu có)', 'Biên bản xác nhận việc trẻ bị bỏ rơi',
    ]);
  });

  it('refuses a case the procedure does not have, naming the field', () => {
    const result = checklistFor(content, 'Trường hợp không có');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'UNKNOWN_PROCEDURE_CASE', details: { field: 'caseName' } });
  });

  it('treats papers the text makes conditional as optional', () => {
    expect(isConditionalDocument('Văn bản ủy quyền (nếu có)')).toBe(true);
    expect(isConditionalDocument('Trường hợp ủy quyền: văn bản ủy quyền')).toBe(true);
    expect(isConditionalDocument('Giấy tờ chứng minh nơi cư trú trong trường hợp cư trú tạm thời')).toBe(true);
    expect(isConditionalDocument('Tờ khai đăng ký khai sinh')).toBe(false);
  });

  it('finds missing required papers whatever form the received ones took', () => {
    const list = checklistFor(content, 'Trường hợp trẻ bị bỏ rơi');
    if (!list.ok) throw list.error;
    const missing = missingDocuments(list.value, [
      { name: 'Tờ khai đăng ký khai sinh', photocopies: 1 },
      { name: 'giấy chứng sinh', originals: 0, certifiedCopies: 0 },
    ]);
    expect(missing.map((m) => m.name)).toEqual(['Giấy chứng sinh', 'Biên bản xác nhận việc trẻ bị bỏ rơi']);
    const error = missingDocumentsError(missing);
    expect(error).toMatchObject({ kind: 'invalid', code: 'DOCUMENTS_MISSING', details: { field: 'documents', missing: ['Giấy chứng sinh', 'Biên bản xác nhận việc trẻ bị bỏ rơi'] } });
    expect(error.message).toContain('Mẫu 02');
  });

  it('nothing is missing once every required paper was received in some form (property)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('originals', 'certifiedCopies', 'photocopies'), { minLength: 4, maxLength: 4 }), (forms) => {
      const list = checklistFor(content, 'Trường hợp trẻ bị bỏ rơi');
      if (!list.ok) throw list.error;
      const received = list.value.filter((i) => !i.optional).map((item, i) => ({ name: ` ${item.name.toUpperCase()} `, [forms[i % forms.length]!]: 1 }));
      expect(missingDocuments(list.value, received)).toEqual([]);
    }));
  });

  it('keys ignore bullets, case, accents and trailing punctuation', () => {
    expect(documentKey('- Giấy chứng sinh;')).toBe(documentKey('giay chung sinh'));
  });
});

describe('groups of the national catalog', () => {
  it('tells papers everyone brings, remarks and alternative cases apart', () => {
    expect(caseRole('* Giấy tờ phải nộp:')).toBe('always');
    expect(caseRole('* Giấy tờ phải xuất trình:')).toBe('always');
    expect(caseRole('Các giấy tờ phải nộp đối với phương tiện')).toBe('always');
    expect(caseRole('* Lưu ý :')).toBe('note');
    expect(caseRole('Trường hợp ủy quyền thực hiện thủ tục:')).toBe('alternative');
    expect(caseRole('(1.3) Đối với công trình tôn giáo:')).toBe('alternative');
  });

  it('puts the always-groups in the checklist, remarks as optional, and offers only alternatives', () => {
    const grouped = {
      documents: [],
      cases: [
        { name: '* Giấy tờ phải nộp:', documents: [doc('Tờ khai')], terms: [] },
        { name: '* Giấy tờ phải xuất trình:', documents: [doc('CCCD của người đi đăng ký')], terms: [] },
        { name: '* Lưu ý:', documents: [doc('Trẻ em sinh ra ở nước ngoài cần giấy tờ chứng minh')], terms: [] },
        { name: 'Trường hợp ủy quyền:', documents: [doc('Văn bản ủy quyền có chứng thực')], terms: [] },
      ],
    };
    expect(alternativeCases(grouped)).toEqual(['Trường hợp ủy quyền:']);
    const plain = checklistFor(grouped);
    expect(plain.ok && plain.value.map((i) => [i.name, i.optional])).toEqual([
      ['Tờ khai', false], ['CCCD của người đi đăng ký', false], ['Trẻ em sinh ra ở nước ngoài cần giấy tờ chứng minh', true],
    ]);
    const chosen = checklistFor(grouped, 'Trường hợp ủy quyền:');
    expect(chosen.ok && missingDocuments(chosen.value, [{ name: 'Tờ khai', originals: 1 }, { name: 'CCCD của người đi đăng ký', originals: 1 }]).map((m) => m.name))
      .toEqual(['Văn bản ủy quyền có chứng thực']);
  });
});
