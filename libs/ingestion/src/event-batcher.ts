import { CoilError, type IngestBatch, type IngestEvent } from '@coil/domain';
import { withTimeout } from '@coil/platform';
import type { BatchWriter } from './queue-writer';

export interface BatcherOptions {
  /** Events per job at most; a flush also starts as soon as this many events wait. */
  maxEvents: number;
  /** 0: flush once the current turn of the event loop is done (no added latency when idle). */
  maxDelayMs: number;
  /** A write that takes longer fails its requests with 503 rather than hanging them. */
  writeTimeoutMs: number;
  /**
   * Queue writes under way at once. While they are, new events wait and go out together when
   * one settles (group commit): under load a job carries hundreds of events instead of the few
   * of one event-loop turn, which costs Redis and BullMQ far less per event; idle, nothing waits.
   */
  maxWritesInFlight: number;
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
 * Gathers the events of concurrent requests into BullMQ jobs per workspace, written together:
 * a round trip per event could not reach the throughput targets. A request's promise settles
 * only after Redis acknowledged the jobs holding its events.
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

  /** Writes everything that waits, whatever is under way, and resolves once every write has settled. */
  async drain(): Promise<void> {
    while (this.pending.size > 0 || this.inFlight.size > 0) {
      this.write();
      await Promise.allSettled([...this.inFlight]);
    }
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    if (this.options.maxDelayMs > 0) setTimeout(() => this.flush(), this.options.maxDelayMs);
    else setImmediate(() => this.flush());
  }

  /** Starts a write unless enough are under way; the next to settle flushes again. */
  private flush(): void {
    this.scheduled = false;
    if (this.inFlight.size < this.options.maxWritesInFlight) this.write();
  }

  private write(): void {
    if (this.pending.size === 0) return;
    const taken = this.pending;
    this.pending = new Map();
    this.pendingEvents = 0;
    // Each workspace's jobs are written on their own (pipelined on one connection) and settle
    // their own requests: a failure answers 503 only to requests whose events were not queued.
    const writes = [...taken].map(([workspaceId, entry]) =>
      withTimeout(
        this.writer.write(jobsOf(workspaceId, entry.events, this.options.maxEvents)),
        this.options.writeTimeoutMs,
        'queue write',
      ).then(
        () => entry.waiters.forEach((waiter) => waiter.resolve()),
        (error: unknown) => entry.waiters.forEach((waiter) => waiter.reject(toUnavailable(error))),
      ),
    );
    const flush = Promise.all(writes).then(() => undefined);
    this.inFlight.add(flush);
    void flush.finally(() => {
      this.inFlight.delete(flush);
      if (this.pending.size > 0) this.flush();
    });
  }
}

/** A workspace's events as jobs of at most maxEvents (one write queues them all or none). */
function jobsOf(workspaceId: string, events: IngestEvent[], maxEvents: number): IngestBatch[] {
  if (events.length <= maxEvents) return [{ workspaceId, events }];
  const jobs: IngestBatch[] = [];
  for (let start = 0; start < events.length; start += maxEvents) {
    jobs.push({ workspaceId, events: events.slice(start, start + maxEvents) });
  }
  return jobs;
}

function toUnavailable(error: unknown): CoilError {
  const reason = error instanceof Error ? error.message : String(error);
  return new CoilError('service_unavailable', 'queue_unavailable', 'The event queue is unavailable; retry later', {
    reason,
  });
}
