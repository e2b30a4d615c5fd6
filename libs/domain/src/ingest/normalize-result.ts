import type { ErrorCode } from '../errors';
import type { IngestEvent } from '../ingest-event';

export interface NormalizeContext {
  receivedAt: Date;
  /** Makes a messageId for events that arrive without one (called only when needed). */
  newMessageId: () => string;
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
