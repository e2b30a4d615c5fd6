import type { EngagementFields } from './engagement-fields';
import type { EntityId } from './account-totals';

/** One stored score row (account_scores, minus workspace/profile/computed_at which the caller owns). */
export interface AccountScoreRow extends EngagementFields {
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
}
