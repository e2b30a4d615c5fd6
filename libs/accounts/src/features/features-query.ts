import { daysOf } from '../history/history-query';
import type { ProfileSelector } from '../profiles/profile-resolver';
import { ACCOUNT_LOOKUP, daysParameter, PROFILE, WORKSPACE_ID, type QuerySpec } from '../query/query-spec';
import { compileQueryValidator, toLookup, type Lookup } from '../query/query-validator';

export const DEFAULT_FEATURE_DAYS = 30;

const DAYS = daysParameter(DEFAULT_FEATURE_DAYS);

export const FEATURES_QUERY: QuerySpec = {
  lookup: false,
  parameters: { workspace_id: WORKSPACE_ID, days: DAYS, profile: PROFILE },
};

export const ACCOUNT_FEATURES_QUERY: QuerySpec = {
  lookup: true,
  parameters: {
    workspace_id: WORKSPACE_ID,
    ...ACCOUNT_LOOKUP,
    days: DAYS,
    profile: PROFILE,
  },
};

export interface FeaturesQuery {
  workspaceId: string;
  days: number;
  profile: ProfileSelector;
}

export interface AccountFeaturesQuery extends FeaturesQuery {
  lookup: Lookup;
}

type RawFeaturesQuery = { workspace_id: string; days?: string; profile?: string };
type RawAccountFeaturesQuery = RawFeaturesQuery & { id?: string; match_type?: string; match_value?: string };

const validateFeatures = compileQueryValidator<RawFeaturesQuery>(FEATURES_QUERY);
const validateAccountFeatures = compileQueryValidator<RawAccountFeaturesQuery>(ACCOUNT_FEATURES_QUERY);

export function parseFeaturesQuery(query: unknown): FeaturesQuery {
  const raw = validateFeatures(query);
  return { workspaceId: raw.workspace_id, days: daysOf(raw, DEFAULT_FEATURE_DAYS), profile: raw.profile ?? null };
}

export function parseAccountFeaturesQuery(query: unknown): AccountFeaturesQuery {
  const raw = validateAccountFeatures(query);
  return { workspaceId: raw.workspace_id, lookup: toLookup(raw), days: daysOf(raw, DEFAULT_FEATURE_DAYS), profile: raw.profile ?? null };
}
