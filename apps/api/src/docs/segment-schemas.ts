import type { SchemaObject } from '@nestjs/swagger';
import type { SegmentsBody } from '@coil/accounts';

export const SEGMENTS_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    segments: {
      type: 'array',
      description: 'Every segment of the workspace, by name',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', description: 'Pass as segment to /v1/accounts/list to read the members' },
          name: { type: 'string' },
          rule: { type: 'string', description: 'The rule the scoring run evaluates, e.g. engagement_score < 30' },
          builtin: { type: 'boolean', description: 'One of the suggested segments every workspace is given' },
          members: { type: 'integer', description: 'Accounts in the segment now' },
          history: {
            type: 'array',
            description:
              'One point per UTC day of the last `days` days ending today, oldest first: the accounts in the segment at the end of that day (0 when none)',
            items: {
              type: 'object',
              properties: { day: { type: 'string', format: 'date' }, members: { type: 'integer' } },
            },
          },
        },
      },
    },
  },
};

export const SEGMENTS_EXAMPLE: SegmentsBody = {
  segments: [
    {
      id: '3',
      name: 'At risk',
      rule: 'engagement_score < 30',
      builtin: true,
      members: 14,
      history: [
        { day: '2025-09-19', members: 11 },
        { day: '2025-09-20', members: 12 },
        { day: '2025-09-21', members: 14 },
      ],
    },
  ],
};
