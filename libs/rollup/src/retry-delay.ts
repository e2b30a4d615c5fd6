const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/**
 * Wait before the next attempt of a job that failed for a transient reason (Postgres down, a
 * deadlock): doubling from 0.5 s, capped at 30 s so a recovered database is noticed quickly.
 */
export function retryDelayMs(attempt: number): number {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempt - 1));
}
