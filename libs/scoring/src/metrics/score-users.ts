import type { Activation } from '../activation/activation-checklist';
import { benchmark as benchmarkOf } from '../normalization/benchmark';
import { type NormalizationMethod, scoreChange, scoreWith } from '../normalization/engagement-score';
import type { EntityId } from './account-totals';
import { adoptionRate } from './adoption';

export interface UserTotals {
  readonly userId: EntityId;
  readonly rawScore: number;
  readonly scoringProfileEvents: number;
  readonly firstSeen: Date | null;
  readonly lastSeen: Date | null;
  /** distinct UTC days in the frame with >= 1 scored event. */
  readonly frequency: number;
  /** adoption units with a scored event in the frame / ever (numerators of the adoption rates). */
  readonly adoptionUnitsUsed: number;
  readonly lifetimeAdoptionUnitsUsed: number;
  /** last UTC day with a scored event; null if none. */
  readonly lastActive: Date | null;
}

/** One stored user_scores row (minus workspace/profile/computed_at). */
export interface UserScoreRow {
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
  readonly frequency: number;
  readonly adoptionRate: number;
  readonly lifetimeAdoptionRate: number;
  readonly lastActive: Date | null;
  /** null when the workspace has no activation checklist. */
  readonly activation: Activation | null;
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
      frequency: user.frequency,
      adoptionRate: adoptionRate(user.adoptionUnitsUsed, units),
      lifetimeAdoptionRate: adoptionRate(user.lifetimeAdoptionUnitsUsed, units),
      lastActive: user.lastActive,
      activation: options.activationOf?.(user.userId) ?? null,
    };
  });
}
