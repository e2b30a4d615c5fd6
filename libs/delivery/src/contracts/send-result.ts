/**
 * What one attempt at a destination came to, as every adapter reports it: the engine records
 * it and decides from `outcome` whether to retry (after `retryAfterMs` when the receiver said).
 */
export interface SendResult {
  readonly outcome: 'delivered' | 'retry' | 'failed';
  /** The receiver's HTTP status; absent when none came (connection refused, timeout). */
  readonly statusCode?: number;
  /** `Retry-After` of a 429 (or 503), in ms. */
  readonly retryAfterMs?: number;
  /** The first 500 characters of the response body. */
  readonly response?: string;
  /** Why it did not deliver, without secrets. */
  readonly error?: string;
}
