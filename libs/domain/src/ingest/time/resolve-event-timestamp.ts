import { MAX_EPOCH_MS, MAX_FUTURE_SKEW_MS } from '../ingest-limits';
import { validationError } from '../validation/validation-error';

export interface EventTimeInput {
  /** The client's event time in epoch ms; absent means "now" (receivedAt). */
  timestampMs?: number;
  /** The client's send time (Segment `sentAt`); present means its clock may be skewed. */
  sentAtMs?: number;
  receivedAt: Date;
  /** Where to point if the time cannot be represented. */
  path: string;
}

/**
 * Segment's rule: the client clock's offset is receivedAt - sentAt, applied to the event time.
 * Whatever still lands more than a day ahead is a broken clock, so it counts as received now.
 */
export function resolveEventTimestamp(input: EventTimeInput): string {
  const receivedMs = input.receivedAt.getTime();
  if (input.timestampMs === undefined) return new Date(receivedMs).toISOString();
  const skewMs = input.sentAtMs === undefined ? 0 : receivedMs - input.sentAtMs;
  const corrected = input.timestampMs + skewMs;
  if (!Number.isFinite(corrected) || Math.abs(corrected) > MAX_EPOCH_MS) {
    throw validationError('invalid_type', `${input.path.slice(1) || 'timestamp'} is out of range`, input.path);
  }
  const clamped = corrected - receivedMs > MAX_FUTURE_SKEW_MS ? receivedMs : corrected;
  return new Date(clamped).toISOString();
}
