/**
 * Per-event and per-batch limits enforced by the normalisers (ingest.md, "Limits and bad input").
 * Whole-body byte limits (500 KB) belong to the HTTP layer, which sees the raw bytes.
 */
export const MAX_BATCH_EVENTS = 2_500;
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
