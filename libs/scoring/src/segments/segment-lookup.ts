import type { RuleFieldLookup, RuleFieldValue } from '../rules/rule-evaluator';
import type { Traits } from '../rules/trait-filter';
import { daysBetween, parseUtcDay } from '../time/utc-day';
import type { TraitTypes } from '../traits/trait-data-type';
import { parseTraitValue, typedTrait } from '../traits/trait-value';
import { trendOf } from '../metrics/trend';
import type { SegmentSubject } from './segment-subject';

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
  'frequency',
  'adoption_rate',
  'lifetime_adoption_rate',
  'last_active',
  'trend',
  'activated',
  'days_since_first_seen',
  'days_since_last_seen',
  'days_since_created',
  'days_since_last_active',
];

/** The created-at traits read when the workspace names none (account_created_trait). */
export const DEFAULT_CREATED_AT_TRAITS: readonly string[] = ['createdAt', 'created_at'];

/** What segment rules need besides the account: the run's instant and the workspace's settings. */
export interface SegmentContext {
  readonly now: Date;
  readonly traitTypes: TraitTypes;
  /** The workspace's account_created_trait; null: DEFAULT_CREATED_AT_TRAITS. */
  readonly createdAtTrait: string | null;
}

/**
 * Fields for one account's segment rules: metrics and derived fields win over an account trait
 * of the same name; `account.x` always reads the trait. Traits are read as their declared type.
 * first_seen, last_seen and last_active are UTC days (instants at midnight); days_since_* are
 * whole UTC days before `now`, null when the day is unknown. days_since_created reads the
 * created-at trait as a date, else first_seen. `activated` is unknown without a checklist.
 */
export function segmentLookup(subject: SegmentSubject, traits: Traits, context: SegmentContext): RuleFieldLookup {
  const fields = metricFields(subject, traits, context);
  return (field) => {
    if (field.startsWith('account.')) return typedTrait(traits, field.slice('account.'.length), context.traitTypes);
    if (Object.prototype.hasOwnProperty.call(fields, field)) return fields[field];
    return typedTrait(traits, field, context.traitTypes);
  };
}

function metricFields(subject: SegmentSubject, traits: Traits, context: SegmentContext): Record<string, RuleFieldValue> {
  const [firstSeen, lastSeen, lastActive] = [subject.first_seen, subject.last_seen, subject.last_active].map(dayOf);
  const created = createdAt(traits, context.createdAtTrait) ?? firstSeen;
  return {
    engagement_score: subject.engagement_score,
    engagement_score_change: subject.engagement_score_change,
    raw_score: subject.raw_score,
    first_seen: firstSeen,
    last_seen: lastSeen,
    active_users: subject.active_users,
    activation_rate: subject.activation_rate,
    overall_scored_events: subject.overall_scored_events,
    recently_scored_events: subject.recently_scored_events,
    scoring_profile_events: subject.scoring_profile_events,
    total_people_count: subject.total_people_count,
    total_active_people_count: subject.total_active_people_count,
    frequency: subject.frequency,
    adoption_rate: subject.adoption_rate,
    lifetime_adoption_rate: subject.lifetime_adoption_rate,
    last_active: lastActive,
    trend: trendOf(subject.engagement_score_change),
    activated: subject.activation === null ? null : subject.activation.activated_at !== null,
    days_since_first_seen: daysSince(firstSeen, context.now),
    days_since_last_seen: daysSince(lastSeen, context.now),
    days_since_created: daysSince(created, context.now),
    days_since_last_active: daysSince(lastActive, context.now),
  };
}

/** The first of the created-at traits that holds a date, whatever type the key is declared as. */
function createdAt(traits: Traits, configured: string | null): Date | null {
  for (const key of configured === null ? DEFAULT_CREATED_AT_TRAITS : [configured]) {
    if (!Object.prototype.hasOwnProperty.call(traits, key)) continue;
    const value = parseTraitValue(traits[key], 'date');
    if (value instanceof Date) return value;
  }
  return null;
}

function dayOf(day: string | null): Date | null {
  return day === null ? null : parseUtcDay(day);
}

function daysSince(day: Date | null, now: Date): number | null {
  return day === null ? null : daysBetween(day, now);
}
