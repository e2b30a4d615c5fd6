import { benchmark as benchmarkOf } from '../normalization/benchmark';
import { type NormalizationMethod, scoreWith } from '../normalization/engagement-score';
import type { EntityId } from './account-totals';

export interface UserTotals {
  readonly userId: EntityId;
  readonly rawScore: number;
  readonly scoringProfileEvents: number;
  readonly firstSeen: Date | null;
  readonly lastSeen: Date | null;
}

/** One stored user_scores row (minus workspace/profile/computed_at). */
export interface UserScoreRow extends UserTotals {
  readonly period: Date;
  readonly engagementScore: number;
  readonly benchmark: number;
}

/** Users get the accounts' treatment among users: one benchmark over all users of the workspace. */
export function scoreUsers(
  totals: readonly UserTotals[],
  options: { readonly period: Date; readonly method?: NormalizationMethod },
): UserScoreRow[] {
  const b = benchmarkOf(totals.map((user) => user.rawScore));
  const method = options.method ?? 'exponential';
  return totals.map((user) => ({
    ...user,
    period: options.period,
    engagementScore: scoreWith(method, user.rawScore, b),
    benchmark: b,
  }));
}
