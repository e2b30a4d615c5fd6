import type { ScoreChangeExplanation } from '../explanation/score-explanation';

export type Health = 'healthy' | 'stable' | 'at_risk' | 'dormant';

export type SignalKind =
  | 'no_activity'
  | 'no_recent_activity'
  | 'score_drop'
  | 'score_rise'
  | 'score_decline_two_periods'
  | 'score_growth_two_periods'
  | 'active_users_drop'
  | 'active_users_rise'
  | 'quiet_users'
  | 'unused_features'
  | 'concentration';

export interface InsightSignal {
  readonly kind: SignalKind;
  readonly message: string;
  /** Score points for score_*, a 0..1 share change for active_users_*, a count or share otherwise. */
  readonly value: number;
}

export interface FeatureUsage {
  readonly name: string;
  readonly count: number;
}

/** The insights block of GET /v1/accounts?expand=insights. */
export interface Insights {
  readonly health: Health;
  readonly summary: string;
  readonly signals: readonly InsightSignal[];
  readonly recommendations: readonly string[];
  readonly top_features: readonly FeatureUsage[];
  readonly unused_features: readonly string[];
  readonly generated_at: string;
}

export interface FeatureActivity {
  readonly name: string;
  /** Events of the feature in the current time frame. */
  readonly frameCount: number;
  /** Events of the feature ever. */
  readonly overallCount: number;
}

export interface InsightsInput {
  readonly now: Date;
  /** engagement_score of this period, then earlier periods, newest first (1 to 3 values). */
  readonly scores: readonly number[];
  /** Share of the account's people active (0..1) this period and the previous one, if known. */
  readonly activeUserShare: { readonly current: number; readonly previous: number | null };
  readonly activeUsers: number;
  readonly totalPeople: number;
  /** People of the account with no event for 14 days or more. */
  readonly quietUsers: number;
  readonly features: readonly FeatureActivity[];
  /** Share (0..1) of the account's events in the frame done by its most active user; null if none. */
  readonly topUserEventShare: number | null;
  readonly lastSeen: Date | null;
  /**
   * The score explanation's change (explainScore), when known: the score signals then take its
   * scores and name its drivers, so the message and the explanation agree.
   */
  readonly change?: ScoreChangeExplanation | null;
}

/** Where insights come from: the deterministic rules today, a language model later. */
export interface InsightsProvider {
  generate(input: InsightsInput): Promise<Insights>;
}
