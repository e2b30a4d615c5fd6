import type { SendResult } from '../contracts/send-result';

/** Jitter spreads the retries of a receiver that failed for many deliveries at once. */
const JITTER = 0.2;
const EXCERPT_CHARS = 500;

/**
 * What an HTTP status means for a delivery: 2xx delivered; 408, 429 and 5xx are worth another
 * try; any other 4xx is the receiver refusing this payload, so retrying cannot help (permanent).
 */
export function outcomeOfStatus(status: number): SendResult['outcome'] {
  if (status >= 200 && status < 300) return 'delivered';
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return 'failed';
  return 'retry';
}

/** `Retry-After` as seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | undefined {
  if (header === null || header === undefined || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** The first 500 characters of a response body, as attempts record it. */
export function responseExcerpt(body: string): string {
  return body.slice(0, EXCERPT_CHARS);
}

export type RetryDecision = { readonly retry: true; readonly delayMs: number } | { readonly retry: false };

/**
 * After the `attempt`-th try (1-based) came back `retry`: wait the schedule's entry for it, within
 * ±20 % jitter, or the receiver's Retry-After when it gave one; once every entry is used, give up.
 * `random` is Math.random in production, fixed in specs.
 */
export function nextRetry(
  schedule: readonly number[],
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number,
): RetryDecision {
  if (attempt > schedule.length) return { retry: false };
  if (retryAfterMs !== undefined) return { retry: true, delayMs: retryAfterMs };
  const base = schedule[attempt - 1];
  return { retry: true, delayMs: Math.round(base * (1 - JITTER + 2 * JITTER * random())) };
}
