import type { ProfileSelector } from '../profiles/profile-resolver';
import { ACCOUNT_LOOKUP, CURSOR, pageSizeOf, pageSizeParameter, PROFILE, WORKSPACE_ID, type QuerySpec } from '../query/query-spec';
import { compileQueryValidator, toLookup, type Lookup } from '../query/query-validator';
import { decodePeopleCursor, type PeopleCursor } from './people-cursor';

export const ACCOUNT_PEOPLE_QUERY: QuerySpec = {
  lookup: true,
  parameters: {
    workspace_id: WORKSPACE_ID,
    ...ACCOUNT_LOOKUP,
    limit: pageSizeParameter('Users'),
    cursor: CURSOR,
    profile: PROFILE,
  },
};

export interface AccountPeopleQuery {
  workspaceId: string;
  lookup: Lookup;
  limit: number;
  after: PeopleCursor | null;
  profile: ProfileSelector;
}

type RawPeopleQuery = {
  workspace_id: string;
  id?: string;
  match_type?: string;
  match_value?: string;
  limit?: string;
  cursor?: string;
  profile?: string;
};

const validatePeopleQuery = compileQueryValidator<RawPeopleQuery>(ACCOUNT_PEOPLE_QUERY);

/** The query string of GET /v1/accounts/users, validated; throws a 400 naming the parameter. */
export function parseAccountPeopleQuery(query: unknown): AccountPeopleQuery {
  const raw = validatePeopleQuery(query);
  return {
    workspaceId: raw.workspace_id,
    lookup: toLookup(raw),
    limit: pageSizeOf(raw.limit),
    after: raw.cursor === undefined ? null : decodePeopleCursor(raw.cursor),
    profile: raw.profile ?? null,
  };
}
