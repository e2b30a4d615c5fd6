/** Jitter spreads the retries of a receiver that failed for many deliveries at once. */
const JITTER = 0.2;

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
