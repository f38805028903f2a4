// Pages of the administration area, relative to /quan-tri. `null`: announced, not built yet.
export const ADMIN_PAGES = {
  calendar: 'lich-lam-viec',
  users: 'can-bo',
  audit: 'nhat-ky',
  units: 'don-vi',
  queues: 'hang-doi',
  workflows: 'quy-trinh',
  restructure: 'sap-xep',
  catalogImport: 'nhap-danh-muc',
  catalogVersions: 'phien-ban-thu-tuc',
} as const;

export type AdminPageKey = keyof typeof ADMIN_PAGES;
