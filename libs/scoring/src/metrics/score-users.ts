import type { Activation } from '../activation/activation-checklist';
import { benchmark as benchmarkOf } from '../normalization/benchmark';
import { type NormalizationMethod, scoreChange, scoreWith } from '../normalization/engagement-score';
import type { EntityId } from './account-totals';
import { engagementFields, type EngagementFields, type EngagementTotals } from './engagement-fields';

export interface UserTotals extends EngagementTotals {
  readonly userId: EntityId;
  readonly rawScore: number;
  readonly scoringProfileEvents: number;
  readonly firstSeen: Date | null;
  readonly lastSeen: Date | null;
}

/** One stored user_scores row (minus workspace/profile/computed_at). */
export interface UserScoreRow extends EngagementFields {
  readonly userId: EntityId;
  readonly period: Date;
  readonly rawScore: number;
  readonly engagementScore: number;
  /** engagement_score minus the stored score one time frame ago; null without one. */
  readonly engagementScoreChange: number | null;
  readonly benchmark: number;
  readonly scoringProfileEvents: number;
  readonly firstSeen: Date | null;
  readonly lastSeen: Date | null;
}

export interface ScoreUsersOptions {
  readonly period: Date;
  readonly method?: NormalizationMethod;
  /** Denominator of the adoption rates (adoptionUnits(...).count); 0 when omitted. */
  readonly adoptionUnitCount?: number;
  /** engagement_score one time frame ago keyed by String(userId); missing -> change null. */
  readonly previousScores?: ReadonlyMap<string, number>;
  /** Each user's activation; omitted (no checklist) -> null. */
  readonly activationOf?: (userId: EntityId) => Activation | null;
}

/** Users get the accounts' treatment among users: one benchmark over all users of the workspace. */
export function scoreUsers(totals: readonly UserTotals[], options: ScoreUsersOptions): UserScoreRow[] {
  const b = benchmarkOf(totals.map((user) => user.rawScore));
  const method = options.method ?? 'exponential';
  const units = options.adoptionUnitCount ?? 0;
  return totals.map((user) => {
    const engagementScore = scoreWith(method, user.rawScore, b);
    return {
      userId: user.userId,
      period: options.period,
      rawScore: user.rawScore,
      engagementScore,
      engagementScoreChange: scoreChange(engagementScore, options.previousScores?.get(String(user.userId))),
      benchmark: b,
      scoringProfileEvents: user.scoringProfileEvents,
      firstSeen: user.firstSeen,
      lastSeen: user.lastSeen,
      ...engagementFields(user, units, options.activationOf?.(user.userId) ?? null),
    };
  });
}
