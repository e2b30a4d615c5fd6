import type { ProfileSelector } from '../profiles/profile-resolver';
import { ACCOUNT_LOOKUP, PROFILE, WORKSPACE_ID, type QuerySpec } from '../query/query-spec';
import { compileQueryValidator, toLookup, type Lookup } from '../query/query-validator';

/** GET /v1/accounts/explain: the lookups of /v1/accounts and a profile. */
export const ACCOUNT_EXPLAIN_QUERY: QuerySpec = {
  lookup: true,
  parameters: { workspace_id: WORKSPACE_ID, ...ACCOUNT_LOOKUP, profile: PROFILE },
};

export interface AccountExplainQuery {
  workspaceId: string;
  lookup: Lookup;
  profile: ProfileSelector;
}

type RawExplainQuery = { workspace_id: string; id?: string; match_type?: string; match_value?: string; profile?: string };

const validateExplainQuery = compileQueryValidator<RawExplainQuery>(ACCOUNT_EXPLAIN_QUERY);

export function parseAccountExplainQuery(query: unknown): AccountExplainQuery {
  const raw = validateExplainQuery(query);
  return { workspaceId: raw.workspace_id, lookup: toLookup(raw), profile: raw.profile ?? null };
}
