// Queue endpoints: service groups, tickets, counters and their actions, display snapshot and live feed.
import { api, API_BASE } from './client.ts';

export interface ServiceGroup { code: string; name: string; prefix: string }
export interface Ticket {
  id: string; number: string; serviceGroup: string; serviceGroupName: string; unitCode: string; unitName: string;
  priority: string; priorityLabel: string; issuedAt: string; waitingAhead: number; estimatedWaitMinutes: number | null; statusPath: string;
}
export interface CalledTicket {
  id: string; number: string; serviceGroup: string; priority: string; status: string; counterCode: string | null;
  issuedAt: string; calledAt: string | null; callCount: number; waitedSeconds: number | null;
}
export interface CounterSummary { code: string; name: string; serviceGroups: string[]; officer: string | null }
export interface CounterState {
  unitCode: string; unitName: string;
  counter: CounterSummary;
  current: CalledTicket[]; parked: CalledTicket[];
  waiting: Array<{ serviceGroup: string; name: string; waiting: number }>;
  groups: Array<{ code: string; name: string }>;
  counters: Array<{ code: string; name: string; serviceGroups: string[] }>;
}
export interface DisplaySnapshot {
  unitCode: string; unitName: string; at: string;
  called: Array<{ ticketId: string; number: string; serviceGroup: string; counterCode: string; counterName: string; calledAt: string; status: string }>;
  waiting: Array<{ code: string; name: string; waiting: number }>;
}
export interface PublicTicket {
  id: string; number: string; unitCode: string; unitName: string; serviceGroup: string; serviceGroupName: string; status: string; statusLabel: string;
  issuedAt: string; waitingAhead: number | null; estimatedWaitMinutes: number | null; counterCode: string | null; counterName: string | null; today: boolean;
}
export interface LiveEvent { id: number; unitCode: string; type: string; ticketId: string; number: string; counterCode: string | null; counterName: string | null; status: string }
export type TicketAction = 'recall' | 'start' | 'no_show' | 'transfer' | 'park' | 'resume' | 'finish';

const u = encodeURIComponent;

export const fetchServices = (unit: string, signal?: AbortSignal) => api.get<{ unitName: string; items: ServiceGroup[] }>(`/queue/${u(unit)}/services`, undefined, signal);
export const takeTicket = (unit: string, body: { serviceGroup: string; priority?: string; idempotencyKey: string }) => api.post<Ticket>(`/queue/${u(unit)}/tickets`, body);
export const fetchCounters = (unit: string, signal?: AbortSignal) => api.get<{ unitName: string; items: CounterSummary[] }>(`/queue/${u(unit)}/counters`, undefined, signal);
export const fetchCounterState = (unit: string, counter: string, signal?: AbortSignal) => api.get<CounterState>(`/queue/${u(unit)}/counters/${u(counter)}`, undefined, signal);
export const callNext = (unit: string, counter: string) => api.post<{ ticket: (CalledTicket & { counterName: string }) | null }>(`/queue/${u(unit)}/counters/${u(counter)}/call-next`);
export const signOutCounter = (unit: string, counter: string) => api.post<unknown>(`/queue/${u(unit)}/counters/${u(counter)}/sign-out`);
export const actOnTicket = (unit: string, id: string, body: { type: TicketAction; counter: string; serviceGroup?: string; targetCounter?: string }) =>
  api.post<{ ticket: CalledTicket; intakePath?: string }>(`/queue/${u(unit)}/tickets/${u(id)}/actions`, body);
export const fetchDisplay = (unit: string, signal?: AbortSignal) => api.get<DisplaySnapshot>(`/queue/${u(unit)}/display`, undefined, signal);
export const fetchPublicTicket = (id: string, signal?: AbortSignal) => api.get<PublicTicket>(`/public/queue/tickets/${u(id)}`, undefined, signal);
export const fetchReceptionUnits = (signal?: AbortSignal) =>
  Promise.all(['center', 'branch', 'reception_point'].map((type) => api.get<{ items: Array<{ code: string; name: string; type: string; parentCode: string | null; areaCode: string | null }> }>('/units', { type, limit: 1000 }, signal)))
    .then((pages) => pages.flatMap((p) => p.items));

/** The live feed of a unit (server-sent events); returns the closer. */
export function subscribeQueue(unit: string, onEvent: (event: LiveEvent) => void, onOpen?: () => void): () => void {
  const source = new EventSource(`${API_BASE}/queue/${u(unit)}/events`);
  source.addEventListener('queue', (message) => {
    try {
      onEvent(JSON.parse((message as MessageEvent<string>).data) as LiveEvent);
    } catch {
      // ignore a malformed event
    }
  });
  if (onOpen) source.addEventListener('ready', onOpen);
  return () => source.close();
}

export function newIdempotencyKey(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

export interface WherePoint {
  unitCode: string; unitName: string; type: string; open: boolean; waiting: number; estimatedWaitMinutes: number | null;
  proximity: 'same_commune' | 'same_district' | 'other_district'; distanceKm: number | null; travelMinutes: number | null; totalMinutes: number | null;
}
export interface WhereAnswer { serviceGroupName: string; distanceBasis: string; items: WherePoint[] }
export const fetchWhere = (serviceGroup: string, communeCode: string, signal?: AbortSignal) =>
  api.get<WhereAnswer>('/queue/where', { serviceGroup, communeCode, limit: 15 }, signal);

export interface SlotView { start: string; end: string; capacity: number; booked: number; available: number }
export const fetchSlots = (unit: string, serviceGroup: string, date: string, signal?: AbortSignal) =>
  api.get<{ items: SlotView[] }>(`/queue/${u(unit)}/appointment-slots`, { serviceGroup, date }, signal);
export const bookAppointment = (unit: string, body: { serviceGroup: string; slotStart: string; fullName: string; phone: string; idempotencyKey: string }) =>
  api.post<{ code: string; unitName: string; slotStart: string; slotEnd: string }>(`/queue/${u(unit)}/appointments`, body);
