import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildPilotNetwork, NETWORK_OPENED_AT, type AdministrativeUnit } from './binh-duong-network.ts';
import { isValidAt, subtreeCodes } from './unit.ts';
import { demoAccounts } from '../staff/demo-accounts.ts';

const areas = JSON.parse(readFileSync(new URL('../../../seed/binh-duong-units-2024.json', import.meta.url), 'utf8')) as AdministrativeUnit[];
const network = buildPilotNetwork(areas);
const ofType = (type: string) => network.filter((u) => u.type === type);

describe('the Bình Dương pilot network', () => {
  it('has one Center, 9 Branches and 91 Reception Points', () => {
    expect(ofType('center').map((u) => u.name)).toEqual(['Trung tâm Phục vụ hành chính công tỉnh Bình Dương']);
    expect(ofType('branch')).toHaveLength(9);
    expect(ofType('reception_point')).toHaveLength(91);
  });

  it('names branches after their district and points after their commune', () => {
    expect(ofType('branch').map((u) => u.name)).toContain('Chi nhánh Thủ Dầu Một');
    expect(network.find((u) => u.code === 'DTN25741')).toMatchObject({ name: 'Điểm tiếp nhận Phường Hiệp Thành', parentCode: 'CN718', areaCode: '25741' });
  });

  it('has the competent agencies: provincial committee and departments, 9 district and 91 commune committees', () => {
    const agencies = ofType('agency');
    expect(agencies.filter((a) => a.agencyLevel === 'district')).toHaveLength(9);
    expect(agencies.filter((a) => a.agencyLevel === 'commune')).toHaveLength(91);
    expect(agencies.find((a) => a.code === 'UBX25741')?.name).toBe('Ủy ban nhân dân phường Hiệp Thành');
    expect(agencies.find((a) => a.code === 'UBND74')?.name).toBe('Ủy ban nhân dân tỉnh Bình Dương');
  });

  it('has unique codes, parents that exist, and opens on 02/12/2024', () => {
    const codes = new Set(network.map((u) => u.code));
    expect(codes.size).toBe(network.length);
    for (const unit of network) if (unit.parentCode) expect(codes.has(unit.parentCode), unit.code).toBe(true);
    expect(network.every((u) => isValidAt(u, NETWORK_OPENED_AT) && !isValidAt(u, NETWORK_OPENED_AT - 1))).toBe(true);
  });

  it('scopes a branch to itself and its reception points', () => {
    const scope = subtreeCodes(network, 'CN718');
    expect([...scope].filter((c) => c.startsWith('DTN'))).toHaveLength(14);
    expect(scope.has('CN719')).toBe(false);
  });

  it('gives the contract demo accounts', () => {
    const usernames = new Set(demoAccounts(network).map((a) => a.username));
    for (const name of ['admin', 'tn.TT74', 'tn.CN718', 'tn.DTN25741', 'cv.STP74', 'ld.STP74', 'cv.UBX25741', 'gd.TT74', 'gd.CN726']) {
      expect(usernames.has(name), name).toBe(true);
    }
    expect(usernames.has('gd.DTN25741')).toBe(false);
    expect(usernames.has('tn.STP74')).toBe(false);
  });
});
