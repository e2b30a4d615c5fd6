import type { ErrorCode } from '../errors';
import type { IngestEvent } from '../ingest-event';

export interface NormalizeContext {
  receivedAt: Date;
  /** receivedAt as every event carries it, formatted once per request. */
  receivedAtIso: string;
  /** Makes a messageId for events that arrive without one (called only when needed). */
  newMessageId: () => string;
  /**
   * The request body's decoded size, when known: no event in it can be larger, so events are
   * measured one by one only when the body is over the per-event limit.
   */
  bodyBytes?: number;
}

/** A request's context: one instant, its messageId source and, when known, the body's size. */
export function normalizeContext(fields: Omit<NormalizeContext, 'receivedAtIso'>): NormalizeContext {
  return { ...fields, receivedAtIso: fields.receivedAt.toISOString() };
}

/** One event of a batch that was not accepted; `path` is a JSON pointer into the request body. */
export interface RejectedEvent {
  index: number;
  code: ErrorCode;
  message: string;
  path: string;
}

export interface NormalizeResult {
  events: IngestEvent[];
  rejected: RejectedEvent[];
}
