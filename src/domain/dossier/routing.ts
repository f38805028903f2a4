// Where a dossier goes and where it may be filed.
// - The competent agency (cơ quan có thẩm quyền) follows from the procedure's level and the applicant's
//   (or, for land and buildings, the property's) commune — never from the counter that received it.
// - A procedure off the location-free list (phi địa giới hành chính), or marked "file in its own area",
//   may only be received by the one-stop units of the applicant's area.
import { invalid, type AppError } from '../errors.ts';
import type { AgencyLevel } from '../network/unit.ts';
import { fail, ok, type Result } from '../sla/result.ts';
import { formatInstantVN } from '../time/instant.ts';
import { dateVN, orList } from './vn-text.ts';
import { districtOfCommune, everServed, unitAt, validUnits, type NetworkUnit } from './network-lookup.ts';

export const DEFAULT_COMMUNE_FIELD = 'applicant.address.communeCode';
const COMMUNE_CODE_RE = /^\d{5}$/;

export interface RoutingRequest {
  level: AgencyLevel;
  communeCode: string;
  /** The field errors name: the applicant's commune or the property's. */
  communeField?: string;
  /** Province level: the unit code of the department the procedure names; absent → the province's
   * People's Committee. */
  departmentCode?: string | null;
  at: number;
}

const sortByCode = <U extends NetworkUnit>(units: U[]) => units.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

function unknownCommune(network: readonly NetworkUnit[], communeCode: string, field: string, at: number): AppError {
  if (!COMMUNE_CODE_RE.test(communeCode)) {
    return invalid('UNKNOWN_COMMUNE', `Trường "${field}": mã xã, phường phải gồm 5 chữ số theo danh mục hành chính.`, { field, value: communeCode });
  }
  const closed = everServed(network, communeCode);
  return invalid(
    'UNKNOWN_COMMUNE',
    closed
      ? `Trường "${field}": xã, phường mã ${communeCode} không còn cơ quan giải quyết hiệu lực vào ngày ${dateVN(at)} (đơn vị đã được sắp xếp lại).`
      : `Trường "${field}": không có xã, phường mã ${communeCode} trong mạng lưới của tỉnh.`,
    { field, value: communeCode, reason: closed ? 'not_valid_at' : 'unknown', at: formatInstantVN(at) },
  );
}

function noAgency(message: string, details: Record<string, unknown>): AppError {
  return invalid('NO_COMPETENT_AGENCY', message, details);
}

/** The competent agency valid at `request.at`, or an `invalid` error naming the field at fault. */
export function competentAgency<U extends NetworkUnit>(network: readonly U[], request: RoutingRequest): Result<U> {
  const field = request.communeField ?? DEFAULT_COMMUNE_FIELD;
  const { at, communeCode } = request;
  const agencies = validUnits(network, at).filter((u) => u.type === 'agency');

  if (request.level === 'province') {
    const department = request.departmentCode ?? null;
    if (department !== null) {
      const unit = unitAt(network, department, at);
      if (unit?.type === 'agency') return ok(unit);
      return fail(noAgency(`Cơ quan giải quyết ${department} của thủ tục không có hoặc không còn hiệu lực vào ngày ${dateVN(at)}.`, {
        field: 'procedure.departmentCode', value: department, at: formatInstantVN(at),
      }));
    }
    const committee = sortByCode(agencies.filter((u) => u.agencyLevel === 'province' && u.parentCode === null))[0];
    return committee ? ok(committee) : fail(noAgency('Không xác định được Ủy ban nhân dân tỉnh trong mạng lưới.', { field: 'procedure.level' }));
  }

  const commune = sortByCode(agencies.filter((u) => u.agencyLevel === 'commune' && u.areaCode === communeCode))[0];
  if (request.level === 'commune') return commune ? ok(commune) : fail(unknownCommune(network, communeCode, field, at));

  const district = districtOfCommune(network, communeCode, at);
  if (district === null) {
    if (!commune) return fail(unknownCommune(network, communeCode, field, at));
    return fail(noAgency(`Thủ tục cấp huyện: xã, phường mã ${communeCode} không thuộc huyện nào vào ngày ${dateVN(at)}.`, {
      field, value: communeCode, at: formatInstantVN(at),
    }));
  }
  const committee = sortByCode(agencies.filter((u) => u.agencyLevel === 'district' && u.areaCode === district))[0];
  return committee
    ? ok(committee)
    : fail(noAgency(`Không có Ủy ban nhân dân cấp huyện (mã ${district}) hiệu lực vào ngày ${dateVN(at)}.`, {
        field, value: communeCode, district, at: formatInstantVN(at),
      }));
}

// ── Where a procedure may be filed ─────────────────────────────────────────────────────────────────

/**
 * The one-stop units of the applicant's area, by the procedure's level: commune → the commune's
 * Reception Point and its district's Branch; district → the district's Branch; province → the Center.
 */
export function ownAreaReceivers<U extends NetworkUnit>(network: readonly U[], level: AgencyLevel, communeCode: string, at: number): U[] {
  const valid = validUnits(network, at);
  if (level === 'province') return sortByCode(valid.filter((u) => u.type === 'center'));
  const district = districtOfCommune(network, communeCode, at);
  const branches = valid.filter((u) => u.type === 'branch' && district !== null && u.areaCode === district);
  if (level === 'district') return sortByCode(branches);
  return [...sortByCode(valid.filter((u) => u.type === 'reception_point' && u.areaCode === communeCode)), ...sortByCode(branches)];
}

export interface FilingPlaceRequest {
  level: AgencyLevel;
  /** On the province's location-free list at `at` (catalog `isLocationFreeAt`). */
  locationFree: boolean;
  /** Marked "must be filed in its own area" even where the list would allow anywhere. */
  mustFileInOwnArea: boolean;
  receivingUnitCode: string;
  communeCode: string;
  communeField?: string;
  at: number;
}

export type FilingPlace = { anywhere: true } | { anywhere: false; ownArea: string[] };

/** Whether the receiving unit may take this procedure for this applicant; the refusal names where to go. */
export function checkFilingPlace(network: readonly NetworkUnit[], request: FilingPlaceRequest): Result<FilingPlace> {
  if (request.locationFree && !request.mustFileInOwnArea) return ok({ anywhere: true });
  const field = request.communeField ?? DEFAULT_COMMUNE_FIELD;
  const receivers = ownAreaReceivers(network, request.level, request.communeCode, request.at);
  if (receivers.length === 0) {
    // No counter serves that area: the commune itself is unknown or gone.
    return fail(unknownCommune(network, request.communeCode, field, request.at));
  }
  const ownArea = receivers.map((u) => u.code);
  if (ownArea.includes(request.receivingUnitCode)) return ok({ anywhere: false, ownArea });
  const why = request.mustFileInOwnArea
    ? 'Thủ tục này phải nộp tại địa bàn của người nộp hồ sơ'
    : `Thủ tục này không thuộc danh mục tiếp nhận phi địa giới hành chính vào ngày ${dateVN(request.at)}`;
  return fail(
    invalid('NOT_LOCATION_FREE', `${why}: chỉ tiếp nhận tại ${orList(receivers.map((u) => u.name))}.`, {
      field: 'procedureCode',
      reason: request.mustFileInOwnArea ? 'own_area_only' : 'not_location_free',
      receivingUnitCode: request.receivingUnitCode,
      allowedUnitCodes: ownArea,
      at: formatInstantVN(request.at),
    }),
  );
}
