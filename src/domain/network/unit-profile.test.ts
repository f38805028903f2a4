// Editing a unit's profile: each bad field refused by name with the profile untouched; good patches
// applied and only the changed fields reported for the audit log.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyUnitProfilePatch, profileChanges, type UnitProfile } from './unit-profile.ts';
import { AppError } from '../errors.ts';

const base: UnitProfile = { name: 'Điểm tiếp nhận Phường Hiệp Thành', shortName: null, address: null, phone: null, email: null,
  latitude: null, longitude: null, agencyIdentifier: null, displayScreens: [] };

const refusal = (patch: Parameters<typeof applyUnitProfilePatch>[1]) => {
  try {
    applyUnitProfilePatch(base, patch);
  } catch (e) {
    return e instanceof AppError ? { code: e.code, field: (e.details as { field: string }).field } : e;
  }
  return undefined;
};

describe('unit profile', () => {
  it('refuses each malformed field, naming it', () => {
    expect(refusal({ name: ' ' })).toEqual({ code: 'REQUIRED', field: 'name' });
    expect(refusal({ agencyIdentifier: '000.00.53.48' })).toEqual({ code: 'INVALID_AGENCY_IDENTIFIER', field: 'agencyIdentifier' });
    expect(refusal({ latitude: -91, longitude: 106 })).toEqual({ code: 'LATITUDE_OUT_OF_RANGE', field: 'latitude' });
    expect(refusal({ latitude: 10, longitude: 181 })).toEqual({ code: 'LONGITUDE_OUT_OF_RANGE', field: 'longitude' });
    expect(refusal({ longitude: 106 })).toEqual({ code: 'INCOMPLETE_POSITION', field: 'latitude' });
    expect(refusal({ phone: 'gọi tôi' })).toEqual({ code: 'INVALID_PHONE', field: 'phone' });
    expect(refusal({ email: 'a@b' })).toEqual({ code: 'INVALID_EMAIL', field: 'email' });
    expect(refusal({ displayScreens: [{ code: 'màn 1', name: 'x' }] })).toEqual({ code: 'INVALID_SCREEN_CODE', field: 'displayScreens[0].code' });
    expect(refusal({ displayScreens: [{ code: 'S1', name: ' ' }] })).toEqual({ code: 'INVALID_SCREEN_NAME', field: 'displayScreens[0].name' });
  });

  it('normalises the identifier, clears blanks and reports only what changed', () => {
    const after = applyUnitProfilePatch(base, { agencyIdentifier: ' 417.25.03.h74 ', address: '  ', phone: '0274 3822 111', latitude: 10.99, longitude: 106.67 });
    expect(after).toMatchObject({ agencyIdentifier: '417.25.03.H74', address: null, phone: '0274 3822 111' });
    expect(profileChanges(base, after)).toEqual({
      before: { agencyIdentifier: null, phone: null, latitude: null, longitude: null },
      after: { agencyIdentifier: '417.25.03.H74', phone: '0274 3822 111', latitude: 10.99, longitude: 106.67 },
    });
    expect(applyUnitProfilePatch(after, { agencyIdentifier: '' }).agencyIdentifier).toBeNull();
  });

  it('accepts every position inside the ranges and refuses every one outside', () => {
    fc.assert(fc.property(fc.double({ min: -200, max: 200, noNaN: true }), fc.double({ min: -200, max: 200, noNaN: true }), (latitude, longitude) => {
      const inside = Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
      const problem = refusal({ latitude, longitude });
      expect(problem === undefined).toBe(inside);
    }));
  });
});
