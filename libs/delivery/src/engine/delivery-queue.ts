import { Queue, type JobsOptions } from 'bullmq';
import type { RedisConnection } from '@coil/platform';
import type { DeliveryRef } from './delivery.repository';

/** The delivery engine's own BullMQ queue (outbound.md: "Own BullMQ queue"). */
export const DELIVERY_QUEUE = 'coil-delivery';

export const DELIVERY_JOBS = {
  /** Send one signal to one webhook or Slack destination. */
  deliver: 'deliver',
  /** Send a Slack digest destination's pending signals of one interval in one message. */
  digest: 'digest',
  /** Reverse-sync computed traits to a Segment or HubSpot destination. */
  sync: 'sync',
  /** Enqueue every due pending delivery (the safety net for lost wake-ups). */
  sweep: 'sweep',
} as const;

export interface DigestJobData {
  readonly workspaceId: string;
  readonly destinationId: string;
  /** The interval's end, ISO; the digest's item key. */
  readonly intervalEnd: string;
}

export interface SyncJobData {
  readonly workspaceId: string;
  readonly destinationId: string;
  /** `sync:<iso time>` of the scoring run it follows; its attempts are recorded under it. */
  readonly item: string;
  readonly attempt: number;
}

const SWEEP_SCHEDULER_ID = 'delivery-sweep';
// Finished jobs are removed at once: a job id then only dedupes jobs that are still to run.
const DONE: JobsOptions = { removeOnComplete: true, removeOnFail: true };

/** Job ids carry no ':' (BullMQ reserves it); the attempt number lets a retry be a new job. */
function jobId(...parts: (string | number)[]): string {
  return parts.join('_');
}

function jobData(ref: DeliveryRef): DeliveryRef {
  return {
    workspaceId: ref.workspaceId,
    destinationId: ref.destinationId,
    signalId: ref.signalId,
    subjectKey: ref.subjectKey,
    seq: ref.seq,
  };
}

/** Adds the engine's jobs; re-adding a job that is still waiting does nothing (its id). */
export class DeliveryQueue {
  constructor(readonly queue: Queue) {}

  static open(connection: RedisConnection, prefix: string): DeliveryQueue {
    return new DeliveryQueue(new Queue(DELIVERY_QUEUE, { connection, prefix }));
  }

  /** `after` names what woke it (a lane's previous delivery), so that wake-up is not deduped away. */
  async deliver(ref: DeliveryRef, attempts: number, delayMs = 0, after = ''): Promise<void> {
    await this.queue.add(DELIVERY_JOBS.deliver, jobData(ref), {
      ...DONE,
      jobId: jobId('deliver', ref.workspaceId, ref.destinationId, ref.signalId, attempts, after),
      delay: delayMs,
    });
  }

  async deliverAll(refs: readonly (DeliveryRef & { attempts: number })[]): Promise<void> {
    if (refs.length === 0) return;
    await this.queue.addBulk(
      refs.map(({ attempts, ...ref }) => ({
        name: DELIVERY_JOBS.deliver,
        data: jobData(ref),
        opts: { ...DONE, jobId: jobId('deliver', ref.workspaceId, ref.destinationId, ref.signalId, attempts, '') },
      })),
    );
  }

  /** One digest per destination and interval, run when the interval ends (or after `delayMs`, a retry). */
  async digest(data: DigestJobData, delayMs: number, attempt = 0): Promise<void> {
    await this.queue.add(DELIVERY_JOBS.digest, data, {
      ...DONE,
      jobId: jobId('digest', data.workspaceId, data.destinationId, Date.parse(data.intervalEnd), attempt),
      delay: Math.max(0, delayMs),
    });
  }

  /**
   * Syncs of one destination run one at a time: one asked for while another runs waits for it
   * (keepLastIfActive); one asked for while another waits is dropped, as that one sends the
   * latest traits anyway. A retry is asked for from within the running sync, so it runs next.
   */
  async sync(data: SyncJobData, delayMs = 0): Promise<void> {
    await this.queue.add(DELIVERY_JOBS.sync, data, {
      ...DONE,
      delay: delayMs,
      deduplication: { id: jobId('sync', data.workspaceId, data.destinationId), keepLastIfActive: true },
    });
  }

  /** Idempotent: every worker calls it; BullMQ keeps one scheduler, so one sweep runs at a time. */
  async scheduleSweep(everyMs: number): Promise<void> {
    await this.queue.upsertJobScheduler(SWEEP_SCHEDULER_ID, { every: everyMs }, { name: DELIVERY_JOBS.sweep, data: {}, opts: DONE });
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
