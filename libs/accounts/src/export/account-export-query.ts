import type { Listing } from '../query/list-cursor';
import { listingOf, LISTING_PARAMETERS, type RawListingQuery } from '../query/account-list-query';
import { PROFILE, WORKSPACE_ID, type QuerySpec } from '../query/query-spec';
import { compileQueryValidator } from '../query/query-validator';
import type { ProfileSelector } from '../profiles/profile-resolver';

/** The list's order and filters; the whole listing, so no limit, cursor or expand. */
export const ACCOUNT_EXPORT_QUERY: QuerySpec = {
  lookup: false,
  parameters: { workspace_id: WORKSPACE_ID, ...LISTING_PARAMETERS, profile: PROFILE },
};

export interface AccountExportQuery extends Listing {
  workspaceId: string;
  profile: ProfileSelector;
}

const validateExportQuery = compileQueryValidator<RawListingQuery>(ACCOUNT_EXPORT_QUERY);

export function parseAccountExportQuery(query: unknown): AccountExportQuery {
  const raw = validateExportQuery(query);
  return { workspaceId: raw.workspace_id, ...listingOf(raw), profile: raw.profile ?? null };
}
