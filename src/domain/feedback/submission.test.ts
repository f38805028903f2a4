import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anonymise, HIDDEN } from './anonymise.ts';
import { formatTrackingCode, normaliseTrackingCode } from './tracking-code.ts';
import { TEXT_MAX_CHARS, validateSubmission } from './submission.ts';
import { dossierCurrentUnit, routeFeedback } from './routing.ts';
import { vn } from '../calendar/calendar-test-support.ts';

const valid = { kind: 'question', fullName: 'Nguyễn Văn An', phone: '+84 912 345 678', text: 'Làm giấy khai sinh cần giấy tờ gì?' };

describe('submission checks', () => {
  it('normalises phone, name and text, keeps HTML as plain text', () => {
    const res = validateSubmission({ ...valid, text: '  <script>alert(1)</script> cần gì?\r\n\u0000' });
    expect(res.ok).toBe(true);
    if (res.ok) {
      expect(res.value.phone).toBe('0912345678');
      expect(res.value.text).toBe('<script>alert(1)</script> cần gì?');
    }
  });

  it('lists every bad field with a Vietnamese message', () => {
    const res = validateSubmission({ kind: 'complaint', fullName: '', phone: '123', email: 'x@', text: '' });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      const issues = (res.error.details as { issues: Array<{ field: string }> }).issues.map((i) => i.field);
      expect(issues).toEqual(['dossierCode', 'fullName', 'phone', 'email', 'text']);
      expect(res.error.code).toBe('INVALID_FEEDBACK');
    }
  });

  it('refuses texts that are too short or too long (counted in characters, not bytes)', () => {
    const long = validateSubmission({ ...valid, text: 'ệ'.repeat(50_000) });
    expect(!long.ok && long.error.message).toContain(`tối đa ${TEXT_MAX_CHARS}`);
    expect(validateSubmission({ ...valid, text: 'ệ'.repeat(TEXT_MAX_CHARS) }).ok).toBe(true);
    expect(validateSubmission({ ...valid, text: 'ngắn' }).ok).toBe(false);
    expect(validateSubmission({ ...valid, text: '   \n  ' }).ok).toBe(false);
  });
});

describe('tracking codes', () => {
  it('formats PA-YYMMDD-XXXXXX on the Vietnamese date', () => {
    expect(formatTrackingCode(vn('2024-12-05 23:30'), new Uint8Array([0, 1, 2, 31, 30, 10]))).toBe('PA-241205-012ZYA');
  });

  it('property: every code round-trips through normalisation, also typed lower-case without dashes', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 6, maxLength: 6 }), fc.integer({ min: vn('2000-01-01 00:00'), max: vn('2099-12-31 00:00') }), (bytes, at) => {
      const code = formatTrackingCode(at, bytes);
      expect(normaliseTrackingCode(code)).toBe(code);
      expect(normaliseTrackingCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    }));
    expect(normaliseTrackingCode('PA-241205-0IL0O0')).toBe('PA-241205-011000');
    expect(normaliseTrackingCode('000.00.53.H48-220921-0099')).toBeNull();
  });
});

describe('anonymisation', () => {
  it('hides the name, phones, e-mails, ID numbers and dossier codes', () => {
    const text = 'Tôi là Nguyễn  Văn An, SĐT 0912 345 678, email an@example.com, CCCD 074090001234, hồ sơ 000.00.53.H48-220921-0099 chưa có kết quả.';
    const out = anonymise(text, { fullName: 'Nguyễn Văn An', phone: '0912345678', email: 'an@example.com' });
    expect(out).toBe(`Tôi là ${HIDDEN}, SĐT ${HIDDEN}, email ${HIDDEN}, CCCD ${HIDDEN}, hồ sơ ${HIDDEN} chưa có kết quả.`);
  });

  it('property: a sender\'s phone never survives', () => {
    fc.assert(fc.property(fc.string(), fc.string(), fc.constantFrom('0912345678', '0389999999'), (a, b, phone) => {
      expect(anonymise(`${a} ${phone} ${b}`, { phone })).not.toContain(phone);
    }));
  });
});

describe('routing', () => {
  const dossier = { receivingUnitCode: 'CN724', competentUnitCode: 'UBX25861', returnUnitCode: 'DTN25861' };
  it('sends a linked dossier to the unit holding it, a province procedure to its department, the rest to the Center', () => {
    expect(dossierCurrentUnit({ ...dossier, status: 'received' })).toBe('CN724');
    expect(dossierCurrentUnit({ ...dossier, status: 'processing' })).toBe('UBX25861');
    expect(dossierCurrentUnit({ ...dossier, status: 'returned' })).toBe('DTN25861');
    expect(routeFeedback({ centerCode: 'TT74', linkedDossier: { ...dossier, status: 'processing' }, procedureAgencyCode: 'STP74' })).toEqual({ unitCode: 'UBX25861', basis: 'dossier' });
    expect(routeFeedback({ centerCode: 'TT74', procedureAgencyCode: 'STP74' })).toEqual({ unitCode: 'STP74', basis: 'procedure' });
    expect(routeFeedback({ centerCode: 'TT74', linkedDossier: null })).toEqual({ unitCode: 'TT74', basis: 'center' });
  });
});
