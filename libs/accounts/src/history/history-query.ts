import type { ProfileSelector } from '../profiles/profile-resolver';
import { ACCOUNT_LOOKUP, daysParameter, PROFILE, USER_LOOKUP, WORKSPACE_ID, type QuerySpec } from '../query/query-spec';
import { compileQueryValidator, toLookup, type Lookup } from '../query/query-validator';

export const DEFAULT_HISTORY_DAYS = 90;

const DAYS = daysParameter(DEFAULT_HISTORY_DAYS);

export const ACCOUNT_HISTORY_QUERY: QuerySpec = {
  lookup: true,
  parameters: {
    workspace_id: WORKSPACE_ID,
    ...ACCOUNT_LOOKUP,
    days: DAYS,
    profile: PROFILE,
  },
};

export const USER_HISTORY_QUERY: QuerySpec = {
  lookup: true,
  parameters: {
    workspace_id: WORKSPACE_ID,
    ...USER_LOOKUP,
    days: DAYS,
    profile: PROFILE,
  },
};

export const WORKSPACE_HISTORY_QUERY: QuerySpec = {
  lookup: false,
  parameters: { workspace_id: WORKSPACE_ID, days: DAYS, profile: PROFILE },
};

/** A series of one account or user: which one, over how many days, for which profile. */
export interface SubjectHistoryQuery {
  workspaceId: string;
  lookup: Lookup;
  days: number;
  profile: ProfileSelector;
}

export interface WorkspaceHistoryQuery {
  workspaceId: string;
  days: number;
  profile: ProfileSelector;
}

type RawSeriesQuery = { workspace_id: string; days?: string; profile?: string };
type RawSubjectQuery = RawSeriesQuery & { id?: string; match_type?: string; match_value?: string };

const validateAccountHistory = compileQueryValidator<RawSubjectQuery>(ACCOUNT_HISTORY_QUERY);
const validateUserHistory = compileQueryValidator<RawSubjectQuery>(USER_HISTORY_QUERY);
const validateWorkspaceHistory = compileQueryValidator<RawSeriesQuery>(WORKSPACE_HISTORY_QUERY);

export function parseAccountHistoryQuery(query: unknown): SubjectHistoryQuery {
  return subjectQuery(validateAccountHistory(query));
}

export function parseUserHistoryQuery(query: unknown): SubjectHistoryQuery {
  return subjectQuery(validateUserHistory(query));
}

export function parseWorkspaceHistoryQuery(query: unknown): WorkspaceHistoryQuery {
  const raw = validateWorkspaceHistory(query);
  return { workspaceId: raw.workspace_id, days: daysOf(raw, DEFAULT_HISTORY_DAYS), profile: raw.profile ?? null };
}

function subjectQuery(raw: RawSubjectQuery): SubjectHistoryQuery {
  return { workspaceId: raw.workspace_id, lookup: toLookup(raw), days: daysOf(raw, DEFAULT_HISTORY_DAYS), profile: raw.profile ?? null };
}

/** Validation has checked the pattern (1..400). */
export function daysOf(raw: { days?: string }, defaultDays: number): number {
  return raw.days === undefined ? defaultDays : Number(raw.days);
}
