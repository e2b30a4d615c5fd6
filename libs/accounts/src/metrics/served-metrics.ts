/** How a metric is documented in OpenAPI; its TypeScript type is derived from it too. */
export interface MetricSchema {
  type: 'number' | 'integer' | 'string';
  format?: 'date';
  nullable?: boolean;
  description?: string;
}

interface MetricField {
  /**
   * Its value over `s`, the latest score row of the default profile (absent when never
   * scored: numbers read 0, days null), and `a`, the account.
   */
  sql: string;
  schema: MetricSchema;
}

const DAY = { type: 'string', format: 'date', nullable: true, description: 'UTC day; null when never scored' } as const;

/** Every served metric, defined once: the SQL, the TypeScript type and the OpenAPI schema derive from here. */
export const METRIC_FIELDS = {
  engagement_score: {
    sql: 'COALESCE(s.engagement_score, 0)::float8',
    schema: { type: 'number', description: '1..100 (0 when never scored)' },
  },
  engagement_score_change: {
    sql: 's.engagement_score_change::float8',
    schema: { type: 'number', nullable: true, description: "engagement_score minus the previous period's" },
  },
  raw_score: { sql: 'COALESCE(s.raw_score, 0)::float8', schema: { type: 'number' } },
  owner_name: {
    sql: "COALESCE(a.traits->>'owner_name', a.traits->>'owner')",
    schema: { type: 'string', nullable: true, description: 'Trait owner_name, else owner' },
  },
  first_seen: { sql: "to_char(s.first_seen, 'YYYY-MM-DD')", schema: DAY },
  last_seen: { sql: "to_char(s.last_seen, 'YYYY-MM-DD')", schema: DAY },
  active_users: { sql: 'COALESCE(s.active_users, 0)::int', schema: { type: 'integer' } },
  activation_rate: { sql: 'COALESCE(s.activation_rate, 0)::float8', schema: { type: 'number', description: '0..1' } },
  overall_scored_events: { sql: 'COALESCE(s.overall_scored_events, 0)::float8', schema: { type: 'integer' } },
  recently_scored_events: { sql: 'COALESCE(s.recently_scored_events, 0)::float8', schema: { type: 'integer' } },
  scoring_profile_events: { sql: 'COALESCE(s.scoring_profile_events, 0)::float8', schema: { type: 'integer' } },
  total_people_count: { sql: 'COALESCE(s.total_people_count, 0)::int', schema: { type: 'integer' } },
  total_active_people_count: { sql: 'COALESCE(s.total_active_people_count, 0)::int', schema: { type: 'integer' } },
} as const satisfies Record<string, MetricField>;

export type MetricName = keyof typeof METRIC_FIELDS;

type MetricValue<S extends MetricSchema> = (S['type'] extends 'string' ? string : number) | (S extends { nullable: true } ? null : never);

/** The metrics block of a body: the named metrics, in the order named. */
export type Metrics<L extends readonly MetricName[]> = { -readonly [N in L[number]]: MetricValue<(typeof METRIC_FIELDS)[N]['schema']> };

/** In the order served: a body's keys follow it. */
export const ACCOUNT_METRICS = [
  'engagement_score',
  'engagement_score_change',
  'raw_score',
  'owner_name',
  'first_seen',
  'last_seen',
  'active_users',
  'activation_rate',
  'overall_scored_events',
  'recently_scored_events',
  'scoring_profile_events',
  'total_people_count',
  'total_active_people_count',
] as const satisfies readonly MetricName[];

export const USER_METRICS = [
  'engagement_score',
  'raw_score',
  'scoring_profile_events',
  'first_seen',
  'last_seen',
] as const satisfies readonly MetricName[];

/** The stored metrics of the account's latest scoring run, plus owner_name, a trait. */
export type ServedAccountMetrics = Metrics<typeof ACCOUNT_METRICS>;

export type UserMetrics = Metrics<typeof USER_METRICS>;

/** OpenAPI `properties` of a metrics block. */
export function metricSchemas(names: readonly MetricName[]): Record<string, MetricSchema> {
  return Object.fromEntries(names.map((name) => [name, METRIC_FIELDS[name].schema]));
}
