import type { AccountMetrics } from '../metrics/account-metrics';
import { asFieldValue, type RuleFieldLookup, type RuleFieldValue } from '../rules/rule-evaluator';
import type { Traits } from '../rules/trait-filter';
import { daysBetween, parseUtcDay } from '../time/utc-day';

/** Fields segment rules can use besides account traits. */
export const SEGMENT_METRIC_FIELDS: readonly string[] = [
  'engagement_score',
  'engagement_score_change',
  'raw_score',
  'first_seen',
  'last_seen',
  'active_users',
  'activation_rate',
  'overall_scored_events',
  'recently_scored_events',
  'scoring_profile_events',
  'total_people_count',
  'total_active_people_count',
  'days_since_first_seen',
  'days_since_last_seen',
];

/**
 * Fields for one account's segment rules: metrics (and days_since_first_seen/last_seen,
 * whole UTC days before `now`, null if never seen) win over an account trait of the same
 * name; `account.x` always reads the trait. first_seen/last_seen read as 'YYYY-MM-DD'.
 */
export function segmentLookup(metrics: AccountMetrics, traits: Traits, now: Date): RuleFieldLookup {
  const fields: Record<string, RuleFieldValue> = {
    ...metrics,
    days_since_first_seen: daysSince(metrics.first_seen, now),
    days_since_last_seen: daysSince(metrics.last_seen, now),
  };
  return (field) => {
    if (field.startsWith('account.')) return traitValue(traits, field.slice('account.'.length));
    if (Object.prototype.hasOwnProperty.call(fields, field)) return fields[field];
    return traitValue(traits, field);
  };
}

function daysSince(day: string | null, now: Date): number | null {
  return day === null ? null : daysBetween(parseUtcDay(day), now);
}

function traitValue(traits: Traits, key: string): RuleFieldValue {
  return Object.prototype.hasOwnProperty.call(traits, key) ? asFieldValue(traits[key]) : undefined;
}
