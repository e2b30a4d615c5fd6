import type { ProfileSelector } from '../profiles/profile-resolver';
import { USER_LOOKUP, PROFILE, WORKSPACE_ID, type QuerySpec } from './query-spec';
import { compileQueryValidator, toLookup, type Lookup } from './query-validator';

export const USER_QUERY: QuerySpec = {
  lookup: true,
  parameters: {
    workspace_id: WORKSPACE_ID,
    ...USER_LOOKUP,
    profile: PROFILE,
  },
};

export interface UserQuery {
  workspaceId: string;
  lookup: Lookup;
  profile: ProfileSelector;
}

type RawUserQuery = { workspace_id: string; id?: string; match_type?: string; match_value?: string; profile?: string };

const validateUserQuery = compileQueryValidator<RawUserQuery>(USER_QUERY);

export function parseUserQuery(query: unknown): UserQuery {
  const raw = validateUserQuery(query);
  return { workspaceId: raw.workspace_id, lookup: toLookup(raw), profile: raw.profile ?? null };
}
