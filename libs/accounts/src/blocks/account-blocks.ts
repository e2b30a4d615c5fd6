import type { Insights } from '@coil/scoring';
import type { AccountRecord } from '../reading/account-record';

export type AccountTraits = Record<string, unknown>;

export interface AccountSegment {
  id: string;
  name: string;
  entered_at: string;
}

/** What each cache entry holds once loaded, cached or not. */
export interface CacheEntryValues {
  metrics: AccountRecord;
  traits: AccountTraits;
  segments: AccountSegment[];
  insights: Insights;
}
