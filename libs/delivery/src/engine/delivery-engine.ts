import type { Job } from 'bullmq';
import type { RepositoryShape } from '@coil/database';
import type { StructuredLogger } from '@coil/platform';
import type { Signal } from '@coil/signals';
import type { Destination } from '../contracts/destination';
import type { SendResult } from '../contracts/send-result';
import type { DestinationRepository } from '../destinations/destination.repository';
import { openDestination } from '../destinations/open-destination';
import type { SecretBox } from '../destinations/secret-box';
import { isSyncType, type DeliverySenders } from '../sender-registry';
import type { ClaimedDelivery, DeliveryRef, DeliveryRepository, DueDelivery } from './delivery.repository';
import { DestinationCache } from './destination-cache';
import { recordLag, recordOutcome } from './delivery-metrics';
import { DELIVERY_JOBS, type DeliveryQueue, type DigestJobData, type SyncJobData } from './delivery-queue';
import { nextRetry } from './retry-policy';

export interface EngineSettings {
  readonly retrySchedule: readonly number[];
  readonly disableAfterMs: number;
  readonly timeoutMs: number;
}

// A claim outlives the send's timeout, so only a worker that died mid-send loses its lease.
const LEASE_MARGIN_MS = 30_000;
// One dispatch enqueues at most this many lanes; the next takes the rest.
const DUE_LIMIT = 5_000;
// The sweep is the safety net for lost wake-ups: it leaves what was due only just now (likely
// queued already) to the jobs, and takes a bounded share of a backlog each time.
const SWEEP_MIN_AGE_MS = 5_000;
const SWEEP_LIMIT = 1_000;

/**
 * The delivery engine: sends what the outbox holds, in order per destination and subject,
 * records every attempt, retries on the configured schedule and disables a destination that
 * keeps failing. Every job re-reads the outbox, so a job run twice or lost changes nothing but
 * timing (the sweeper re-enqueues what is due).
 */
export class DeliveryEngine {
  constructor(
    private readonly deliveries: RepositoryShape<DeliveryRepository>,
    private readonly destinations: Pick<RepositoryShape<DestinationRepository>, 'find' | 'recordFailure' | 'syncTargets'>,
    private readonly box: SecretBox,
    private readonly queue: DeliveryQueue,
    private readonly senders: DeliverySenders,
    private readonly settings: EngineSettings,
    private readonly logger: StructuredLogger,
    private readonly random: () => number = Math.random,
  ) {
    this.cache = new DestinationCache(destinations);
  }

  private readonly cache: DestinationCache;

  /** The BullMQ processor of DELIVERY_QUEUE. */
  async process(job: Job): Promise<void> {
    switch (job.name) {
      case DELIVERY_JOBS.deliver:
        return this.deliver(job.data as DeliveryRef);
      case DELIVERY_JOBS.digest:
        return this.digest(job.data as DigestJobData);
      case DELIVERY_JOBS.sync:
        return this.sync(job.data as SyncJobData);
      case DELIVERY_JOBS.sweep:
        await this.enqueue(await this.deliveries.due(null, SWEEP_LIMIT, SWEEP_MIN_AGE_MS));
        return;
      default:
        throw new Error(`unknown delivery job "${job.name}"`);
    }
  }

  /**
   * Enqueues what is due now for one workspace (after a scoring run or roll-up stored signals;
   * the sweep does it for every workspace): each lane's oldest pending delivery, and one digest
   * per digest destination, run when its interval ends. Returns how many jobs it asked for.
   */
  async dispatch(workspaceId: string): Promise<number> {
    return this.enqueue(await this.deliveries.due(workspaceId, DUE_LIMIT));
  }

  private async enqueue(due: readonly DueDelivery[]): Promise<number> {
    const now = Date.now();
    const singles = due.filter((delivery) => delivery.digestSeconds === null);
    await this.queue.deliverAll(singles);
    for (const { workspaceId: ws, destinationId, digestSeconds } of due) {
      if (digestSeconds === null) continue;
      const intervalMs = digestSeconds * 1000;
      const end = (Math.floor(now / intervalMs) + 1) * intervalMs;
      await this.queue.digest({ workspaceId: ws, destinationId, intervalEnd: new Date(end).toISOString() }, end - now);
    }
    return due.length;
  }

  /** After a scoring run: one reverse sync per enabled Segment or HubSpot destination. */
  async requestSyncs(workspaceId: string, now: Date): Promise<void> {
    for (const destinationId of await this.destinations.syncTargets(workspaceId)) {
      await this.queue.sync({ workspaceId, destinationId, item: `sync:${now.toISOString()}`, attempt: 0 });
    }
  }

  private async deliver(ref: DeliveryRef): Promise<void> {
    const destination = await this.enabledDestination(ref.workspaceId, ref.destinationId);
    if (destination === undefined || isSyncType(destination.type) || destination.settings.digest_seconds !== undefined) return;
    const claimed = await this.deliveries.claim(ref, this.leaseMs());
    if (claimed === undefined) return;
    const attempt = claimed.attempts + 1;
    const sender = this.senders.signals[destination.type];
    const { retryInMs, next } = await this.attempt(destination, ref.signalId, attempt, [claimed], claimed.subjectKey, () =>
      sender.send(destination, [claimed.signal]),
    );
    if (retryInMs !== null) return this.queue.deliver(ref, attempt, retryInMs);
    if (next !== undefined) await this.queue.deliver(next, next.attempts, 0, ref.signalId);
  }

  /** A Slack digest: every pending signal of the destination in one message, marked together. */
  private async digest(data: DigestJobData): Promise<void> {
    const destination = await this.enabledDestination(data.workspaceId, data.destinationId);
    if (destination === undefined || destination.type !== 'slack') return;
    const claimed = await this.deliveries.claimDigest(data.workspaceId, data.destinationId, this.leaseMs());
    if (claimed.length === 0) return;
    const attempt = Math.max(...claimed.map((delivery) => delivery.attempts)) + 1;
    const signals: Signal[] = claimed.map((delivery) => delivery.signal);
    const { retryInMs } = await this.attempt(destination, `digest:${data.intervalEnd}`, attempt, claimed, null, () =>
      this.senders.signals.slack.send(destination, signals),
    );
    if (retryInMs !== null) await this.queue.digest(data, retryInMs, attempt);
  }

  private async sync(data: SyncJobData): Promise<void> {
    const destination = await this.enabledDestination(data.workspaceId, data.destinationId);
    if (destination === undefined || !isSyncType(destination.type)) return;
    const attempt = data.attempt + 1;
    const syncer = this.senders.syncers[destination.type];
    const { retryInMs } = await this.attempt(destination, data.item, attempt, [], null, () => syncer.sync(destination, new Date()));
    if (retryInMs !== null) await this.queue.sync({ ...data, attempt }, retryInMs);
  }

  private async enabledDestination(workspaceId: string, destinationId: string): Promise<Destination | undefined> {
    const record = await this.cache.find(workspaceId, destinationId);
    return record?.enabled ? openDestination(record, this.box) : undefined;
  }

  /**
   * Sends, records the attempt and its consequence for `claimed`, keeps the destination's
   * failing streak, and returns when to retry (null: delivered or given up) and, for a single
   * delivery's `lane`, the lane's next delivery once this one is done.
   */
  private async attempt(
    destination: Destination,
    item: string,
    attempt: number,
    claimed: readonly ClaimedDelivery[],
    lane: string | null,
    send: () => Promise<SendResult>,
  ): Promise<{ retryInMs: number | null; next?: DueDelivery }> {
    const started = performance.now();
    const result = await send().catch((error: unknown): SendResult => ({ outcome: 'retry', error: errorText(error) }));
    const latencyMs = Math.round(performance.now() - started);
    const decision =
      result.outcome === 'retry' ? nextRetry(this.settings.retrySchedule, attempt, result.retryAfterMs, this.random) : undefined;
    const retryInMs = decision?.retry ? decision.delayMs : null;
    const { workspaceId, id: destinationId } = destination;
    const signalIds = claimed.map((delivery) => delivery.signalId);
    const next = await this.deliveries.recordAttempt({
      workspaceId,
      destinationId,
      item,
      attempt,
      result,
      latencyMs,
      signalIds,
      seqs: claimed.map((delivery) => delivery.seq),
      retryInMs,
      lane,
    });
    recordOutcome(destination.type, retryInMs === null && result.outcome === 'retry' ? 'failed' : result.outcome);
    if (result.outcome === 'delivered')
      recordLag(
        destination.type,
        claimed.map((delivery) => delivery.signalCreatedAt),
        new Date(),
      );
    else await this.recordFailure(destination, result);
    return { retryInMs, next };
  }

  private async recordFailure(destination: Destination, result: SendResult): Promise<void> {
    const reason = `failing continuously for ${Math.round(this.settings.disableAfterMs / 1000)} s; last error: ${result.error ?? 'unknown'}`;
    const disabled = await this.destinations.recordFailure(destination.workspaceId, destination.id, this.settings.disableAfterMs, reason);
    if (disabled) {
      this.cache.forget(destination.workspaceId, destination.id);
      this.logger.warn(
        { workspaceId: destination.workspaceId, destinationId: destination.id, reason },
        'destination disabled; its signals wait',
      );
    }
  }

  private leaseMs(): number {
    return this.settings.timeoutMs + LEASE_MARGIN_MS;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
