// One progress bar for an import: the upload, then the server's phases, each a slice of the bar, so the
// bar only moves forward and reaches 100 when the report arrives.
import type { ImportEvent } from '../api/catalog-admin.ts';

export type Stage = 'upload' | 'read' | 'check' | 'write' | 'index' | 'done';

const SLICES: Record<Stage, [number, number]> = {
  upload: [0, 20], read: [20, 25], check: [25, 60], write: [60, 95], index: [95, 99], done: [100, 100],
};

export interface ProgressState {
  stage: Stage;
  percent: number;
  done: number;
  total: number;
  seen: Stage[];
}

export const START: ProgressState = { stage: 'upload', percent: 0, done: 0, total: 0, seen: ['upload'] };

export function advance(state: ProgressState, event: ImportEvent | { type: 'done' }): ProgressState {
  const stage: Stage = event.type === 'upload' ? 'upload' : event.type === 'done' ? 'done' : event.phase;
  const [from, to] = SLICES[stage];
  const done = event.type === 'upload' ? event.loaded : event.type === 'done' ? 1 : event.done;
  const total = event.type === 'upload' ? event.total : event.type === 'done' ? 1 : event.total;
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  const percent = Math.max(state.percent, Math.round(from + (to - from) * fraction));
  return { stage, percent, done, total, seen: state.seen.includes(stage) ? state.seen : [...state.seen, stage] };
}
