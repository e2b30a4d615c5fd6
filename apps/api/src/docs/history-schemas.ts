import type { SchemaObject } from '@nestjs/swagger';

const day: SchemaObject = { type: 'string', format: 'date', description: 'UTC day the scoring run stored the row for' };
const profile: SchemaObject = { type: 'string', description: 'The scoring profile of the series' };

const SUBJECT_POINT: SchemaObject = {
  type: 'object',
  properties: {
    day,
    engagement_score: { type: 'number' },
    raw_score: { type: 'number' },
    active_users: { type: 'integer', description: 'For a user: 1 on a day with scored events in the frame, else 0' },
    scoring_profile_events: { type: 'integer', description: "Scored events in the profile's time frame ending that day" },
  },
};

export const SUBJECT_HISTORY_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    profile,
    points: {
      type: 'array',
      items: SUBJECT_POINT,
      description: 'One per scored day of the range, oldest first; days without a run are absent',
    },
  },
};

export const SUBJECT_HISTORY_EXAMPLE = {
  id: '456',
  profile: 'default',
  points: [
    { day: '2025-09-20', engagement_score: 70, raw_score: 1980, active_users: 11, scoring_profile_events: 88 },
    { day: '2025-09-21', engagement_score: 75.5, raw_score: 2150, active_users: 12, scoring_profile_events: 95 },
  ],
};

export const WORKSPACE_HISTORY_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    workspace_id: { type: 'string' },
    profile,
    points: {
      type: 'array',
      description: 'One per scored day of the range, oldest first',
      items: {
        type: 'object',
        properties: {
          day,
          mean_score: { type: 'number', description: 'Mean engagement_score of the scored accounts' },
          accounts: { type: 'integer', description: 'Accounts scored' },
          active_accounts: { type: 'integer', description: 'Accounts with scored events in the frame' },
          active_users: { type: 'integer', description: 'Distinct users with a scored event in the frame' },
        },
      },
    },
  },
};
