import type { ProfileSelector } from '../profiles/profile-resolver';
import { expandParameter, parseExpand, type ExpandRequest } from './account-query';
import { USER_LOOKUP, PROFILE, WORKSPACE_ID, type QuerySpec } from './query-spec';
import { compileQueryValidator, toLookup, type Lookup } from './query-validator';

/** The optional blocks of GET /v1/users. */
export type UserBlock = 'explanation';
export const USER_BLOCKS: readonly UserBlock[] = ['explanation'];

function isUserBlock(name: string): name is UserBlock {
  return (USER_BLOCKS as readonly string[]).includes(name);
}

export const USER_QUERY: QuerySpec = {
  lookup: true,
  parameters: {
    workspace_id: WORKSPACE_ID,
    ...USER_LOOKUP,
    expand: expandParameter(USER_BLOCKS, 'explanation'),
    profile: PROFILE,
  },
};

export interface UserQuery {
  workspaceId: string;
  lookup: Lookup;
  /** Null when the request has no expand: the body then has no _expansions either. */
  expand: ExpandRequest<UserBlock> | null;
  profile: ProfileSelector;
}

type RawUserQuery = { workspace_id: string; id?: string; match_type?: string; match_value?: string; expand?: string; profile?: string };

const validateUserQuery = compileQueryValidator<RawUserQuery>(USER_QUERY);

export function parseUserQuery(query: unknown): UserQuery {
  const raw = validateUserQuery(query);
  const expand = raw.expand === undefined ? null : parseExpand(raw.expand, isUserBlock);
  return { workspaceId: raw.workspace_id, lookup: toLookup(raw), expand, profile: raw.profile ?? null };
}
