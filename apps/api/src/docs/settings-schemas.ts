import type { SchemaObject } from '@nestjs/swagger';
import type { SettingsBody } from '@coil/accounts';

const strings: SchemaObject = { type: 'array', items: { type: 'string' } };

const PROFILE_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    name: { type: 'string', description: 'Pass as profile to the other reads' },
    is_default: { type: 'boolean' },
    window_days: { type: 'integer', enum: [1, 7, 30], description: 'The time frame scored' },
    normalization: { type: 'string', enum: ['exponential', 'winsorized'] },
    filter: { type: 'string', nullable: true, description: 'Trait filter of the users scored; null: every user' },
    event_weights: {
      type: 'array',
      description: "Direct weights of events, by event; they win over the event's feature",
      items: { type: 'object', properties: { event: { type: 'string' }, weight: { type: 'integer' } } },
    },
  },
};

export const SETTINGS_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    profiles: {
      type: 'array',
      items: PROFILE_SCHEMA,
      description: 'Default first, then by age; before anything is configured, the default profile scoring will create',
    },
    features: {
      type: 'array',
      description: 'By name; each event is in at most one feature',
      items: { type: 'object', properties: { name: { type: 'string' }, weight: { type: 'integer' }, events: strings } },
    },
    activation: {
      type: 'object',
      nullable: true,
      description: 'The activation checklist; null when the workspace has none',
      properties: {
        steps: {
          type: 'array',
          description: 'In checklist order',
          items: {
            type: 'object',
            properties: {
              kind: { type: 'string', enum: ['event', 'feature'] },
              name: { type: 'string' },
              min_count: { type: 'integer' },
            },
          },
        },
        required_users: { type: 'integer', nullable: true, description: 'Users an account needs activated each; null: its users together' },
      },
    },
    signals: {
      type: 'object',
      properties: {
        score_threshold: { type: 'integer', description: 'Score change against one time frame earlier that makes a trend hot or cold' },
        watched_traits: { ...strings, description: 'Traits whose changes are trait_changed signals' },
        retention_days: { type: 'integer', description: 'Days signals are kept' },
      },
    },
  },
};

export const SETTINGS_EXAMPLE: SettingsBody = {
  profiles: [
    {
      name: 'default',
      is_default: true,
      window_days: 30,
      normalization: 'exponential',
      filter: null,
      event_weights: [{ event: 'Report_Created', weight: 8 }],
    },
    { name: 'admins', is_default: false, window_days: 7, normalization: 'winsorized', filter: 'user.role = admin', event_weights: [] },
  ],
  features: [{ name: 'Reports', weight: 5, events: ['report_created', 'report_shared'] }],
  activation: {
    steps: [
      { kind: 'event', name: 'Report_Created', min_count: 1 },
      { kind: 'event', name: 'Invite Sent', min_count: 3 },
    ],
    required_users: null,
  },
  signals: { score_threshold: 10, watched_traits: ['plan', 'status', 'mrr'], retention_days: 90 },
};
