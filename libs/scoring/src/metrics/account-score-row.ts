import type { Activation } from '../activation/activation-checklist';
import type { EntityId } from './account-totals';

/** One stored score row (account_scores, minus workspace/profile/computed_at which the caller owns). */
export interface AccountScoreRow {
  readonly accountId: EntityId;
  /** The frame's last UTC day: the period key. */
  readonly period: Date;
  readonly rawScore: number;
  readonly engagementScore: number;
  /** engagement_score minus the stored score one time frame ago (changeBaseline); null without one. */
  readonly engagementScoreChange: number | null;
  readonly benchmark: number;
  readonly activeUsers: number;
  readonly activationRate: number;
  readonly overallScoredEvents: number;
  readonly recentlyScoredEvents: number;
  readonly scoringProfileEvents: number;
  readonly totalPeopleCount: number;
  readonly totalActivePeopleCount: number;
  readonly firstSeen: Date | null;
  readonly lastSeen: Date | null;
  /** distinct UTC days in the frame with >= 1 scored event. */
  readonly frequency: number;
  /** share of the adoption units used in the frame / ever, 0..1 with two decimals. */
  readonly adoptionRate: number;
  readonly lifetimeAdoptionRate: number;
  readonly lastActive: Date | null;
  /** null when the workspace has no activation checklist. */
  readonly activation: Activation | null;
}
