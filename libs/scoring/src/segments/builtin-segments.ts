/** A segment as stored: a name and its rule text (parsed once with parseRule when evaluated). */
export interface SegmentDefinition {
  readonly name: string;
  readonly rule: string;
}

/**
 * What every new workspace starts with. `plan` is an account trait; the thresholds are ours.
 * Accounts that never sent an event have no days_since_* and so are neither Dormant nor New.
 */
export const BUILTIN_SEGMENTS: readonly SegmentDefinition[] = [
  { name: 'At risk', rule: 'engagement_score < 30 AND engagement_score_change <= -10' },
  { name: 'Product-qualified', rule: 'plan = trial AND engagement_score >= 70' },
  { name: 'Highly engaged', rule: 'engagement_score >= 80' },
  { name: 'Dormant', rule: 'days_since_last_seen >= 14' },
  { name: 'New', rule: 'days_since_first_seen < 14' },
];
