// Demo citizens of the local OpenID Connect provider (demo mode and tests only): the profile VNeID would
// release — full name, 12-digit CCCD (province code 074 = Bình Dương, birth century/gender, birth year),
// phone, e-mail and commune of residence. Made-up people; the numbers only have the legal shape.
export interface DemoCitizen {
  /** The provider's subject identifier (stable, opaque). */
  subject: string;
  fullName: string;
  idNumber: string;
  phone: string;
  email: string;
  communeCode: string;
  addressDetail: string;
}

export const DEMO_CITIZENS: readonly DemoCitizen[] = [
  { subject: 'vneid-demo-0001', fullName: 'Nguyễn Thị Lan', idNumber: '074190001111', phone: '0912000111', email: 'lan.nguyen@example.vn',
    communeCode: '25861', addressDetail: 'Tổ 3, ấp 1' },
  { subject: 'vneid-demo-0002', fullName: 'Trần Văn Bình', idNumber: '074085002222', phone: '0987000222', email: 'binh.tran@example.vn',
    communeCode: '25747', addressDetail: '12 đường Yersinia' },
  { subject: 'vneid-demo-0003', fullName: 'Lê Hoàng Minh', idNumber: '074201003333', phone: '0356000333', email: 'minh.le@example.vn',
    communeCode: '25771', addressDetail: 'Khu phố 2' },
];

export function findDemoCitizen(idNumberOrSubject: string): DemoCitizen | undefined {
  const key = idNumberOrSubject.replace(/[\s.]/g, '');
  return DEMO_CITIZENS.find((c) => c.idNumber === key || c.subject === key);
}
