// English strings of the notification lists; typed against notify.vi.ts.
import type { NotifyMessages } from './notify.vi.ts';

export const notifyEn: NotifyMessages = {
  title: 'Notifications sent',
  empty: 'No notification about this dossier yet.',
  loading: 'Loading notifications…',
  failedToLoad: 'Could not load the notifications.',
  channel: { email: 'E-mail', sms: 'SMS', inapp: 'In the app' },
  status: { queued: 'Queued', sent: 'Sent', delivered: 'Delivered', failed: 'Failed' },
  columns: { what: 'Message', channel: 'Channel', recipient: 'Recipient', status: 'Status', at: 'Time' },
  attempts: 'Attempts: {{count}}',
  error: 'Error: {{error}}',
  mineTitle: 'My alerts',
};
