import { describe, expect, it } from 'vitest';
import { normaliseDocument } from './required-document.ts';

describe('normaliseDocument', () => {
  it('keeps plain counts and the template', () => {
    const r = normaliseDocument({ name: ' Tờ khai   đăng ký ', originals: 1, copies: 0, templateHint: 'TK01.docx' }, 'd[0]');
    expect(r.document).toEqual({ name: 'Tờ khai đăng ký', originals: 1, copies: 0, certifiedCopies: null, photocopies: null, template: 'TK01.docx' });
    expect(r.problems).toEqual([]);
  });

  it('repairs a count glued to a date cut from the name ("…ngày 01/01/" + 20261) and flags it', () => {
    // 1.003586 in the national file: "…Thông tư số 02/2026/TT-BNNMT ngày 01/01/20261 bản chính,1 bản sao"
    const r = normaliseDocument({ name: '- Tờ khai theo Mẫu số 08.ĐKT ban hành kèm theo Thông tư số 02/2026/TT-BNNMT ngày 01/01/', originals: 20261, copies: 1 }, 'd[2]');
    expect(r.document.originals).toBe(1);
    expect(r.document.copies).toBe(1);
    expect(r.document.name.endsWith('ngày 01/01/2026')).toBe(true);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'DOCUMENT_COUNT_REPAIRED', severity: 'review', path: 'd[2].originals', text: '20261' })]);
  });

  it('repairs "theo Mẫu số" + 181 into Mẫu số 18, one original', () => {
    const r = normaliseDocument({ name: 'Đơn đăng ký biến động đất đai theo Mẫu số', originals: 181, copies: 1 }, 'd');
    expect(r.document).toMatchObject({ name: 'Đơn đăng ký biến động đất đai theo Mẫu số18', originals: 1, copies: 1 });
  });

  it('refuses to guess an implausible count it cannot explain', () => {
    const r = normaliseDocument({ name: 'Bản dịch được công chứng, chứng thực theo quy định của pháp luật Việt Nam', originals: 21 }, 'd');
    expect(r.document.originals).toBeNull();
    expect(r.problems[0]).toMatchObject({ code: 'DOCUMENT_COUNT_IMPLAUSIBLE', severity: 'unparsed' });
  });

  it('reports a count that is not a number', () => {
    expect(normaliseDocument({ name: 'x', originals: 'một' }, 'd').invalidCount).toBe('originals');
    expect(normaliseDocument({ name: 'x', originals: -1 }, 'd').invalidCount).toBe('originals');
    expect(normaliseDocument({ name: 'x', originals: '2' }, 'd').document.originals).toBe(2);
  });
});
