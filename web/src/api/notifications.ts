// Notification endpoints: the messages about one dossier (addresses masked by the server).
import { api } from './client.ts';

export type NotificationStatus = 'queued' | 'sent' | 'delivered' | 'failed';
export type NotificationChannel = 'email' | 'sms' | 'inapp';

export interface DossierNotification {
  id: number;
  channel: NotificationChannel;
  recipient: string;
  template: string;
  /** Vietnamese label of the template, from the server. */
  label: string;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
}

export function fetchDossierNotifications(code: string, signal?: AbortSignal): Promise<{ items: DossierNotification[] }> {
  return api.get<{ items: DossierNotification[] }>(`/dossiers/${encodeURIComponent(code)}/notifications`, {}, signal);
}

export interface MyAlert {
  id: number;
  template: string;
  label: string;
  /** The message's subject, rendered by the server (Vietnamese). */
  title: string;
  dossierCode: string | null;
  createdAt: string;
}

/** The signed-in officer's in-app warnings (due soon, apology reminder, overdue), newest first. */
export function fetchMyAlerts(limit: number, signal?: AbortSignal): Promise<{ items: MyAlert[] }> {
  return api.get<{ items: MyAlert[] }>('/notifications/mine', { limit }, signal);
}
