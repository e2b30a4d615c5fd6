import { NORMALIZATION_FORMULAS, roundToTenth, scoreWith, type NormalizationMethod } from '../normalization/engagement-score';
import type { TimeFrame } from '../time/time-frame';
import { formatUtcDay } from '../time/utc-day';
import { apportionShares } from './apportion-shares';
import type { Contribution, Driver, FilterApplied, ScoreChangeExplanation, ScoreExplanation } from './score-explanation';

/** A scored event's counts in this frame and in the frame one time frame earlier. */
export interface EventTally {
  readonly event: string;
  readonly feature: string | null;
  readonly weight: number;
  readonly count: number;
  readonly baselineCount: number;
}

/** A stored score of the history. */
export interface StoredScore {
  readonly period: Date;
  readonly engagementScore: number;
}

export interface ExplanationInput {
  readonly profile: string;
  readonly frame: TimeFrame;
  readonly method: NormalizationMethod;
  readonly p90: number;
  readonly inBenchmark: number;
  /** Counts of the events the profile scores (weight > 0), of the members the filter lets in. */
  readonly tallies: readonly EventTally[];
  /** The stored score of this frame, and the one one time frame earlier (changeBaseline); null when absent. */
  readonly current: StoredScore | null;
  readonly baseline: StoredScore | null;
  readonly filter: FilterApplied | null;
}

/**
 * The explanation of one score: contributions whose points add up to raw_score exactly (whole
 * counts times whole weights), shares that add up to 1, the published formula recomputing
 * engagement_score from raw_score and p90, and the drivers of the change since the stored score
 * one time frame earlier. A subject the filter leaves out is explained as such: nothing counts.
 */
export function explainScore(input: ExplanationInput): ScoreExplanation {
  const inScope = input.filter?.in_scope ?? true;
  const tallies = inScope ? input.tallies : [];
  const contributions = contributionsOf(tallies);
  const rawScore = contributions.reduce((sum, contribution) => sum + contribution.points, 0);
  return {
    profile: input.profile,
    time_frame: { start: formatUtcDay(input.frame.start), end: formatUtcDay(input.frame.end), days: input.frame.days },
    raw_score: rawScore,
    benchmark: { p90: input.p90, accounts_in_benchmark: input.inBenchmark, formula: NORMALIZATION_FORMULAS[input.method] },
    engagement_score: inScope ? scoreWith(input.method, rawScore, input.p90) : null,
    contributions,
    change: inScope ? changeOf(input.current, input.baseline, tallies) : null,
    filters_applied: input.filter === null ? [] : [input.filter],
  };
}

function contributionsOf(tallies: readonly EventTally[]): Contribution[] {
  const parts = tallies
    .filter((tally) => tally.count > 0 && tally.weight > 0)
    .map((tally) => ({
      feature: tally.feature,
      event: tally.event,
      count: tally.count,
      weight: tally.weight,
      points: tally.count * tally.weight,
    }))
    .sort((a, b) => b.points - a.points || compareText(a.event, b.event));
  const shares = apportionShares(parts.map((part) => part.points));
  return parts.map((part, index) => ({ ...part, share: shares[index] }));
}

function changeOf(
  current: StoredScore | null,
  baseline: StoredScore | null,
  tallies: readonly EventTally[],
): ScoreChangeExplanation | null {
  if (current === null || baseline === null) return null;
  return {
    from: baseline.engagementScore,
    to: current.engagementScore,
    delta: roundToTenth(current.engagementScore - baseline.engagementScore),
    since: formatUtcDay(baseline.period),
    drivers: driversOf(tallies),
  };
}

/** Events whose points moved, largest move first (then by name). */
export function driversOf(tallies: readonly EventTally[]): Driver[] {
  return tallies
    .map((tally) => ({ feature: tally.feature, event: tally.event, delta_points: (tally.count - tally.baselineCount) * tally.weight }))
    .filter((driver) => driver.delta_points !== 0)
    .sort((a, b) => Math.abs(b.delta_points) - Math.abs(a.delta_points) || compareText(a.event, b.event));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
