import { Analytics } from '@segment/analytics-node';
import type { SendResult } from '../../contracts/send-result';
import type { AccountTraitChange, PushOutcome, TraitSink, UserTraitChange } from '../../trait-sync/trait-sink';
import { describeNetworkError, refusedResult, unreachableResult } from '../http-outcome';

/** Events per request: well under both Segment's and Coil's ingest limits (500 KB a batch). */
const EVENTS_PER_BATCH = 100;

export interface SegmentSource {
  readonly writeKey: string;
  /** Segment's API, or any receiver of its HTTP API (`/v1/batch` is appended). */
  readonly host: string;
  readonly timeoutMs: number;
}

type Done = (error?: unknown) => void;

/**
 * Sends computed traits into a Segment source: `identify` per user (userId = external id),
 * `group` per account (groupId = tracking id). A group call must name a user: it names one
 * identified member of the account (the same one every time), else an anonymousId derived from
 * the tracking id, so a Segment destination never sees an invented user id.
 *
 * How the library reports a failure (read from its publisher): it retries inside itself and then
 * fails each event of the batch, calling the event's callback with the reason and emitting
 * 'error'; the status and headers of each answer come in 'http_response'. So its retries are off
 * (maxRetries 0, and maxRateLimitDuration 0 so a 429 with Retry-After fails at once instead of
 * sleeping up to 300 s), each event's callback decides whether its subject was accepted, and the
 * last refused answer gives the status and Retry-After the engine schedules by.
 */
export class SegmentSink implements TraitSink {
  private readonly analytics: Analytics;
  private lastStatus: number | undefined;
  private lastRefusal: { status: number; retryAfter: string | undefined } | undefined;

  constructor(
    private readonly source: SegmentSource,
    private readonly now: Date,
  ) {
    this.analytics = new Analytics({
      writeKey: source.writeKey,
      host: source.host,
      maxRetries: 0,
      maxRateLimitDuration: 0,
      httpRequestTimeout: source.timeoutMs,
      flushAt: EVENTS_PER_BATCH,
    });
    this.analytics.on('http_response', (response) => {
      this.lastStatus = response.status;
      if (response.status >= 400) this.lastRefusal = { status: response.status, retryAfter: response.headers['retry-after'] };
    });
  }

  accounts(changes: readonly AccountTraitChange[]): Promise<PushOutcome> {
    return this.push(changes, (change, done) =>
      this.analytics.group(
        {
          groupId: change.trackingId,
          ...(change.memberExternalId === null
            ? { anonymousId: `coil-account:${change.trackingId}` }
            : { userId: change.memberExternalId }),
          traits: change.traits,
          timestamp: this.now,
        },
        done,
      ),
    );
  }

  readonly users = (changes: readonly UserTraitChange[]): Promise<PushOutcome> =>
    this.push(changes, (change, done) =>
      this.analytics.identify({ userId: change.externalId, traits: change.traits, timestamp: this.now }, done),
    );

  async close(): Promise<void> {
    await this.analytics.closeAndFlush({ timeout: this.source.timeoutMs });
  }

  private async push<C extends { id: string }>(changes: readonly C[], call: (change: C, done: Done) => void): Promise<PushOutcome> {
    this.lastRefusal = undefined;
    const errors = changes.map((change) => new Promise<unknown>((resolve) => call(change, (error) => resolve(error))));
    await this.analytics.flush();
    const reasons = await Promise.all(errors);
    const failed = reasons.find((reason) => reason !== undefined);
    return {
      accepted: changes.filter((_, index) => reasons[index] === undefined).map((change) => change.id),
      unmatched: 0,
      rejected: 0,
      ...(this.lastStatus === undefined ? {} : { statusCode: this.lastStatus }),
      ...(failed === undefined ? {} : { failure: this.failure(failed) }),
    };
  }

  private failure(reason: unknown): SendResult {
    if (this.lastRefusal !== undefined) return refusedResult(this.lastRefusal.status, this.lastRefusal.retryAfter, '');
    return unreachableResult(describeNetworkError(reason));
  }
}
