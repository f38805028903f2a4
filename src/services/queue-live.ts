// The live feed of a unit's queue (display screens, counter consoles): an in-process emitter fed right
// after each command commits, plus — on a PostgreSQL server — NOTIFY/LISTEN so that a display connected
// to one instance hears the calls made on another. Events carry the id of their history row, so one
// heard both ways is delivered once.
import { EventEmitter } from 'node:events';
import type { Db } from '../store/database.ts';
import { listenQueue, notifyQueue, type QueueListener } from '../store/queue-notify.ts';
import type { ServiceContext } from './context.ts';

export interface QueueLiveEvent {
  /** Id of the ticket event (history row). */
  id: number;
  unitCode: string;
  type: string;
  ticketId: string;
  number: string;
  serviceGroup: string;
  counterCode: string | null;
  counterName: string | null;
  status: string;
  at: string;
}

type Listener = (event: QueueLiveEvent) => void;

const SEEN_LIMIT = 2000;

export class QueueBus {
  private readonly emitter = new EventEmitter();
  private readonly seen = new Set<number>();
  private listener: Promise<QueueListener> | undefined;

  constructor(private readonly databaseUrl: string | undefined) {
    this.emitter.setMaxListeners(0);
  }

  /** Delivers an event to this instance's subscribers, once. */
  deliver(event: QueueLiveEvent): void {
    if (this.seen.has(event.id)) return;
    this.seen.add(event.id);
    if (this.seen.size > SEEN_LIMIT) this.seen.delete(this.seen.values().next().value as number);
    this.emitter.emit(event.unitCode, event);
  }

  subscribe(unitCode: string, listener: Listener): () => void {
    this.ensureListening();
    this.emitter.on(unitCode, listener);
    return () => this.emitter.off(unitCode, listener);
  }

  /** Resolves once this instance hears other instances (immediately on PGlite). */
  async ready(): Promise<void> {
    this.ensureListening();
    await this.listener;
  }

  async close(): Promise<void> {
    const listener = this.listener;
    this.listener = undefined;
    await (await listener)?.close();
  }

  private ensureListening(): void {
    if (!this.databaseUrl || this.listener) return;
    this.listener = listenQueue(this.databaseUrl, (payload) => {
      if (isLiveEvent(payload)) this.deliver(payload);
    });
    this.listener.catch(() => {
      this.listener = undefined; // next subscriber tries again
    });
  }
}

function isLiveEvent(value: unknown): value is QueueLiveEvent {
  return typeof value === 'object' && value !== null && typeof (value as QueueLiveEvent).id === 'number' && typeof (value as QueueLiveEvent).unitCode === 'string';
}

const buses = new WeakMap<Db, QueueBus>();

/** The bus of this server (one per database handle). */
export function queueBus(ctx: ServiceContext): QueueBus {
  let bus = buses.get(ctx.db);
  if (!bus) {
    bus = new QueueBus(ctx.settings.databaseUrl ? ctx.settings.listenDatabaseUrl : undefined);
    buses.set(ctx.db, bus);
  }
  return bus;
}

/** Inside the command's transaction: tell the other instances (delivered on commit). */
export async function announce(trx: Db, events: readonly QueueLiveEvent[]): Promise<void> {
  for (const event of events) await notifyQueue(trx, event);
}

/** After the commit: tell this instance. */
export function deliverLocally(ctx: ServiceContext, events: readonly QueueLiveEvent[]): void {
  const bus = queueBus(ctx);
  for (const event of events) bus.deliver(event);
}
