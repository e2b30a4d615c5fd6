import { decodeCursor, type ListCursor } from './list-cursor';
import type { ProfileSelector } from '../profiles/profile-resolver';
import { CURSOR, pageSizeOf, pageSizeParameter, PROFILE, WORKSPACE_ID, type QuerySpec } from './query-spec';
import { compileQueryValidator } from './query-validator';

export const LIST_SORTS = ['engagement_score', 'raw_score'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export const ACCOUNT_LIST_QUERY: QuerySpec = {
  lookup: false,
  parameters: {
    workspace_id: WORKSPACE_ID,
    sort: {
      schema: { type: 'string', enum: [...LIST_SORTS] },
      description: 'Metric to order by (default engagement_score); ties are broken by account id',
      expected: `must be one of ${LIST_SORTS.join(', ')}`,
      example: 'engagement_score',
    },
    order: {
      schema: { type: 'string', enum: ['asc', 'desc'] },
      description: 'asc or desc (default desc)',
      expected: 'must be asc or desc',
      example: 'desc',
    },
    limit: pageSizeParameter('Accounts'),
    cursor: CURSOR,
    profile: PROFILE,
  },
};

export interface AccountListQuery {
  workspaceId: string;
  sort: ListSort;
  order: 'asc' | 'desc';
  limit: number;
  after: ListCursor | null;
  profile: ProfileSelector;
}

type RawListQuery = { workspace_id: string; sort?: ListSort; order?: 'asc' | 'desc'; limit?: string; cursor?: string; profile?: string };

const validateListQuery = compileQueryValidator<RawListQuery>(ACCOUNT_LIST_QUERY);

export function parseAccountListQuery(query: unknown): AccountListQuery {
  const raw = validateListQuery(query);
  const sort = raw.sort ?? 'engagement_score';
  const order = raw.order ?? 'desc';
  return {
    workspaceId: raw.workspace_id,
    sort,
    order,
    limit: pageSizeOf(raw.limit),
    after: raw.cursor === undefined ? null : decodeCursor(raw.cursor, sort, order),
    profile: raw.profile ?? null,
  };
}
