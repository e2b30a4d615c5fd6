import type { SchemaObject } from '@nestjs/swagger';

const USE_PROPERTIES: Record<string, SchemaObject> = {
  accounts: {
    type: 'integer',
    description: 'Accounts whose users used the feature (events without an account count for each account of the user)',
  },
  users: { type: 'integer', description: 'Identified users who used it' },
  events: { type: 'integer', description: "Events of the feature's event names" },
  adoption: {
    type: 'number',
    description: 'accounts / accounts with a scored event in the workspace (that day, or over the range), two decimals; 0 when none',
  },
};

export const FEATURES_SCHEMA: SchemaObject = {
  type: 'object',
  description:
    "The profile's features that hold a scored event; without features, each scored event of the profile (every event when nothing is configured) as its own feature",
  properties: {
    features: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          events: { type: 'array', items: { type: 'string' }, description: 'Event names of the feature' },
          days: {
            type: 'array',
            description: 'Every UTC day of the range, oldest first (zeros when unused)',
            items: { type: 'object', properties: { day: { type: 'string', format: 'date' }, ...USE_PROPERTIES } },
          },
          totals: { type: 'object', description: 'Distinct accounts and users over the whole range', properties: USE_PROPERTIES },
        },
      },
    },
  },
};

export const ACCOUNT_FEATURES_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    features: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          events: { type: 'integer', description: "Events of the feature the account's users sent in the range" },
          users: { type: 'integer', description: 'Users of the account who used it in the range' },
          last_used: {
            type: 'string',
            format: 'date',
            nullable: true,
            description: 'Last UTC day the account used it, ever; null when never',
          },
        },
      },
    },
    used: { type: 'array', items: { type: 'string' }, description: 'Features used in the range' },
    unused: { type: 'array', items: { type: 'string' }, description: 'Features not used in the range' },
  },
};

export const ACCOUNT_FEATURES_EXAMPLE = {
  id: '456',
  features: [
    { name: 'Exports', events: 0, users: 0, last_used: '2025-07-02' },
    { name: 'Reports', events: 42, users: 3, last_used: '2025-09-21' },
  ],
  used: ['Reports'],
  unused: ['Exports'],
};
