import type { EngagementTotals } from './engagement-fields';

/** Account or user id as the caller holds it (Prisma BigInt, numeric string, number). */
export type EntityId = string | number | bigint;

/**
 * Everything scoring needs about one account, already aggregated. The database hands these
 * over per account in one set-based query.
 */
export interface AccountTotals extends EngagementTotals {
  readonly accountId: EntityId;
  /** sum(count * weight) over scored events in the profile's frame. */
  readonly rawScore: number;
  /** distinct users with >= 1 scored event in the frame. */
  readonly activeUsers: number;
  /** users linked to the account (memberships). */
  readonly totalPeopleCount: number;
  /** distinct users with any event attributed to the account in the last 90 days. */
  readonly totalActivePeopleCount: number;
  /** distinct scored events the account has ever performed (numerator of activation_rate). */
  readonly scoredEventsPerformed: number;
  readonly overallScoredEvents: number;
  readonly recentlyScoredEvents: number;
  readonly scoringProfileEvents: number;
  /** first and last UTC day with any event (scored or not); null if none. */
  readonly firstSeen: Date | null;
  readonly lastSeen: Date | null;
}
