import Ajv from 'ajv';
import { CoilError } from '@coil/domain';
import { isSortValue, type ListSort } from './list-sorts';

/** Where a page ended in the sort order: the last row's sort value (null sorts last) and id. */
export interface ListPosition {
  value: number | string | null;
  id: string;
}

/** What a listing is: its order and its filters. A cursor is only valid in the listing it came from. */
export interface Listing {
  sort: ListSort;
  order: 'asc' | 'desc';
  segment: string | null;
  q: string | null;
}

/** A position bound to its listing. */
export type ListCursor = Listing & ListPosition;

const isCursor = new Ajv({ strict: true }).compile<ListCursor>({
  type: 'object',
  properties: {
    sort: { type: 'string' },
    order: { enum: ['asc', 'desc'] },
    // Cursors made before the filters existed have neither: they read as null.
    segment: { type: 'string', nullable: true },
    q: { type: 'string', nullable: true },
    // Its type depends on the sort: isSortValue checks it.
    value: {},
    id: { type: 'string', pattern: '^[0-9]{1,18}$' },
  },
  required: ['sort', 'order', 'value', 'id'],
  additionalProperties: false,
});

/** Opaque to clients: base64url JSON, so its layout may change without breaking them. */
export function encodeCursor(cursor: object): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** The 400 of a cursor this listing did not make, naming `cursor` and why. */
export function invalidCursor(reason: string): CoilError {
  return new CoilError('bad_request', 'invalid_parameter', `cursor ${reason}`, { parameter: 'cursor', reason });
}

/** The cursor `encodeCursor` made, if `isValid` accepts it; otherwise invalidCursor(reason). */
export function decodeOpaqueCursor<T>(text: string, isValid: (cursor: unknown) => cursor is T, reason: string): T {
  let cursor: unknown;
  try {
    cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    cursor = null;
  }
  if (!isValid(cursor)) throw invalidCursor(reason);
  return cursor;
}

/** Only the listing's own fields: `listing` may be a whole query. */
export function encodeListCursor(listing: Listing, position: ListPosition): string {
  const { sort, order, segment, q } = listing;
  return encodeCursor({ sort, order, segment, q, value: position.value, id: position.id });
}

/** The cursor of this listing (same sort, order, segment and q), its value of the sort's type. */
export function decodeCursor(text: string, listing: Listing): ListCursor {
  const sameListing = (cursor: unknown): cursor is ListCursor =>
    isCursor(cursor) &&
    cursor.sort === listing.sort &&
    cursor.order === listing.order &&
    (cursor.segment ?? null) === listing.segment &&
    (cursor.q ?? null) === listing.q &&
    isSortValue(listing.sort, cursor.value);
  const cursor = decodeOpaqueCursor(text, sameListing, 'is not a cursor returned by this listing with the same sort, order, segment and q');
  return { ...listing, value: cursor.value, id: cursor.id };
}
