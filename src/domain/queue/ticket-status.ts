// A ticket's life: waiting → called → serving → finished; a called ticket may be recalled or marked a
// no-show; a called or serving ticket may be transferred (back to waiting, in another group or for one
// counter, keeping its number and history) or parked (the citizen steps aside) and later resumed.
import { conflict } from '../errors.ts';

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'parked', 'finished', 'no_show'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export type TicketCommand = 'recall' | 'start' | 'no_show' | 'transfer' | 'park' | 'resume' | 'finish';

const ALLOWED: Record<TicketCommand, { from: readonly TicketStatus[]; to: TicketStatus }> = {
  recall: { from: ['called'], to: 'called' },
  start: { from: ['called'], to: 'serving' },
  no_show: { from: ['called'], to: 'no_show' },
  transfer: { from: ['called', 'serving'], to: 'waiting' },
  park: { from: ['called', 'serving'], to: 'parked' },
  resume: { from: ['parked'], to: 'serving' },
  finish: { from: ['called', 'serving'], to: 'finished' },
};

export const STATUS_LABELS: Record<TicketStatus, string> = {
  waiting: 'Đang chờ',
  called: 'Đã gọi',
  serving: 'Đang phục vụ',
  parked: 'Tạm gác',
  finished: 'Đã xong',
  no_show: 'Vắng mặt',
};

const COMMAND_LABELS: Record<TicketCommand, string> = {
  recall: 'gọi lại', start: 'bắt đầu phục vụ', no_show: 'đánh dấu vắng mặt', transfer: 'chuyển', park: 'tạm gác', resume: 'tiếp tục', finish: 'kết thúc',
};

/** A ticket held by a counter (it shows there and call-next closes it). */
export function isAtCounter(status: TicketStatus): boolean {
  return status === 'called' || status === 'serving';
}

/** The status after `command`, or a 409 naming the current status. */
export function transition(status: TicketStatus, command: TicketCommand): TicketStatus {
  const rule = ALLOWED[command];
  if (!rule.from.includes(status)) {
    throw conflict('TICKET_STATE_CONFLICT', `Không thể ${COMMAND_LABELS[command]} số đang ở trạng thái "${STATUS_LABELS[status]}".`, { status, command });
  }
  return rule.to;
}

export function allowedCommands(status: TicketStatus): TicketCommand[] {
  return (Object.keys(ALLOWED) as TicketCommand[]).filter((c) => ALLOWED[c].from.includes(status));
}
