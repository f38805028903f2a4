// Staff roles (vai trò) as the contract names them.
export type Role = 'admin' | 'reception' | 'processing' | 'leader' | 'manager';
export const ROLES: readonly Role[] = ['admin', 'reception', 'processing', 'leader', 'manager'];

export const ROLE_LABELS_VI: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  reception: 'Cán bộ tiếp nhận',
  processing: 'Chuyên viên xử lý',
  leader: 'Lãnh đạo',
  manager: 'Giám đốc',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
