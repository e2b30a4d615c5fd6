import { CoilError } from '../errors';

/** The ingest limits (docs/ingest.md, "Answers"); the normalisers enforce all but the body's. */
export const MAX_BATCH_EVENTS = 2_500;
/** A request body, decoded: enforced by the HTTP layer, which sees the raw bytes. */
export const MAX_BODY_BYTES = 500 * 1024;
/** One event's JSON, as received, in UTF-8 bytes. */
export const MAX_EVENT_BYTES = 32 * 1024;
/** userId, anonymousId, groupId, previousId, messageId, insert_id. */
export const MAX_ID_LENGTH = 255;
export const MAX_EVENT_NAME_LENGTH = 200;
/** Page/screen names leave room for the `Viewed … Screen` wrapper within MAX_EVENT_NAME_LENGTH. */
export const MAX_PAGE_NAME_LENGTH = MAX_EVENT_NAME_LENGTH - 'Viewed  Screen'.length;
export const MAX_TRAIT_KEYS = 100;
export const MAX_TRAIT_KEY_LENGTH = 255;
/** Amplitude `groups` entries and Accoil `groupTraits` entries per event. */
export const MAX_GROUPS_PER_EVENT = 100;
/** Timestamps later than receivedAt + this, after clock-skew correction, are clamped. */
export const MAX_FUTURE_SKEW_MS = 24 * 60 * 60 * 1000;
/** The ECMAScript Date range; ms timestamps outside it cannot be represented. */
export const MAX_EPOCH_MS = 8.64e15;

/** The one answer to an event over MAX_EVENT_BYTES, whether it came alone or in a batch. */
export function eventTooLarge(): CoilError {
  return new CoilError('payload_too_large', 'payload_too_large', `An event may be at most ${MAX_EVENT_BYTES / 1024} KB`, {
    limit_bytes: MAX_EVENT_BYTES,
  });
}

/**
 * UTF-8 size of a value's JSON, close to what the client sent. Undefined when it cannot be
 * serialised (nesting deep enough to exhaust the stack, cycles), which callers treat as too large.
 */
export function jsonByteSize(value: unknown): number | undefined {
  try {
    const json = JSON.stringify(value);
    return json === undefined ? 0 : Buffer.byteLength(json, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Throws eventTooLarge() when one event's JSON exceeds MAX_EVENT_BYTES; a body known to be
 * within the limit (`bodyBytes`) holds no event over it, and serialising each is not free.
 */
export function assertEventSize(event: unknown, bodyBytes?: number): void {
  if (bodyBytes !== undefined && bodyBytes <= MAX_EVENT_BYTES) return;
  const size = jsonByteSize(event);
  if (size !== undefined && size <= MAX_EVENT_BYTES) return;
  throw eventTooLarge();
}
