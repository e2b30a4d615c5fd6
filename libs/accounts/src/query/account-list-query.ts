import { decodeCursor, type ListCursor, type Listing } from './list-cursor';
import { LIST_SORTS, type ListSort } from './list-sorts';
import type { ProfileSelector } from '../profiles/profile-resolver';
import {
  CURSOR,
  NUMERIC_ID_PATTERN,
  pageSizeOf,
  pageSizeParameter,
  PROFILE,
  WORKSPACE_ID,
  type QueryParameter,
  type QuerySpec,
} from './query-spec';
import { compileQueryValidator } from './query-validator';

export const LIST_EXPANSIONS = ['segments', 'history'] as const;
export type ListExpansion = (typeof LIST_EXPANSIONS)[number];

/** Days of the `history` expansion (the sparkline), ending today. */
export const LIST_HISTORY_DAYS = 30;

/** Order and filters, shared by the list and its CSV export. */
export const LISTING_PARAMETERS: Record<'sort' | 'order' | 'segment' | 'q', QueryParameter> = {
  sort: {
    schema: { type: 'string', enum: [...LIST_SORTS] },
    description:
      'Column to order by (default engagement_score). name and domain ignore case; nulls come last in both orders; ties are broken by account id in the same order',
    expected: `must be one of ${LIST_SORTS.join(', ')}`,
    example: 'engagement_score',
  },
  order: {
    schema: { type: 'string', enum: ['asc', 'desc'] },
    description: 'asc or desc (default desc)',
    expected: 'must be asc or desc',
    example: 'desc',
  },
  segment: {
    schema: { type: 'string', pattern: NUMERIC_ID_PATTERN },
    description: 'Only the accounts currently in this segment (its id); an unknown segment is a 404',
    expected: 'must be a numeric segment id',
    example: '3',
  },
  q: {
    schema: { type: 'string', minLength: 1, maxLength: 200 },
    description: 'Only the accounts whose name or domain contains this text, ignoring case (% and _ match themselves)',
    expected: 'must be a text of 1 to 200 characters',
    example: 'acme',
  },
};

export const ACCOUNT_LIST_QUERY: QuerySpec = {
  lookup: false,
  parameters: {
    workspace_id: WORKSPACE_ID,
    ...LISTING_PARAMETERS,
    expand: {
      schema: { type: 'string', pattern: `^(${LIST_EXPANSIONS.join('|')})(,(${LIST_EXPANSIONS.join('|')}))*$` },
      description:
        `Comma list of ${LIST_EXPANSIONS.join(', ')}: each item then carries segments (current memberships, by name) ` +
        `and/or history (its stored daily engagement_score of the last ${LIST_HISTORY_DAYS} days, oldest first)`,
      expected: `must be a comma list of ${LIST_EXPANSIONS.join(', ')}`,
      example: 'segments,history',
    },
    limit: pageSizeParameter('Accounts'),
    cursor: CURSOR,
    profile: PROFILE,
  },
};

export interface AccountListQuery extends Listing {
  workspaceId: string;
  expand: ListExpansion[];
  limit: number;
  after: ListCursor | null;
  profile: ProfileSelector;
}

export type RawListingQuery = {
  workspace_id: string;
  sort?: ListSort;
  order?: 'asc' | 'desc';
  segment?: string;
  q?: string;
  profile?: string;
};

type RawListQuery = RawListingQuery & { expand?: string; limit?: string; cursor?: string };

const validateListQuery = compileQueryValidator<RawListQuery>(ACCOUNT_LIST_QUERY);

/** Defaults: engagement_score, desc, no filter. */
export function listingOf(raw: RawListingQuery): Listing {
  return { sort: raw.sort ?? 'engagement_score', order: raw.order ?? 'desc', segment: raw.segment ?? null, q: raw.q ?? null };
}

export function parseAccountListQuery(query: unknown): AccountListQuery {
  const raw = validateListQuery(query);
  const listing = listingOf(raw);
  return {
    workspaceId: raw.workspace_id,
    ...listing,
    expand: LIST_EXPANSIONS.filter((name) => raw.expand?.split(',').includes(name)),
    limit: pageSizeOf(raw.limit),
    after: raw.cursor === undefined ? null : decodeCursor(raw.cursor, listing),
    profile: raw.profile ?? null,
  };
}
