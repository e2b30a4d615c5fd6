import { ScoringConfigError } from '../weights/scoring-config-error';
import { addUtcDays, utcDay } from './utc-day';

export type WindowDays = 1 | 7 | 30;
export const WINDOW_DAYS: readonly WindowDays[] = [1, 7, 30];

/** Days recent activity is judged over: total_active_people_count. */
export const ACTIVE_PEOPLE_DAYS = 90;
/** Days behind recently_scored_events. */
export const RECENT_EVENTS_DAYS = 30;

/**
 * A run of whole UTC days, both ends inclusive. `end` is also the period key under which
 * scores are stored (account_scores.period).
 */
export interface TimeFrame {
  readonly start: Date;
  readonly end: Date;
  readonly days: number;
}

/**
 * A profile's scoring frame: the `windowDays` UTC days ending with the current one, today
 * included. Scores are recomputed as events arrive, so today's activity counts at once;
 * at 00:00Z the frame moves by a day. Throws ScoringConfigError unless 1, 7 or 30.
 */
export function timeFrame(now: Date, windowDays: WindowDays): TimeFrame {
  assertWindowDays(windowDays);
  return trailingDays(now, windowDays);
}

/** Any trailing run of UTC days ending today (the 30- and 90-day metric windows). */
export function trailingDays(now: Date, days: number): TimeFrame {
  if (!Number.isInteger(days) || days < 1) {
    throw new RangeError(`a time frame needs a whole number of days >= 1, got ${days}`);
  }
  const end = utcDay(now);
  return { start: addUtcDays(end, 1 - days), end, days };
}

/** The frame of equal length just before `frame`: the "previous period" of score change. */
export function previousTimeFrame(frame: TimeFrame): TimeFrame {
  const end = addUtcDays(frame.start, -1);
  return { start: addUtcDays(end, 1 - frame.days), end, days: frame.days };
}

export function isInFrame(day: Date, frame: TimeFrame): boolean {
  const time = utcDay(day).getTime();
  return time >= frame.start.getTime() && time <= frame.end.getTime();
}

export function isWindowDays(days: number): days is WindowDays {
  return (WINDOW_DAYS as readonly number[]).includes(days);
}

export function assertWindowDays(days: number): asserts days is WindowDays {
  if (isWindowDays(days)) return;
  throw new ScoringConfigError([
    { code: 'invalid_window', subject: 'window_days', message: `time frame must be 1, 7 or 30 days, got ${days}` },
  ]);
}
