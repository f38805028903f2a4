import { describe, expect, it } from 'vitest';
import { buildPilotNetwork } from './binh-duong-network.ts';
import { areaNameOf, communesAt } from './communes.ts';
import { readFileSync } from 'node:fs';

const areas = JSON.parse(readFileSync(new URL('../../../seed/binh-duong-units-2024.json', import.meta.url), 'utf8'));

describe('communes of the network', () => {
  it('names each commune with its district and its reception point', () => {
    const communes = communesAt(buildPilotNetwork(areas), Date.parse('2025-01-10T00:00:00+07:00'));
    expect(communes).toHaveLength(91);
    expect(communes.find((c) => c.code === '25861')).toEqual({ code: '25861', name: 'Xã An Linh', districtName: 'Huyện Phú Giáo', receptionPointCode: 'DTN25861' });
    expect(new Set(communes.map((c) => c.code)).size).toBe(91);
  });

  it('is empty before the network opened', () => {
    expect(communesAt(buildPilotNetwork(areas), Date.parse('2020-01-01T00:00:00+07:00'))).toEqual([]);
  });

  it('strips the committee words and capitalises', () => {
    expect(areaNameOf('Ủy ban nhân dân thành phố Dĩ An')).toBe('Thành phố Dĩ An');
  });
});
