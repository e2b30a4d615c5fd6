import { COLD_CHANGE, HOT_CHANGE, type Activation } from '@coil/scoring';

/** A number, integer, day or text metric as documented in OpenAPI. */
export interface ScalarMetricSchema {
  type: 'number' | 'integer' | 'string';
  format?: 'date';
  enum?: readonly string[];
  nullable?: boolean;
  description?: string;
}

/**
 * An object metric: its `title` names the TypeScript type it is served as
 * (`ObjectMetricTypes`), its properties document the object in OpenAPI.
 */
export interface ObjectMetricSchema {
  type: 'object';
  title: keyof ObjectMetricTypes;
  nullable?: boolean;
  description?: string;
  properties: Record<string, { type: string; format?: string; nullable?: boolean; items?: { type: string }; description?: string }>;
  required: readonly string[];
}

/** How a metric is documented in OpenAPI; its TypeScript type is derived from it too. */
export type MetricSchema = ScalarMetricSchema | ObjectMetricSchema;

/** The TypeScript type of each object metric, by the title of its schema. */
export interface ObjectMetricTypes {
  Activation: Activation;
}

interface MetricField {
  /**
   * Its value over `s`, the latest score row of the profile read (absent when never scored:
   * numbers read 0, days null), `p`, that profile (id and name), and `a`, the account.
   */
  sql: string;
  schema: MetricSchema;
}

const DAY = { type: 'string', format: 'date', nullable: true, description: 'UTC day; null when never scored' } as const;

const ACTIVATION_SCHEMA = {
  type: 'object',
  title: 'Activation',
  nullable: true,
  description: "The workspace's activation checklist for this subject; null when the workspace has no checklist",
  properties: {
    rate: { type: 'number', description: 'Share of the steps completed, 0..1 (two decimals)' },
    completed: { type: 'array', items: { type: 'string' }, description: 'Step labels as written in the checklist, e.g. "Invite Sent>=3"' },
    missing: { type: 'array', items: { type: 'string' } },
    activated_at: { type: 'string', format: 'date', nullable: true, description: 'UTC day the last step was done; null until activated' },
  },
  required: ['rate', 'completed', 'missing', 'activated_at'],
} as const;

/** Every served metric, defined once: the SQL, the TypeScript type and the OpenAPI schema derive from here. */
export const METRIC_FIELDS = {
  engagement_score: {
    sql: 'COALESCE(s.engagement_score, 0)::float8',
    schema: { type: 'number', description: '1..100 (0 when never scored)' },
  },
  engagement_score_change: {
    sql: 's.engagement_score_change::float8',
    schema: {
      type: 'number',
      nullable: true,
      description: 'engagement_score minus the score one time frame earlier; null until a frame of history exists',
    },
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
  frequency: {
    sql: 'COALESCE(s.frequency, 0)::int',
    schema: { type: 'integer', description: "UTC days of the profile's time frame with at least one scored event" },
  },
  adoption_rate: {
    sql: 'COALESCE(s.adoption_rate, 0)::float8',
    schema: {
      type: 'number',
      description: "Share of the profile's features (its scored events when there are none) used in the time frame, 0..1",
    },
  },
  lifetime_adoption_rate: {
    sql: 'COALESCE(s.lifetime_adoption_rate, 0)::float8',
    schema: { type: 'number', description: 'The same share, all time, 0..1' },
  },
  last_active: {
    sql: "to_char(s.last_active, 'YYYY-MM-DD')",
    schema: { ...DAY, description: 'Last UTC day with a scored event (last_seen counts any event); null when none' },
  },
  trend: {
    // trendOf of @coil/scoring, in SQL.
    sql: `CASE WHEN s.engagement_score_change >= ${HOT_CHANGE} THEN 'hot'
               WHEN s.engagement_score_change <= ${COLD_CHANGE} THEN 'cold' ELSE 'steady' END`,
    schema: {
      type: 'string',
      enum: ['hot', 'cold', 'steady'],
      description: `hot when engagement_score_change >= ${HOT_CHANGE}, cold when <= ${COLD_CHANGE}, steady otherwise (also without a change)`,
    },
  },
  activation: {
    // Rebuilt rather than served as stored: jsonb keeps its keys sorted by length, not in the documented order.
    sql: `CASE WHEN jsonb_typeof(s.activation) = 'object' THEN json_build_object(
            'rate', s.activation->'rate', 'completed', s.activation->'completed',
            'missing', s.activation->'missing', 'activated_at', s.activation->'activated_at') END`,
    schema: ACTIVATION_SCHEMA,
  },
  profile: {
    sql: 'p.name',
    schema: { type: 'string', description: 'The scoring profile these metrics are for (?profile=NAME; default: the default profile)' },
  },
} as const satisfies Record<string, MetricField>;

export type MetricName = keyof typeof METRIC_FIELDS;

type ScalarValue<S extends ScalarMetricSchema> = S extends { enum: readonly (infer E)[] }
  ? E
  : S['type'] extends 'string'
    ? string
    : number;

type MetricValue<S extends MetricSchema> =
  | (S extends ObjectMetricSchema ? ObjectMetricTypes[S['title']] : S extends ScalarMetricSchema ? ScalarValue<S> : never)
  | (S extends { nullable: true } ? null : never);

/** The metrics block of a body: the named metrics, in the order named. */
export type Metrics<L extends readonly MetricName[]> = { -readonly [N in L[number]]: MetricValue<(typeof METRIC_FIELDS)[N]['schema']> };

/** In the order served: a body's keys follow it. New metrics are appended, never inserted. */
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
  'frequency',
  'adoption_rate',
  'lifetime_adoption_rate',
  'last_active',
  'trend',
  'activation',
  'profile',
] as const satisfies readonly MetricName[];

export const USER_METRICS = [
  'engagement_score',
  'raw_score',
  'scoring_profile_events',
  'first_seen',
  'last_seen',
  'engagement_score_change',
  'frequency',
  'adoption_rate',
  'lifetime_adoption_rate',
  'last_active',
  'trend',
  'activation',
  'profile',
] as const satisfies readonly MetricName[];

/** The stored metrics of the account's latest scoring run, plus owner_name, a trait. */
export type ServedAccountMetrics = Metrics<typeof ACCOUNT_METRICS>;

export type UserMetrics = Metrics<typeof USER_METRICS>;

/** An OpenAPI schema object (mutable arrays, as OpenAPI types want them). */
export type OpenApiMetricSchema =
  (Omit<ScalarMetricSchema, 'enum'> & { enum?: string[] }) | (Omit<ObjectMetricSchema, 'required'> & { required: string[] });

/** OpenAPI `properties` of a metrics block. */
export function metricSchemas(names: readonly MetricName[]): Record<string, OpenApiMetricSchema> {
  return Object.fromEntries(names.map((name) => [name, openApiSchema(METRIC_FIELDS[name].schema)]));
}

function openApiSchema(schema: MetricSchema): OpenApiMetricSchema {
  if (schema.type === 'object') return { ...schema, required: [...schema.required] };
  const { enum: values, ...rest } = schema;
  return values ? { ...rest, enum: [...values] } : rest;
}
