import { NormalizationMethod } from '../normalization/engagement-score';
import { formatUtcDay } from '../time/utc-day';
import { AccountScoreRow } from './account-score-row';
import { accountTotalsFromRows, AccountRowsInput } from './account-totals-from-rows';
import { scoreAccounts } from './score-accounts';

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

export interface AccountMetricsInput extends AccountRowsInput {
  /** The workspace's benchmark; without it the account is scored as if alone (B = its raw). */
  readonly benchmark?: number;
  readonly method?: NormalizationMethod;
  readonly scoredEventCount: number;
  readonly previousScore?: number | null;
}

/** Every metric of one account from plain rows; whole workspaces go through scoreAccounts. */
export function accountMetrics(input: AccountMetricsInput): AccountMetrics {
  const previous = input.previousScore;
  const [row] = scoreAccounts([accountTotalsFromRows(input)], {
    period: input.frame.end,
    method: input.method,
    scoredEventCount: input.scoredEventCount,
    benchmark: input.benchmark,
    previousScores: previous == null ? undefined : new Map([[String(input.accountId), previous]]),
  });
  return toAccountMetrics(row);
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
