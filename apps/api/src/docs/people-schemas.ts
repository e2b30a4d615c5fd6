import type { SchemaObject } from '@nestjs/swagger';
import type { AccountPeopleBody } from '@coil/accounts';
import { USER_SCHEMA } from './account-schemas';

const link: SchemaObject = { type: 'object', properties: { href: { type: 'string' } } };

/** A person is GET /v1/users's user without account_ids and _links: the same fields, documented once. */
const PERSON_FIELDS = ['id', 'external_id', 'name', 'email', 'metrics'];
const PERSON_SCHEMA: SchemaObject = {
  type: 'object',
  properties: Object.fromEntries(Object.entries(USER_SCHEMA.properties ?? {}).filter(([name]) => PERSON_FIELDS.includes(name))),
};

export const ACCOUNT_PEOPLE_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    data: {
      type: 'array',
      items: PERSON_SCHEMA,
      description: 'Users with a membership in the account, by engagement_score then id, descending',
    },
    next_cursor: { type: 'string', nullable: true, description: 'Pass as cursor for the next page; null on the last page' },
    _links: { type: 'object', properties: { self: link, next: { ...link, nullable: true } } },
  },
};

export const ACCOUNT_PEOPLE_EXAMPLE: AccountPeopleBody = {
  data: [
    {
      id: '9001',
      external_id: 'user-42',
      name: 'Sarah Johnson',
      email: 'sarah@techcorp.com',
      metrics: {
        engagement_score: 82.5,
        raw_score: 640,
        scoring_profile_events: 57,
        first_seen: '2023-01-15',
        last_seen: '2025-09-21',
        engagement_score_change: 6,
        frequency: 18,
        adoption_rate: 0.5,
        lifetime_adoption_rate: 0.75,
        last_active: '2025-09-21',
        trend: 'steady',
        activation: null,
        profile: 'default',
      },
    },
  ],
  next_cursor: 'eyJhY2NvdW50X2lkIjoiNDU2IiwiZW5nYWdlbWVudF9zY29yZSI6ODIuNSwiaWQiOiI5MDAxIn0',
  _links: {
    self: { href: '/v1/accounts/users?workspace_id=13&id=456&limit=1' },
    next: {
      href: '/v1/accounts/users?workspace_id=13&id=456&limit=1&cursor=eyJhY2NvdW50X2lkIjoiNDU2IiwiZW5nYWdlbWVudF9zY29yZSI6ODIuNSwiaWQiOiI5MDAxIn0',
    },
  },
};
