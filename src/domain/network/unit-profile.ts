// What an administrator may edit of a unit (hồ sơ đơn vị): name, address, contact, map position, agency
// identifier and waiting-room screens. Structure (type, parent, area, validity) changes only through a
// restructuring plan, so history and open work stay consistent. Each check names the field it refuses.
import { invalid } from '../errors.ts';
import { agencyIdentifierProblem } from '../dossier/agency-identifier.ts';

export interface DisplayScreen {
  code: string;
  name: string;
}

export interface UnitProfile {
  name: string;
  shortName: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  latitude: number | null;
  longitude: number | null;
  agencyIdentifier: string | null;
  displayScreens: DisplayScreen[];
}

export type UnitProfilePatch = Partial<UnitProfile>;

const PHONE_RE = /^\+?[0-9][0-9 .()-]{5,19}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SCREEN_CODE_RE = /^[A-Za-z0-9_-]{1,20}$/;

/** Blank text means "none". */
function optionalText(value: string | null | undefined, field: string, label: string, max: number): string | null {
  const text = value?.trim() ?? '';
  if (text.length > max) throw invalid('TOO_LONG', `${label} dài quá ${max} ký tự.`, { field });
  return text === '' ? null : text;
}

/** The profile after the patch, refused (nothing applied) at the first field in the wrong shape. */
export function applyUnitProfilePatch(current: UnitProfile, patch: UnitProfilePatch): UnitProfile {
  const next: UnitProfile = { ...current, displayScreens: current.displayScreens.map((s) => ({ ...s })) };
  if (patch.name !== undefined) {
    const name = patch.name.trim();
    if (name === '') throw invalid('REQUIRED', 'Tên đơn vị không được để trống.', { field: 'name' });
    if (name.length > 300) throw invalid('TOO_LONG', 'Tên đơn vị dài quá 300 ký tự.', { field: 'name' });
    next.name = name;
  }
  if (patch.shortName !== undefined) next.shortName = optionalText(patch.shortName, 'shortName', 'Tên viết tắt', 100);
  if (patch.address !== undefined) next.address = optionalText(patch.address, 'address', 'Địa chỉ', 500);
  if (patch.phone !== undefined) {
    next.phone = optionalText(patch.phone, 'phone', 'Số điện thoại', 20);
    if (next.phone !== null && !PHONE_RE.test(next.phone)) {
      throw invalid('INVALID_PHONE', `Số điện thoại "${next.phone}" không hợp lệ: chỉ gồm chữ số (6–20 ký tự), có thể có +, dấu cách, chấm, gạch ngang.`, { field: 'phone' });
    }
  }
  if (patch.email !== undefined) {
    next.email = optionalText(patch.email, 'email', 'Thư điện tử', 200);
    if (next.email !== null && !EMAIL_RE.test(next.email)) {
      throw invalid('INVALID_EMAIL', `Địa chỉ thư điện tử "${next.email}" không hợp lệ.`, { field: 'email' });
    }
  }
  if (patch.latitude !== undefined) next.latitude = patch.latitude;
  if (patch.longitude !== undefined) next.longitude = patch.longitude;
  checkPosition(next.latitude, next.longitude);
  if (patch.agencyIdentifier !== undefined) {
    const id = patch.agencyIdentifier?.trim().toUpperCase() ?? '';
    if (id !== '') {
      const problem = agencyIdentifierProblem(id);
      if (problem) throw problem;
    }
    next.agencyIdentifier = id === '' ? null : id;
  }
  if (patch.displayScreens !== undefined) next.displayScreens = checkScreens(patch.displayScreens);
  return next;
}

function checkPosition(latitude: number | null, longitude: number | null): void {
  if ((latitude === null) !== (longitude === null)) {
    throw invalid('INCOMPLETE_POSITION', 'Vị trí bản đồ cần cả vĩ độ và kinh độ (hoặc bỏ trống cả hai).', { field: latitude === null ? 'latitude' : 'longitude' });
  }
  if (latitude !== null && !(Number.isFinite(latitude) && latitude >= -90 && latitude <= 90)) {
    throw invalid('LATITUDE_OUT_OF_RANGE', `Vĩ độ ${latitude} nằm ngoài khoảng −90 đến 90.`, { field: 'latitude' });
  }
  if (longitude !== null && !(Number.isFinite(longitude) && longitude >= -180 && longitude <= 180)) {
    throw invalid('LONGITUDE_OUT_OF_RANGE', `Kinh độ ${longitude} nằm ngoài khoảng −180 đến 180.`, { field: 'longitude' });
  }
}

function checkScreens(screens: readonly DisplayScreen[]): DisplayScreen[] {
  if (screens.length > 50) throw invalid('TOO_MANY_SCREENS', 'Một đơn vị có tối đa 50 màn hình hiển thị.', { field: 'displayScreens' });
  const seen = new Set<string>();
  return screens.map((screen, i) => {
    const code = screen.code.trim();
    const name = screen.name.trim();
    if (!SCREEN_CODE_RE.test(code)) {
      throw invalid('INVALID_SCREEN_CODE', `Màn hình thứ ${i + 1}: mã "${code}" chỉ gồm 1–20 chữ cái không dấu, chữ số, gạch ngang hoặc gạch dưới.`, { field: `displayScreens[${i}].code` });
    }
    if (seen.has(code.toUpperCase())) throw invalid('DUPLICATE_SCREEN_CODE', `Mã màn hình "${code}" bị trùng.`, { field: `displayScreens[${i}].code` });
    seen.add(code.toUpperCase());
    if (name === '' || name.length > 200) throw invalid('INVALID_SCREEN_NAME', `Màn hình "${code}" cần một tên (tối đa 200 ký tự).`, { field: `displayScreens[${i}].name` });
    return { code, name };
  });
}

/** The fields that differ, as before → after (what the audit log records). */
export function profileChanges(before: UnitProfile, after: UnitProfile): { before: Partial<UnitProfile>; after: Partial<UnitProfile> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof UnitProfile>) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b as Partial<UnitProfile>, after: a as Partial<UnitProfile> };
}
