import { ACCOUNT_BLOCKS, isAccountBlock, type AccountBlock } from '../blocks/account-block';
import type { ProfileSelector } from '../profiles/profile-resolver';
import { ACCOUNT_LOOKUP, PROFILE, WORKSPACE_ID, type QueryParameter, type QuerySpec } from './query-spec';
import { compileQueryValidator, toLookup, type Lookup } from './query-validator';

export const ACCOUNT_QUERY: QuerySpec = {
  lookup: true,
  parameters: {
    workspace_id: WORKSPACE_ID,
    ...ACCOUNT_LOOKUP,
    expand: expandParameter(ACCOUNT_BLOCKS, 'traits,segments'),
    profile: PROFILE,
  },
};

export interface ExpandRequest<B extends string = AccountBlock> {
  blocks: B[];
  unknown: string[];
}

/** `expand` of an endpoint with these blocks. */
export function expandParameter(blocks: readonly string[], example: string): QueryParameter {
  return {
    schema: { type: 'string', maxLength: 256 },
    description: `Comma list of optional blocks: ${blocks.join(', ')}; unknown names are reported in _expansions.unknown_parameters`,
    expected: 'must be a comma list of at most 256 characters',
    example,
  };
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
  return {
    workspaceId: raw.workspace_id,
    lookup: toLookup(raw),
    expand: parseExpand(raw.expand, isAccountBlock),
    profile: raw.profile ?? null,
  };
}

export function parseExpand<B extends string>(expand: string | undefined, isBlock: (name: string) => name is B): ExpandRequest<B> {
  const names = [
    ...new Set(
      (expand ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ];
  return { blocks: names.filter(isBlock), unknown: names.filter((name) => !isBlock(name)) };
}
