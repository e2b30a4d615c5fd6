import { randomUUID } from 'node:crypto';
import { Analytics } from '@segment/analytics-node';
import type { SendResult } from '../../contracts/send-result';
import type { AccountTraitChange, PushOutcome, TraitSink, UserTraitChange } from '../../trait-sync/trait-sink';
import { describeNetworkError, refusedResult, unreachableResult } from '../http-outcome';

/** Events per request: well under both Segment's and Coil's ingest limits (500 KB a batch). */
const EVENTS_PER_BATCH = 100;

export interface SegmentSource {
  readonly writeKey: string;
  /** Segment's API, or any receiver of its HTTP API (the library posts to its /v1/batch). */
  readonly host: string;
  readonly timeoutMs: number;
}

/**
 * Sends computed traits into a Segment source: `identify` per user (userId = external id),
 * `group` per account (groupId = tracking id). A group call must name a user: it names one
 * identified member of the account (the same one every time), else an anonymousId derived from
 * the tracking id, so a Segment destination never sees an invented user id.
 *
 * How the library reports a failure (read from its publisher): it retries inside itself, then
 * fails each event of the batch, emitting 'error' (code delivery_failure, with the event's
 * context) and calling the event's callback, which it delays by up to 300 ms, a legacy of the
 * browser library that made a page of 1,000 events cost 0.3 s. So its retries are off
 * (maxRetries 0; maxRateLimitDuration 0 so a 429 with Retry-After fails at once instead of
 * sleeping up to 300 s), each event carries a message id of ours, the emitted success ('group',
 * 'identify') or 'error' of that id decides whether its subject was accepted, and the last
 * refused answer ('http_response': status and headers) gives the status and Retry-After the
 * engine schedules by.
 */
export class SegmentSink implements TraitSink {
  private readonly analytics: Analytics;
  private lastStatus: number | undefined;
  private lastRefusal: { status: number; retryAfter: string | undefined } | undefined;
  /** What became of each event of the page in flight, by message id: undefined = delivered. */
  private readonly outcomes = new Map<string, unknown>();

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
    for (const type of ['group', 'identify'] as const)
      this.analytics.on(type, (ctx) => this.outcomes.set(ctx.event.messageId ?? '', undefined));
    this.analytics.on('error', (error) => this.outcomes.set(error.ctx?.event.messageId ?? '', error.reason ?? error.code));
  }

  accounts(changes: readonly AccountTraitChange[]): Promise<PushOutcome> {
    return this.push(changes, (change, messageId) =>
      this.analytics.group({
        messageId,
        groupId: change.trackingId,
        ...(change.memberExternalId === null ? { anonymousId: `coil-account:${change.trackingId}` } : { userId: change.memberExternalId }),
        traits: change.traits,
        timestamp: this.now,
      }),
    );
  }

  readonly users = (changes: readonly UserTraitChange[]): Promise<PushOutcome> =>
    this.push(changes, (change, messageId) =>
      this.analytics.identify({ messageId, userId: change.externalId, traits: change.traits, timestamp: this.now }),
    );

  async close(): Promise<void> {
    await this.analytics.closeAndFlush({ timeout: this.source.timeoutMs });
  }

  private async push<C extends { id: string }>(changes: readonly C[], call: (change: C, messageId: string) => void): Promise<PushOutcome> {
    this.lastRefusal = undefined;
    this.outcomes.clear();
    const messageIds = changes.map((change) => {
      const messageId = `coil-sync-${randomUUID()}`;
      call(change, messageId);
      return messageId;
    });
    // Resolves once every event is delivered or failed, after its 'group', 'identify' or 'error'.
    await this.analytics.flush();
    const reasons = messageIds.map((messageId) => (this.outcomes.has(messageId) ? this.outcomes.get(messageId) : 'no outcome reported'));
    const failed = reasons.find((reason) => reason !== undefined);
    return {
      accepted: changes.filter((_, index) => reasons[index] === undefined).map((change) => change.id),
      unmatched: [],
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
