import { CoilError, type IngestEvent } from '@coil/domain';
import { withTimeout } from '@coil/platform';
import type { BatchWriter } from './queue-writer';

export interface BatcherOptions {
  /** Flush as soon as this many events wait, whatever the delay. */
  maxEvents: number;
  /** 0: flush once the current turn of the event loop is done (no added latency when idle). */
  maxDelayMs: number;
  /** A write that takes longer fails its requests with 503 rather than hanging them. */
  writeTimeoutMs: number;
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Pending {
  events: IngestEvent[];
  waiters: Waiter[];
}

/**
 * Gathers the events of concurrent requests into one BullMQ job per workspace and one Redis
 * round trip per flush: a round trip per event could not reach the throughput targets.
 * A request's promise settles only after Redis acknowledged the job holding its events.
 */
export class EventBatcher {
  private pending = new Map<string, Pending>();
  private pendingEvents = 0;
  private scheduled = false;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly writer: BatchWriter,
    private readonly options: BatcherOptions,
  ) {}

  enqueue(workspaceId: string, events: IngestEvent[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const entry = this.pending.get(workspaceId) ?? { events: [], waiters: [] };
      this.pending.set(workspaceId, entry);
      for (const event of events) entry.events.push(event);
      entry.waiters.push({ resolve, reject });
      this.pendingEvents += events.length;
      if (this.pendingEvents >= this.options.maxEvents) this.flush();
      else this.schedule();
    });
  }

  /** Flushes what waits and resolves once every write under way has settled. */
  async drain(): Promise<void> {
    this.flush();
    await Promise.allSettled([...this.inFlight]);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    if (this.options.maxDelayMs > 0) setTimeout(() => this.flush(), this.options.maxDelayMs);
    else setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    if (this.pending.size === 0) return;
    const taken = this.pending;
    this.pending = new Map();
    this.pendingEvents = 0;
    const waiters = [...taken.values()].flatMap((entry) => entry.waiters);
    const batches = [...taken].map(([workspaceId, entry]) => ({ workspaceId, events: entry.events }));
    const write = withTimeout(this.writer.write(batches), this.options.writeTimeoutMs, 'queue write').then(
      () => waiters.forEach((waiter) => waiter.resolve()),
      (error: unknown) => waiters.forEach((waiter) => waiter.reject(toUnavailable(error))),
    );
    this.inFlight.add(write);
    void write.finally(() => this.inFlight.delete(write));
  }
}

function toUnavailable(error: unknown): CoilError {
  const reason = error instanceof Error ? error.message : String(error);
  return new CoilError('service_unavailable', 'queue_unavailable', 'The event queue is unavailable; retry later', {
    reason,
  });
}
