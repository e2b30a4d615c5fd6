import { formatUtcDay } from '../time/utc-day';
import type { AccountScoreRow } from './account-score-row';

/** The metrics block of GET /v1/accounts, minus owner_name (a trait the API adds). */
export interface AccountMetrics {
  engagement_score: number;
  engagement_score_change: number | null;
  raw_score: number;
  first_seen: string | null;
  last_seen: string | null;
  active_users: number;
  activation_rate: number;
  overall_scored_events: number;
  recently_scored_events: number;
  scoring_profile_events: number;
  total_people_count: number;
  total_active_people_count: number;
}

export function toAccountMetrics(row: AccountScoreRow): AccountMetrics {
  return {
    engagement_score: row.engagementScore,
    engagement_score_change: row.engagementScoreChange,
    raw_score: row.rawScore,
    first_seen: row.firstSeen ? formatUtcDay(row.firstSeen) : null,
    last_seen: row.lastSeen ? formatUtcDay(row.lastSeen) : null,
    active_users: row.activeUsers,
    activation_rate: row.activationRate,
    overall_scored_events: row.overallScoredEvents,
    recently_scored_events: row.recentlyScoredEvents,
    scoring_profile_events: row.scoringProfileEvents,
    total_people_count: row.totalPeopleCount,
    total_active_people_count: row.totalActivePeopleCount,
  };
}
