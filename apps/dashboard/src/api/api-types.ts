// The response shapes the page reads, imported from the API's own code so the two cannot drift.
import type { AccountListItem, AccountSegment, UserMetrics } from '@coil/accounts';

export type {
  AccountBody,
  AccountFeaturesBody,
  AccountListBody,
  AccountListItem,
  AccountSegment,
  DestinationsBody,
  DestinationView,
  MeBody,
  SignalsBody,
  SubjectHistoryBody,
} from '@coil/accounts';
export type { Insights } from '@coil/scoring';
export type { Signal, SignalKind } from '@coil/signals';

// The shapes below are the dashboard contract's additions (shared/spec/dashboard.md, read-api
// items 1, 3, 4, 5), written here until their readers land in @coil/accounts.

/** One day of a list item's sparkline (`expand=history`). */
export interface SparkPoint {
  day: string;
  engagement_score: number;
}

/** A /v1/accounts/list item with `expand=segments,history`. */
export type ListedAccount = AccountListItem & { segments?: AccountSegment[]; history?: SparkPoint[] };

export interface ListedAccountsBody {
  data: ListedAccount[];
  next_cursor: string | null;
}

/** GET /v1/accounts/users. */
export interface AccountUsersBody {
  data: { id: string; external_id: string; name: string | null; email: string | null; metrics: UserMetrics }[];
  next_cursor: string | null;
}

/** GET /v1/segments. */
export interface SegmentSummary {
  id: string;
  name: string;
  rule: string;
  builtin: boolean;
  members: number;
  history: { day: string; members: number }[];
}

export interface SegmentsBody {
  segments: SegmentSummary[];
}

/** GET /v1/settings. */
export interface SettingsBody {
  profiles: {
    name: string;
    is_default: boolean;
    window_days: number;
    normalization: string;
    filter: string | null;
    event_weights: { event: string; weight: number }[];
  }[];
  features: { name: string; weight: number; events: string[] }[];
  activation: { steps: { kind: string; name: string; min_count: number }[]; required_users: number | null } | null;
  signals: { score_threshold: number; watched_traits: string[]; retention_days: number };
}

/** The one error shape of every endpoint. */
export interface ErrorBody {
  error: { message: string; status: string; code: string; details?: unknown };
}
