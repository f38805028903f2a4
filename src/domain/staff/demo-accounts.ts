// Demo accounts named by the contract: admin; tn.<unit> at every Center/Branch/Reception Point;
// cv.<unit> and ld.<unit> at every competent agency; gd.<unit> at the Center and each Branch.
import type { Unit } from '../network/unit.ts';
import type { Role } from './roles.ts';

export interface StaffAccountSeed {
  username: string;
  fullName: string;
  unitCode: string;
  roles: Role[];
}

export function demoAccounts(units: readonly Unit[]): StaffAccountSeed[] {
  const root = units.find((u) => u.parentCode === null);
  if (!root) throw new Error('demo accounts: the network has no root unit');
  const accounts: StaffAccountSeed[] = [{ username: 'admin', fullName: 'Quản trị hệ thống', unitCode: root.code, roles: ['admin'] }];
  for (const unit of units) {
    const where = unit.shortName ?? unit.name;
    if (unit.type === 'agency') {
      accounts.push({ username: `cv.${unit.code}`, fullName: `Chuyên viên ${where}`, unitCode: unit.code, roles: ['processing'] });
      accounts.push({ username: `ld.${unit.code}`, fullName: `Lãnh đạo ${where}`, unitCode: unit.code, roles: ['leader'] });
    } else {
      accounts.push({ username: `tn.${unit.code}`, fullName: `Cán bộ tiếp nhận ${where}`, unitCode: unit.code, roles: ['reception'] });
    }
    if (unit.type === 'center' || unit.type === 'branch') {
      accounts.push({ username: `gd.${unit.code}`, fullName: `Giám đốc ${unit.name}`, unitCode: unit.code, roles: ['manager'] });
    }
  }
  return accounts;
}
