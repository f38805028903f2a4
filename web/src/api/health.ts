import { api } from './client.ts';

export interface Health {
  status: 'ok';
}

export function fetchHealth(signal?: AbortSignal): Promise<Health> {
  return api.get<Health>('/health', undefined, signal);
}
