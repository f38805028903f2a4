// Factories for the dossier tests (not used by product code): the scenario — a resident of Xã
// An Linh (Phú Giáo) files at Chi nhánh Dĩ An, UBND xã An Linh decides, the result returns to the
// Reception Point of An Linh.
import { readFileSync } from 'node:fs';
import { vn } from '../calendar/calendar-test-support.ts';
import { buildPilotNetwork, type AdministrativeUnit } from '../network/binh-duong-network.ts';
import type { Unit } from '../network/unit.ts';
import type { Role } from '../staff/roles.ts';
import type { ActionRequest, ActionType } from './action.ts';
import type { ActorFacts, DossierUnits } from './actor.ts';
import type { DossierFacts } from './dossier-facts.ts';

export { vn };

let network: Unit[] | undefined;
/** The Bình Dương pilot network (02/12/2024), built once per test file. */
export function pilotNetwork(): Unit[] {
  network ??= buildPilotNetwork(
    JSON.parse(readFileSync(new URL('../../../seed/binh-duong-units-2024.json', import.meta.url), 'utf8')) as AdministrativeUnit[],
  );
  return network;
}

export const UNITS: DossierUnits = { receivingUnitCode: 'CN724', competentUnitCode: 'UBX25861', returnUnitCode: 'DTN25861' };

export const actor = (username: string, unitCode: string, ...roles: Role[]): ActorFacts => ({ username, unitCode, roles });
export const ACTORS = {
  receptionAtReceiving: actor('tn.CN724', 'CN724', 'reception'),
  receptionAtReturn: actor('tn.DTN25861', 'DTN25861', 'reception'),
  receptionElsewhere: actor('tn.CN718', 'CN718', 'reception'),
  processing: actor('cv.UBX25861', 'UBX25861', 'processing'),
  otherProcessing: actor('cv2.UBX25861', 'UBX25861', 'processing'),
  leader: actor('ld.UBX25861', 'UBX25861', 'leader'),
  otherLeader: actor('ld.UBX25741', 'UBX25741', 'leader'),
  manager: actor('gd.CN724', 'CN724', 'manager'),
  admin: actor('admin', 'UBND74', 'admin'),
} satisfies Record<string, ActorFacts>;
export const ALL_ACTORS: ActorFacts[] = Object.values(ACTORS);

export const RECEIVED_AT = vn('2025-03-10 09:00');
/** supplementRequestDeadline(province calendar, 2025-03-10 09:00) = three working days later. */
export const SUPPLEMENT_DEADLINE = vn('2025-03-13 09:00');

export function dossier(overrides: Partial<DossierFacts> = {}): DossierFacts {
  return {
    ...UNITS,
    status: 'received',
    receivedAt: RECEIVED_AT,
    supplementRequestDeadline: SUPPLEMENT_DEADLINE,
    supplementRequests: 0,
    extensionGranted: false,
    dueAt: vn('2025-03-17 09:00'),
    handlerUsername: null,
    pauseReason: null,
    rejectedAtReceipt: false,
    ...overrides,
  };
}

/** A request for `type` that passes every content check for this dossier at `now`. */
export function validRequest(type: ActionType, facts: DossierFacts, now: number): ActionRequest {
  switch (type) {
    case 'transfer':
      return { type };
    case 'assign':
      return { type, assignee: ACTORS.processing };
    case 'forward':
      return { type, toStep: 'approve', direction: 'next', to: ACTORS.leader };
    case 'request_supplement':
      return { type, reason: 'Thiếu bản sao giấy khai sinh.' };
    case 'receive_supplement':
      return { type };
    case 'pause':
      return { type, reason: 'fee' };
    case 'resume':
      return { type };
    case 'extend':
      return { type, reason: 'Cần xác minh thực địa.', extension: { kind: 'added', duration: { unit: 'days', value: 2 } } };
    case 'reject':
      return { type, reason: 'Không đủ điều kiện theo quy định.' };
    case 'approve':
      return { type };
    case 'record_result':
      return { type, resultNumber: '123/QĐ-UBND', signer: 'Nguyễn Văn Bình', signedAt: Math.max(facts.receivedAt, now - 3_600_000) };
    case 'return_result':
      return { type, method: 'counter', recipientName: 'Nguyễn Văn An' };
    case 'withdraw':
      return { type, reason: 'Người nộp đề nghị rút hồ sơ.' };
  }
}
