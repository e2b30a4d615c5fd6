import { addUtcDays, isWindowDays, parseUtcDay, type InsightsInput, type WindowDays } from '@coil/scoring';
import type { AccountActivity, FeatureCounts, ScorePeriod } from '../repositories/insights-data.repository';

/** The unconfigured profile's frame: used when a workspace has no default profile yet. */
export const FALLBACK_WINDOW_DAYS: WindowDays = 30;

export interface InsightsData {
  now: Date;
  windowDays: number;
  /** Stored periods, newest first. */
  history: readonly ScorePeriod[];
  activity: AccountActivity;
  features: readonly FeatureCounts[];
}

export function windowDaysOrFallback(days: number | undefined): WindowDays {
  return days !== undefined && isWindowDays(days) ? days : FALLBACK_WINDOW_DAYS;
}

/** Rows -> the provider's input: the current period and the ones a window and two windows before it. */
export function assembleInsightsInput(data: InsightsData): InsightsInput {
  const periods = comparedPeriods(data.history, windowDaysOrFallback(data.windowDays));
  const [current, previous] = periods;
  return {
    now: data.now,
    scores: periods.map((period) => period.engagementScore),
    activeUserShare: { current: current ? activeShare(current) : 0, previous: previous ? activeShare(previous) : null },
    activeUsers: current?.activeUsers ?? 0,
    totalPeople: current?.totalPeopleCount ?? 0,
    quietUsers: data.activity.quietUsers,
    features: data.features.map((feature) => ({ ...feature })),
    topUserEventShare: data.activity.topUserEventShare,
    lastSeen: data.activity.lastSeen === null ? null : parseUtcDay(data.activity.lastSeen),
  };
}

/** Newest row, then the newest row at least one window older than the one before, up to three. */
function comparedPeriods(history: readonly ScorePeriod[], windowDays: WindowDays): ScorePeriod[] {
  const picked: ScorePeriod[] = [];
  for (const row of history) {
    const last = picked[picked.length - 1];
    if (last === undefined || parseUtcDay(row.period) <= addUtcDays(parseUtcDay(last.period), -windowDays)) picked.push(row);
    if (picked.length === 3) break;
  }
  return picked;
}

function activeShare(period: ScorePeriod): number {
  return period.totalPeopleCount > 0 ? period.activeUsers / period.totalPeopleCount : 0;
}
