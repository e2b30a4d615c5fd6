import { draftSignal, type SignalDraft, type SubjectRef } from '../signal-draft';
import { trendBy } from './trend';

/** A subject's fresh score, and the change of its latest row stored before this run. */
export interface ScoreChange {
  readonly subject: SubjectRef;
  readonly score: number;
  /** Against one time frame earlier; null without a score then. */
  readonly change: number | null;
  /** undefined: no row stored before (a new subject, steady until it has a change). */
  readonly previousChange: number | null | undefined;
}

export interface ScoreTrendInput {
  readonly workspaceId: string;
  /** The profile's name, as `data.profile`. */
  readonly profile: string;
  readonly threshold: number;
  readonly at: Date;
  readonly scores: readonly ScoreChange[];
}

/**
 * score_changed, edge-triggered: the subject's trend (trendBy) differs from the trend of its
 * latest stored row. The transition is the UTC day, so a subject signals at most once a day.
 */
export function scoreTrendSignals(input: ScoreTrendInput): SignalDraft[] {
  const { workspaceId, profile, threshold, at } = input;
  const day = at.toISOString().slice(0, 10);
  const drafts: SignalDraft[] = [];
  for (const { subject, score, change, previousChange } of input.scores) {
    const trend = trendBy(change, threshold);
    if (trend === trendBy(previousChange ?? null, threshold)) continue;
    const before = change === null ? null : roundToTenth(score - change);
    drafts.push(draftSignal(workspaceId, 'score_changed', subject, day, at, { profile, before, after: score, change, trend }));
  }
  return drafts;
}

/** Scores and changes are stored to a tenth; their difference should read the same. */
function roundToTenth(value: number): number {
  return Math.round(value * 10) / 10;
}
