/** A segment as stored: a name and its rule text (parsed once with parseRule when evaluated). */
export interface SegmentDefinition {
  readonly name: string;
  readonly rule: string;
}

/**
 * The catalogue a new workspace gets once (parity.md "Suggested segments"); each is removable
 * and stays removed. The migration 20261202000000_engagement_model gave existing workspaces the
 * same list in the same order (a test holds them equal). `status` is an account trait; accounts
 * that never sent an event have no days_since_* and so are in none of the recency segments.
 */
export const SUGGESTED_SEGMENTS: readonly SegmentDefinition[] = [
  { name: 'Highly engaged', rule: 'engagement_score >= 75' },
  { name: 'Engaged', rule: 'engagement_score >= 50 AND engagement_score < 75' },
  { name: 'Low engagement', rule: 'engagement_score >= 25 AND engagement_score < 50' },
  { name: 'At risk', rule: 'engagement_score < 25 AND engagement_score_change <= -10' },
  { name: 'Red hot', rule: 'engagement_score_change >= 10' },
  { name: 'Ice cold', rule: 'engagement_score_change <= -10' },
  { name: 'Active today', rule: 'days_since_last_seen = 0' },
  { name: 'Recently inactive', rule: 'days_since_last_seen >= 30 AND days_since_last_seen <= 60' },
  { name: 'Dormant', rule: 'days_since_last_seen > 14' },
  { name: 'New', rule: 'days_since_first_seen <= 14' },
  { name: 'Mature', rule: 'days_since_created > 180' },
  { name: 'Multi-user', rule: 'active_users >= 2' },
  { name: 'Product-qualified', rule: 'status = trial AND engagement_score >= 70' },
];
