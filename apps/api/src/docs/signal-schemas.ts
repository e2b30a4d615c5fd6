import type { SchemaObject } from '@nestjs/swagger';
import type { DestinationsBody, SignalsBody } from '@coil/accounts';
import { SIGNAL_KINDS } from '@coil/signals';

const nullableString: SchemaObject = { type: 'string', nullable: true };
const time: SchemaObject = { type: 'string', format: 'date-time' };
const link: SchemaObject = { type: 'object', properties: { href: { type: 'string' } } };

const SIGNAL_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'Deterministic (workspace, kind, subject, transition); the webhook-id of its deliveries' },
    workspace_id: { type: 'string' },
    kind: { type: 'string', enum: [...SIGNAL_KINDS] },
    subject: {
      type: 'object',
      description: 'The account (with tracking_id, the groupId sent at ingest) or user (with external_id, the userId) it is about',
      properties: {
        type: { type: 'string', enum: ['account', 'user'] },
        id: { type: 'string', description: 'Internal id, as id of /v1/accounts and /v1/users' },
        tracking_id: { type: 'string', description: 'Accounts only' },
        external_id: { type: 'string', description: 'Users only' },
        name: nullableString,
      },
    },
    occurred_at: time,
    data: {
      type: 'object',
      additionalProperties: true,
      description:
        'Per kind: score_changed {profile, before, after, change, trend}; segment_entered and segment_exited {segment: {id, name}}; ' +
        'trait_changed {trait, before, after}; feature_first_used {feature: {id, name}, event}; activated {checklist: {steps, required_users}}',
    },
  },
};

export const SIGNALS_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    signals: { type: 'array', items: SIGNAL_SCHEMA, description: 'Newest first by occurred_at, then id' },
    next_cursor: { ...nullableString, description: 'Pass as cursor for the next (older) page; null on the last page' },
    _links: { type: 'object', properties: { self: link, next: { ...link, nullable: true } } },
  },
};

export const SIGNALS_EXAMPLE: SignalsBody = {
  signals: [
    {
      id: 'sig_5b0f3c2e9a7d41c8b6e2f0a1d3c4b5a6',
      workspace_id: '13',
      kind: 'segment_entered',
      subject: { type: 'account', id: '456', tracking_id: 'ext-12345', name: 'TechCorp Solutions' },
      occurred_at: '2025-09-21T10:00:00.000Z',
      data: { segment: { id: '3', name: 'At risk' } },
    },
    {
      id: 'sig_0c9e8d7f6a5b4c3d2e1f0a9b8c7d6e5f',
      workspace_id: '13',
      kind: 'score_changed',
      subject: { type: 'account', id: '456', tracking_id: 'ext-12345', name: 'TechCorp Solutions' },
      occurred_at: '2025-09-21T00:00:00.000Z',
      data: { profile: 'default', before: 86, after: 72.5, change: -13.5, trend: 'cold' },
    },
  ],
  next_cursor: null,
  _links: { self: { href: '/v1/signals?workspace_id=13&limit=100' }, next: null },
};

export const DESTINATIONS_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    destinations: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          type: { type: 'string', enum: ['webhook', 'slack', 'segment', 'hubspot'] },
          url: { type: 'string', description: "Redacted: a Slack URL's last segment, any password and query values read ***" },
          kinds: { type: 'array', items: { type: 'string', enum: [...SIGNAL_KINDS] }, nullable: true, description: 'null: every kind' },
          segments: { type: 'array', items: { type: 'string' }, nullable: true, description: 'null: any account' },
          digest_seconds: { type: 'integer', nullable: true, description: 'Slack digest interval; null: one message per signal' },
          enabled: { type: 'boolean' },
          disabled_reason: nullableString,
          failing_since: { ...time, nullable: true },
          created_at: time,
          last_attempt: {
            type: 'object',
            nullable: true,
            properties: {
              at: time,
              outcome: { type: 'string', enum: ['delivered', 'retry', 'failed'] },
              status_code: { type: 'integer', nullable: true, description: 'null: no response (refused, timed out)' },
            },
          },
          pending: { type: 'integer', description: 'Deliveries waiting to be sent or retried' },
        },
      },
    },
  },
};

export const DESTINATIONS_EXAMPLE: DestinationsBody = {
  destinations: [
    {
      id: '1',
      type: 'webhook',
      url: 'https://crm.example.com/coil/hooks',
      kinds: null,
      segments: null,
      digest_seconds: null,
      enabled: true,
      disabled_reason: null,
      failing_since: null,
      created_at: '2025-09-01T09:30:00.000Z',
      last_attempt: { at: '2025-09-21T10:00:01.214Z', outcome: 'delivered', status_code: 204 },
      pending: 0,
    },
    {
      id: '2',
      type: 'slack',
      url: 'https://hooks.slack.com/services/T0123/B0456/***',
      kinds: ['segment_entered', 'segment_exited'],
      segments: ['At risk'],
      digest_seconds: 900,
      enabled: true,
      disabled_reason: null,
      failing_since: null,
      created_at: '2025-09-02T14:05:00.000Z',
      last_attempt: { at: '2025-09-21T10:15:00.502Z', outcome: 'delivered', status_code: 200 },
      pending: 3,
    },
  ],
};
