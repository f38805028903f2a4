// The facts a dossier's clock is derived from; stored append-only with the dossier's actions.
import type { WorkingDuration } from '../calendar/index.ts';

export type PauseReason = 'supplement' | 'fee' | 'consultation' | 'citizen_request';

/** Gia hạn (with the apology, Mẫu 04): more time, a new total time limit, or a new promised instant. */
export type Extension =
  | { kind: 'added'; duration: WorkingDuration }
  | { kind: 'newTimeLimit'; duration: WorkingDuration }
  | { kind: 'newDueAt'; dueAt: number };

export type ClockEvent =
  | { type: 'received'; at: number }
  | { type: 'paused'; at: number; reason: Exclude<PauseReason, 'supplement'> }
  | { type: 'resumed'; at: number }
  | { type: 'supplement_requested'; at: number }
  | { type: 'supplement_received'; at: number }
  | { type: 'extension_granted'; at: number; extension: Extension }
  | { type: 'finished'; at: number };
