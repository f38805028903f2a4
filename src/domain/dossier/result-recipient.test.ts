import { describe, expect, it } from 'vitest';
import { recipientProblem } from './result-recipient.ts';

const citizen = { kind: 'citizen' as const, idNumber: '074090001234', representativeIdNumber: '079085004321' };

describe('who may collect a result', () => {
  it('the applicant with their own CCCD', () => {
    expect(recipientProblem(citizen, { role: 'applicant', idNumber: '074 090 001 234' }, 2025)).toBeUndefined();
  });

  it('refuses a CCCD of the wrong shape or not the applicant’s', () => {
    expect(recipientProblem(citizen, { role: 'applicant', idNumber: '12345' }, 2025)).toMatchObject({ code: 'INVALID_RECIPIENT_ID', details: { field: 'recipientIdNumber' } });
    expect(recipientProblem(citizen, { role: 'applicant', idNumber: '074090009999' }, 2025)).toMatchObject({ code: 'RECIPIENT_ID_MISMATCH' });
  });

  it('the representative named at intake needs no new authorisation; anybody else does', () => {
    expect(recipientProblem(citizen, { role: 'representative', idNumber: '079085004321' }, 2025)).toBeUndefined();
    expect(recipientProblem(citizen, { role: 'representative', idNumber: '074090009999' }, 2025)).toMatchObject({ code: 'AUTHORISATION_REQUIRED', details: { field: 'authorisation' } });
    expect(recipientProblem(citizen, { role: 'representative', idNumber: '074090009999', authorisation: 'Giấy ủy quyền số 12 ngày 01/03/2025' }, 2025)).toBeUndefined();
  });

  it('an organisation’s result goes to a representative', () => {
    const org = { kind: 'organization' as const, idNumber: '0312345678', representativeIdNumber: null };
    expect(recipientProblem(org, { role: 'applicant', idNumber: '074090001234' }, 2025)).toMatchObject({ code: 'RECIPIENT_NOT_APPLICANT' });
  });
});
