// Administration of places: unit profiles and office hours, and a reception unit's queue settings.
import { api } from './client.ts';

export interface Period { start: string; end: string }
export interface OfficeHours { workingPeriods: Period[]; saturdayReception: { enabled: boolean; periods: Period[] } }
export interface DisplayScreen { code: string; name: string }

export interface AdminUnit {
  code: string;
  type: 'center' | 'branch' | 'reception_point' | 'agency';
  parentCode: string | null;
  areaCode: string | null;
  agencyLevel: string | null;
  name: string;
  shortName: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  latitude: number | null;
  longitude: number | null;
  agencyIdentifier: string | null;
  effectiveAgencyIdentifier: string | null;
  displayScreens: DisplayScreen[];
  officeHours: OfficeHours;
  ownOfficeHours: boolean;
}

export type UnitPatch = Partial<Omit<AdminUnit, 'code' | 'type' | 'parentCode' | 'areaCode' | 'agencyLevel' | 'effectiveAgencyIdentifier' | 'ownOfficeHours'>>;

export interface ServiceGroupSetting { code: string; name: string; prefix: string; sortOrder: number; slotMinutes: number; slotCapacity: number; active: boolean }
export interface CounterSetting { code: string; name: string; serviceGroups: string[]; active: boolean; officerUsername: string | null }
export interface QueueSettings {
  unitCode: string;
  unitName: string;
  serviceGroups: ServiceGroupSetting[];
  counters: CounterSetting[];
  priority: { headStartMinutes: Record<string, number>; maxConsecutivePriority: number; custom: boolean; labels: Record<string, string> };
}

const u = encodeURIComponent;

export const placesApi = {
  units: (signal?: AbortSignal) => api.get<{ items: AdminUnit[] }>('/admin/units', undefined, signal),
  updateUnit: (code: string, patch: UnitPatch) => api.patch<AdminUnit>(`/admin/units/${u(code)}`, patch),
  queue: (unitCode: string, signal?: AbortSignal) => api.get<QueueSettings>(`/admin/queues/${u(unitCode)}`, undefined, signal),
  createGroup: (unitCode: string, body: Partial<ServiceGroupSetting> & { code: string }) => api.post<QueueSettings>(`/admin/queues/${u(unitCode)}/service-groups`, body),
  updateGroup: (unitCode: string, code: string, body: Partial<Omit<ServiceGroupSetting, 'code'>>) =>
    api.patch<QueueSettings>(`/admin/queues/${u(unitCode)}/service-groups/${u(code)}`, body),
  createCounter: (unitCode: string, body: { code: string; name: string; serviceGroups: string[] }) => api.post<QueueSettings>(`/admin/queues/${u(unitCode)}/counters`, body),
  updateCounter: (unitCode: string, code: string, body: Partial<Omit<CounterSetting, 'code' | 'officerUsername'>>) =>
    api.patch<QueueSettings>(`/admin/queues/${u(unitCode)}/counters/${u(code)}`, body),
  setPriority: (unitCode: string, body: { headStartMinutes: Record<string, number>; maxConsecutivePriority: number }) =>
    api.put<QueueSettings>(`/admin/queues/${u(unitCode)}/priority-policy`, body),
};

/** "07:30-11:30, 13:00-17:00" ↔ periods; a malformed piece goes to the server as is, which names it. */
export function parsePeriods(text: string): Period[] {
  return text.split(/[,;]/).map((p) => p.trim()).filter((p) => p !== '').map((p) => {
    const [start = '', end = ''] = p.split(/\s*[-–]\s*/);
    return { start, end };
  });
}
export const formatPeriods = (periods: readonly Period[]) => periods.map((p) => `${p.start}-${p.end}`).join(', ');
