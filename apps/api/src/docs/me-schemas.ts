import type { SchemaObject } from '@nestjs/swagger';
import type { MeBody } from '@coil/accounts';

export const ME_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    workspace_id: { type: 'string', description: 'Pass as workspace_id to every other read' },
    workspace_name: { type: 'string' },
  },
  required: ['workspace_id', 'workspace_name'],
};

export const ME_EXAMPLE: MeBody = { workspace_id: '1', workspace_name: 'Acme' };
