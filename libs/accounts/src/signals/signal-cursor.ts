import Ajv from 'ajv';
import { decodeOpaqueCursor, encodeCursor } from '../query/list-cursor';

/** Where a page of the feed ended: the last signal's time and id (the feed's order). */
export interface SignalCursor {
  /** ISO 8601 with milliseconds, the precision signals are stored with. */
  occurred_at: string;
  id: string;
}

const isSignalCursor = new Ajv({ strict: true }).compile<SignalCursor>({
  type: 'object',
  properties: {
    occurred_at: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$' },
    id: { type: 'string', minLength: 1, maxLength: 200 },
  },
  required: ['occurred_at', 'id'],
  additionalProperties: false,
});

export function encodeSignalCursor(cursor: SignalCursor): string {
  return encodeCursor({ occurred_at: cursor.occurred_at, id: cursor.id });
}

export function decodeSignalCursor(text: string): SignalCursor {
  const valid = (cursor: unknown): cursor is SignalCursor => isSignalCursor(cursor) && !Number.isNaN(Date.parse(cursor.occurred_at));
  return decodeOpaqueCursor(text, valid, 'is not a cursor returned by this listing');
}
