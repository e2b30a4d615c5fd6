import Ajv from 'ajv';
import { decodeOpaqueCursor, encodeCursor } from '../query/list-cursor';

/** Where a page of an account's people ended: the account, the last user's engagement score and id. */
export interface PeopleCursor {
  /** A cursor opens only the account it was made for. */
  account_id: string;
  engagement_score: number;
  id: string;
}

const ID = { type: 'string', pattern: '^[0-9]{1,18}$' } as const;

const isPeopleCursor = new Ajv({ strict: true }).compile<PeopleCursor>({
  type: 'object',
  properties: { account_id: ID, engagement_score: { type: 'number' }, id: ID },
  required: ['account_id', 'engagement_score', 'id'],
  additionalProperties: false,
});

export function encodePeopleCursor(cursor: PeopleCursor): string {
  return encodeCursor({ account_id: cursor.account_id, engagement_score: cursor.engagement_score, id: cursor.id });
}

/** Checks the shape only; which account it is for is checked once the account is found. */
export function decodePeopleCursor(text: string): PeopleCursor {
  return decodeOpaqueCursor(text, (cursor: unknown): cursor is PeopleCursor => isPeopleCursor(cursor), PEOPLE_CURSOR_REASON);
}

export const PEOPLE_CURSOR_REASON = "is not a cursor returned by this listing of this account's people";
