export type { IngestBatch, IngestEvent, IngestEventType, Traits } from './ingest-event';
export { CoilError, type ErrorBody, type ErrorCode, type ErrorStatus } from './errors';
export {
  INGEST_ROUTES,
  ingestRouteInfo,
  isBatchRoute,
  type IngestClientFamily,
  unsupportedContentType,
  type IngestRoute,
  type IngestRouteInfo,
} from './ingest/ingest-routes';
export {
  eventTooLarge,
  MAX_BATCH_EVENTS,
  MAX_BODY_BYTES,
  MAX_EPOCH_MS,
  MAX_EVENT_BYTES,
  MAX_EVENT_NAME_LENGTH,
  MAX_FUTURE_SKEW_MS,
  MAX_GROUPS_PER_EVENT,
  MAX_ID_LENGTH,
  MAX_PAGE_NAME_LENGTH,
  MAX_TRAIT_KEY_LENGTH,
  MAX_TRAIT_KEYS,
} from './ingest/ingest-limits';
export { normalizeContext, type NormalizeContext, type NormalizeResult, type RejectedEvent } from './ingest/normalize-result';
export { normalizeRequest } from './ingest/normalize-request';
export { extractBodyKey } from './ingest/auth/extract-body-key';
export { parseAuthorizationHeader } from './ingest/auth/parse-authorization-header';
export { parseId, parseName, parseWorkspaceId } from './input';
// A seedable generator for the property and fuzz specs of every lib (a failing seed replays anywhere).
export { seededRandom, type Random } from './ingest/testing/seeded-random';
