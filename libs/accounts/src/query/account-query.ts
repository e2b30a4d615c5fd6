import { ACCOUNT_BLOCKS, isAccountBlock, type AccountBlock } from '../blocks/account-block';
import type { ProfileSelector } from '../profiles/profile-resolver';
import { ACCOUNT_LOOKUP, PROFILE, WORKSPACE_ID, type QuerySpec } from './query-spec';
import { compileQueryValidator, toLookup, type Lookup } from './query-validator';

export const ACCOUNT_QUERY: QuerySpec = {
  lookup: true,
  parameters: {
    workspace_id: WORKSPACE_ID,
    ...ACCOUNT_LOOKUP,
    expand: {
      schema: { type: 'string', maxLength: 256 },
      description: `Comma list of optional blocks: ${ACCOUNT_BLOCKS.join(', ')}; unknown names are reported in _expansions.unknown_parameters`,
      expected: 'must be a comma list of at most 256 characters',
      example: 'traits,segments',
    },
    profile: PROFILE,
  },
};

export interface ExpandRequest {
  blocks: AccountBlock[];
  unknown: string[];
}

export interface AccountQuery {
  workspaceId: string;
  lookup: Lookup;
  expand: ExpandRequest;
  profile: ProfileSelector;
}

type RawAccountQuery = {
  workspace_id: string;
  id?: string;
  match_type?: string;
  match_value?: string;
  expand?: string;
  profile?: string;
};

const validateAccountQuery = compileQueryValidator<RawAccountQuery>(ACCOUNT_QUERY);

/** The query string of GET /v1/accounts, validated; throws a 400 naming the parameter. */
export function parseAccountQuery(query: unknown): AccountQuery {
  const raw = validateAccountQuery(query);
  return { workspaceId: raw.workspace_id, lookup: toLookup(raw), expand: parseExpand(raw.expand), profile: raw.profile ?? null };
}

export function parseExpand(expand: string | undefined): ExpandRequest {
  const names = [
    ...new Set(
      (expand ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ];
  return { blocks: names.filter(isAccountBlock), unknown: names.filter((name) => !isAccountBlock(name)) };
}
