/** One scored event's part of a raw score: count in the frame times its weight. */
export interface Contribution {
  /** The feature the event belongs to; null when it belongs to none. */
  readonly feature: string | null;
  readonly event: string;
  readonly count: number;
  readonly weight: number;
  /** count * weight; the points of all contributions add up to raw_score exactly. */
  readonly points: number;
  /** points / raw_score, SHARE_DECIMALS places; the shares add up to 1 (0 each when raw_score is 0). */
  readonly share: number;
}

/** How much one event moved the raw score between the frame one time frame earlier and this one. */
export interface Driver {
  readonly feature: string | null;
  readonly event: string;
  /** Points now minus points then, at today's weights. */
  readonly delta_points: number;
}

/** engagement_score_change from the stored history, and the events that moved the raw score. */
export interface ScoreChangeExplanation {
  /** The stored score one time frame earlier (the latest row of changeBaseline). */
  readonly from: number;
  /** The stored score of this frame. */
  readonly to: number;
  readonly delta: number;
  /** The UTC day of the earlier row: its frame is the one compared with. */
  readonly since: string;
  /** Events whose points changed, the largest moves first; their delta_points add up to the raw score's change. */
  readonly drivers: readonly Driver[];
}

/** What a profile's trait filter did to this subject. */
export interface FilterApplied {
  readonly rule: string;
  /** False: the filter leaves the subject out of the profile; it has no score there. */
  readonly in_scope: boolean;
  /** Users of the account (an account's events are counted per user) whose events the rule leaves out; 0 for a user. */
  readonly excluded_members: number;
}

/** The explanation block: what a score is made of, and what moved it. */
export interface ScoreExplanation {
  readonly profile: string;
  readonly time_frame: { readonly start: string; readonly end: string; readonly days: number };
  readonly raw_score: number;
  readonly benchmark: {
    readonly p90: number;
    /** Subjects (accounts, or users for a user) with a raw score above 0 in the frame: the p90 is theirs. */
    readonly accounts_in_benchmark: number;
    readonly formula: string;
  };
  /** The formula applied to raw_score and p90; null when the profile's filter leaves the subject out. */
  readonly engagement_score: number | null;
  readonly contributions: readonly Contribution[];
  /** Null without a stored score now and one time frame earlier. */
  readonly change: ScoreChangeExplanation | null;
  readonly filters_applied: readonly FilterApplied[];
}
