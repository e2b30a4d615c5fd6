import type { SchemaObject } from '@nestjs/swagger';
import { EXPLANATION_SCHEMA } from './explanation-schemas';
import {
  ACCOUNT_BLOCKS,
  ACCOUNT_METRICS,
  EXPORT_COLUMNS,
  EXPAND_DOCUMENTATION,
  LIST_HISTORY_DAYS,
  metricSchemas,
  USER_BLOCKS,
  USER_METRICS,
  type ServedAccountMetrics,
} from '@coil/accounts';

const nullableString: SchemaObject = { type: 'string', nullable: true };
const link: SchemaObject = { type: 'object', properties: { href: { type: 'string' } } };

export const ACCOUNT_METRICS_SCHEMA: SchemaObject = {
  type: 'object',
  description:
    'Latest scoring run of the profile read (?profile=NAME; default: the default profile). An account never scored has every number 0, ' +
    'engagement_score_change, the days and activation null, trend steady.',
  properties: metricSchemas(ACCOUNT_METRICS),
};

const SEGMENT_ITEM: SchemaObject = {
  type: 'object',
  properties: { id: { type: 'string' }, name: { type: 'string' }, entered_at: { type: 'string', format: 'date-time' } },
};

const ACCOUNT_SUMMARY_PROPERTIES: Record<string, SchemaObject> = {
  id: { type: 'string' },
  name: nullableString,
  domain: nullableString,
  tracking_id: { type: 'string', description: 'The groupId sent at ingest' },
  metrics: ACCOUNT_METRICS_SCHEMA,
};

function expansionsSchema(blocks: readonly string[]): SchemaObject {
  return {
    type: 'object',
    properties: {
      available: { type: 'array', items: { type: 'string', enum: [...blocks] } },
      documentation: { type: 'string' },
      unknown_parameters: { type: 'array', items: { type: 'string' } },
      error: nullableString,
      cached_at: {
        type: 'object',
        additionalProperties: { type: 'string', format: 'date-time' },
        description: 'When each served block was computed',
      },
    },
  };
}

const explanationBlock: SchemaObject = {
  ...EXPLANATION_SCHEMA,
  nullable: true,
  description: `Only with expand=explanation; cached up to 15 min. ${EXPLANATION_SCHEMA.description}`,
};

export const ACCOUNT_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    ...ACCOUNT_SUMMARY_PROPERTIES,
    traits: { type: 'object', additionalProperties: true, nullable: true, description: 'Only with expand=traits; cached up to 15 min' },
    segments: {
      type: 'array',
      nullable: true,
      description: 'Only with expand=segments; cached up to 10 min',
      items: SEGMENT_ITEM,
    },
    insights: { type: 'object', additionalProperties: true, nullable: true, description: 'Only with expand=insights; cached up to 30 min' },
    explanation: explanationBlock,
    _expansions: expansionsSchema(ACCOUNT_BLOCKS),
    _links: { type: 'object', properties: { self: link } },
  },
};

export const ACCOUNT_LIST_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    data: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          ...ACCOUNT_SUMMARY_PROPERTIES,
          segments: { type: 'array', items: SEGMENT_ITEM, description: 'Only with expand=segments: current memberships, by name' },
          history: {
            type: 'array',
            description: `Only with expand=history: the stored daily engagement_score of the last ${LIST_HISTORY_DAYS} UTC days ending today, oldest first`,
            items: { type: 'object', properties: { day: { type: 'string', format: 'date' }, engagement_score: { type: 'number' } } },
          },
        },
      },
    },
    next_cursor: { ...nullableString, description: 'Pass as cursor for the next page; null on the last page' },
    _links: { type: 'object', properties: { self: link, next: { ...link, nullable: true } } },
  },
};

export const USER_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    external_id: { type: 'string', description: 'The userId sent at ingest' },
    name: nullableString,
    email: nullableString,
    account_ids: { type: 'array', items: { type: 'string' } },
    metrics: {
      type: 'object',
      description: 'Latest scoring run of the profile read, as for accounts; a user is its own only possible active user',
      properties: metricSchemas(USER_METRICS),
    },
    explanation: explanationBlock,
    _expansions: { ...expansionsSchema(USER_BLOCKS), description: 'Only when the request has expand' },
    _links: { type: 'object', properties: { self: link } },
  },
};

/** read-api.md's example, with expand=segments. */
export const ACCOUNT_EXAMPLE = {
  id: '456',
  name: 'TechCorp Solutions',
  domain: 'techcorp.com',
  tracking_id: 'ext-12345',
  metrics: {
    engagement_score: 75.5,
    engagement_score_change: -4.5,
    raw_score: 2150,
    owner_name: 'Sarah Johnson',
    first_seen: '2023-01-15',
    last_seen: '2025-09-21',
    active_users: 12,
    activation_rate: 0.85,
    overall_scored_events: 4520,
    recently_scored_events: 380,
    scoring_profile_events: 95,
    total_people_count: 18,
    total_active_people_count: 12,
    frequency: 4,
    adoption_rate: 0.6,
    lifetime_adoption_rate: 0.8,
    last_active: '2025-09-21',
    trend: 'steady',
    activation: { rate: 1, completed: ['Report_Created', 'Invite Sent>=3'], missing: [], activated_at: '2023-02-02' },
    profile: 'default',
  } satisfies ServedAccountMetrics,
  segments: [{ id: '3', name: 'At risk', entered_at: '2025-09-20T00:00:00Z' }],
  _expansions: {
    available: [...ACCOUNT_BLOCKS],
    documentation: EXPAND_DOCUMENTATION,
    unknown_parameters: [],
    error: null,
    cached_at: { segments: '2025-09-21T10:00:00.000Z' },
  },
  _links: { self: { href: '/v1/accounts?id=456&workspace_id=13' } },
};

/** A page of GET /v1/accounts/list?expand=segments,history, the example account's metrics. */
export const ACCOUNT_LIST_EXAMPLE = {
  data: [
    {
      id: ACCOUNT_EXAMPLE.id,
      name: ACCOUNT_EXAMPLE.name,
      domain: ACCOUNT_EXAMPLE.domain,
      tracking_id: ACCOUNT_EXAMPLE.tracking_id,
      metrics: ACCOUNT_EXAMPLE.metrics,
      segments: ACCOUNT_EXAMPLE.segments,
      history: [
        { day: '2025-09-20', engagement_score: 80 },
        { day: '2025-09-21', engagement_score: 75.5 },
      ],
    },
  ],
  next_cursor: null,
  _links: {
    self: { href: '/v1/accounts/list?workspace_id=13&sort=name&order=asc&q=tech&limit=100&expand=segments%2Chistory' },
    next: null,
  },
};

/** The header and the example account as a line of GET /v1/accounts/export.csv. */
export const ACCOUNT_EXPORT_EXAMPLE = `${EXPORT_COLUMNS.join(',')}\r\n456,TechCorp Solutions,techcorp.com,ext-12345,75.5,-4.5,steady,12,18,2025-09-21,At risk\r\n`;
