import { roundToTenth } from '../normalization/engagement-score';
import { daysBetween } from '../time/utc-day';
import { driversText } from '../explanation/driver-text';
import type { ScoreChangeExplanation } from '../explanation/score-explanation';
import type { InsightSignal, InsightsInput } from './insights';

/** Thresholds below which a change is noise, not a signal (ours). */
export const SCORE_MOVE_POINTS = 5;
export const ACTIVE_SHARE_MOVE = 0.1;
export const QUIET_DAYS = 14;
export const CONCENTRATION_SHARE = 0.6;

/** Every signal the input supports, in a fixed order so output is reproducible. */
export function insightSignals(input: InsightsInput): InsightSignal[] {
  return [
    activitySignal(input),
    ...scoreSignals(input.scores, input.change ?? null),
    activeShareSignal(input),
    quietUsersSignal(input),
    unusedFeaturesSignal(input),
    concentrationSignal(input),
  ].filter((signal): signal is InsightSignal => signal !== null);
}

export function daysSinceLastSeen(input: InsightsInput): number | null {
  return input.lastSeen === null ? null : daysBetween(input.lastSeen, input.now);
}

function activitySignal(input: InsightsInput): InsightSignal | null {
  const days = daysSinceLastSeen(input);
  if (days === null) return { kind: 'no_activity', message: 'No events have been received for this account yet', value: 0 };
  if (days < QUIET_DAYS) return null;
  return { kind: 'no_recent_activity', message: `No events for ${days} days`, value: days };
}

function scoreSignals(scores: readonly number[], explained: ScoreChangeExplanation | null): InsightSignal[] {
  const [current, previous, beforePrevious] = explained ? [explained.to, explained.from, ...scores.slice(2)] : scores;
  if (current === undefined || previous === undefined) return [];
  const signals: InsightSignal[] = [];
  const change = roundToTenth(current - previous);
  if (Math.abs(change) >= SCORE_MOVE_POINTS) {
    const kind = change < 0 ? 'score_drop' : 'score_rise';
    const drivers = explained ? driversText(explained.drivers, change < 0 ? -1 : 1) : '';
    const message = `Engagement score ${change < 0 ? 'fell' : 'rose'} from ${previous} to ${current}${drivers && `: ${drivers}`}`;
    signals.push({ kind, message, value: change });
  }
  if (beforePrevious === undefined) return signals;
  const earlier = previous - beforePrevious;
  const total = roundToTenth(current - beforePrevious);
  if (Math.sign(earlier) === Math.sign(change) && change !== 0 && Math.abs(total) >= SCORE_MOVE_POINTS) {
    const kind = total < 0 ? 'score_decline_two_periods' : 'score_growth_two_periods';
    const verb = total < 0 ? 'declined' : 'grown';
    signals.push({
      kind,
      message: `Engagement score has ${verb} two periods in a row, from ${beforePrevious} to ${current}`,
      value: total,
    });
  }
  return signals;
}

function activeShareSignal(input: InsightsInput): InsightSignal | null {
  const { current, previous } = input.activeUserShare;
  if (previous === null) return null;
  const change = Math.round((current - previous) * 100) / 100;
  if (Math.abs(change) < ACTIVE_SHARE_MOVE) return null;
  const kind = change < 0 ? 'active_users_drop' : 'active_users_rise';
  const message = `Active users ${change < 0 ? 'fell' : 'rose'} from ${percent(previous)} to ${percent(current)} of people`;
  return { kind, message, value: change };
}

function quietUsersSignal(input: InsightsInput): InsightSignal | null {
  if (input.quietUsers <= 0) return null;
  const message = `${input.quietUsers} of ${input.totalPeople} people have had no events for ${QUIET_DAYS}+ days`;
  return { kind: 'quiet_users', message, value: input.quietUsers };
}

function unusedFeaturesSignal(input: InsightsInput): InsightSignal | null {
  const unused = unusedFeatureNames(input);
  if (unused.length === 0) return null;
  return { kind: 'unused_features', message: `Scored features never used: ${unused.join(', ')}`, value: unused.length };
}

function concentrationSignal(input: InsightsInput): InsightSignal | null {
  const share = input.topUserEventShare;
  if (share === null || input.totalPeople < 2 || share < CONCENTRATION_SHARE) return null;
  return { kind: 'concentration', message: `One user did ${percent(share)} of the account's events`, value: Math.round(share * 100) / 100 };
}

export function unusedFeatureNames(input: InsightsInput): string[] {
  return input.features
    .filter((feature) => feature.overallCount <= 0)
    .map((feature) => feature.name)
    .sort();
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
