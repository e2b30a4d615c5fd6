import Ajv from 'ajv';
import { CoilError } from '@coil/domain';

/** Where a page ended: the last row's sort value and id, bound to the sort it was made for. */
export interface ListCursor {
  sort: string;
  order: 'asc' | 'desc';
  value: number;
  id: string;
}

const isCursor = new Ajv({ strict: true }).compile<ListCursor>({
  type: 'object',
  properties: {
    sort: { type: 'string' },
    order: { enum: ['asc', 'desc'] },
    value: { type: 'number' },
    id: { type: 'string', pattern: '^[0-9]{1,18}$' },
  },
  required: ['sort', 'order', 'value', 'id'],
  additionalProperties: false,
});

/** Opaque to clients: base64url JSON, so its layout may change without breaking them. */
export function encodeCursor(cursor: object): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** The cursor `encodeCursor` made, if `isValid` accepts it; otherwise a 400 naming `cursor` and `reason`. */
export function decodeOpaqueCursor<T>(text: string, isValid: (cursor: unknown) => cursor is T, reason: string): T {
  let cursor: unknown;
  try {
    cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    cursor = null;
  }
  if (!isValid(cursor)) throw new CoilError('bad_request', 'invalid_parameter', `cursor ${reason}`, { parameter: 'cursor', reason });
  return cursor;
}

export function decodeCursor(text: string, sort: string, order: 'asc' | 'desc'): ListCursor {
  const sameListing = (cursor: unknown): cursor is ListCursor => isCursor(cursor) && cursor.sort === sort && cursor.order === order;
  return decodeOpaqueCursor(text, sameListing, 'is not a cursor returned by this listing with the same sort and order');
}
