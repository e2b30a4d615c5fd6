import { addUtcDays, utcDay } from '../time/utc-day';

/** Days of account, user and workspace score rows kept; older rows are deleted by the scoring run. */
export const HISTORY_RETENTION_DAYS = 400;

/**
 * Stored periods that may serve as "one time frame ago" for engagement_score_change on `today`:
 * after `after` and up to `through`, both UTC days. The latest stored row in that range wins, so a
 * skipped day (no run) still finds the row before it, and a new install has a change one frame
 * after its first run.
 */
export interface ChangeBaseline {
  /** Exclusive: today - 2 * windowDays. */
  readonly after: Date;
  /** Inclusive: today - windowDays. */
  readonly through: Date;
}

export function changeBaseline(now: Date, windowDays: number): ChangeBaseline {
  const today = utcDay(now);
  return { after: addUtcDays(today, -2 * windowDays), through: addUtcDays(today, -windowDays) };
}

/** Rows with a period before this day are older than HISTORY_RETENTION_DAYS at `now`. */
export function historyCutoff(now: Date): Date {
  return addUtcDays(utcDay(now), -HISTORY_RETENTION_DAYS);
}
