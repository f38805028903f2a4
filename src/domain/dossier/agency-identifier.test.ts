import { describe, expect, it } from 'vitest';
import { isValidAt } from '../network/unit.ts';
import { agencyIdentifierOf, agencyIdentifierProblem, defaultAgencyIdentifier, isAgencyIdentifier, PLACEHOLDER_PROVINCE_ROOT } from './agency-identifier.ts';
import { pilotNetwork } from './dossier-test-support.ts';

const unit = (code: string) => {
  const found = pilotNetwork().find((u) => u.code === code);
  if (!found) throw new Error(code);
  return found;
};

describe('agency identifiers (QCVN 102:2016)', () => {
  it('accepts V1V2V3.Z1Z2.Y1Y2.MX1X2', () => {
    expect(['000.00.53.H48', '000.00.00.H56', '123.45.67.G14'].every(isAgencyIdentifier)).toBe(true);
    expect(['000.00.53.48', '00.00.53.H48', '000.00.53.H4', '000.00.53.h48', ' 000.00.53.H48'].some(isAgencyIdentifier)).toBe(false);
    expect(agencyIdentifierProblem('x', 'units[3].agencyIdentifier')).toMatchObject({ kind: 'invalid', code: 'INVALID_AGENCY_IDENTIFIER', details: { field: 'units[3].agencyIdentifier' } });
  });

  it('defaults from type and GSO area under the placeholder root H74', () => {
    expect(PLACEHOLDER_PROVINCE_ROOT).toBe('000.00.00.H74');
    expect(defaultAgencyIdentifier(unit('UBND74'))).toBe('000.00.00.H74');
    expect(defaultAgencyIdentifier(unit('TT74'))).toBe('000.00.01.H74');
    expect(defaultAgencyIdentifier(unit('CN724'))).toBe('724.00.02.H74');
    expect(defaultAgencyIdentifier(unit('DTN25861'))).toBe('861.25.03.H74');
    expect(defaultAgencyIdentifier(unit('UBH722'))).toBe('722.00.04.H74');
    expect(defaultAgencyIdentifier(unit('UBX25861'))).toBe('861.25.05.H74');
    expect(defaultAgencyIdentifier(unit('STP74'))).toBeNull(); // departments: configure them
    expect(defaultAgencyIdentifier(unit('CN724'), '000.00.00.H99')).toBe('724.00.02.H99');
    expect(() => defaultAgencyIdentifier(unit('CN724'), '000.00.01.H99')).toThrow(/QCVN/);
  });

  it('gives every counter of the pilot network a distinct, well-formed identifier', () => {
    const counters = pilotNetwork().filter((u) => u.type !== 'agency' && isValidAt(u, u.validFrom));
    const ids = counters.map((u) => agencyIdentifierOf(u));
    expect(ids.every((id) => id !== null && isAgencyIdentifier(id))).toBe(true);
    expect(new Set(ids).size).toBe(counters.length);
    const all = pilotNetwork().map((u) => defaultAgencyIdentifier(u)).filter((id) => id !== null);
    expect(new Set(all).size).toBe(all.length);
  });

  it('prefers the configured identifier', () => {
    expect(agencyIdentifierOf({ ...unit('CN724'), agencyIdentifier: '000.00.53.H48' })).toBe('000.00.53.H48');
  });
});
