import type { Insights, ScoreExplanation } from '@coil/scoring';
import type { ServedAccountMetrics } from '../metrics/served-metrics';

/** The optional blocks of GET /v1/accounts, each cached on its own. */
export type AccountBlock = 'traits' | 'segments' | 'insights' | 'explanation';

export const ACCOUNT_BLOCKS: readonly AccountBlock[] = ['traits', 'segments', 'insights', 'explanation'];

/** What the cache holds per account: the blocks, and `metrics`, the base record of id lookups. */
export type CacheEntry = 'metrics' | AccountBlock;

/** Entries computed from a scoring profile's rows: cached per profile asked for (?profile=). */
export const PROFILE_ENTRIES: readonly CacheEntry[] = ['metrics', 'insights', 'explanation'];

/** How long each entry may be served from cache, in ms; 0 turns caching of `metrics` off. */
export type CacheTtls = Record<CacheEntry, number>;

/**
 * Blocks: the anchor's documented limits. Metrics: a copy is dropped as soon as a scoring run
 * of its workspace bumps the scores version, so the limit only bounds a lost bump; a hot
 * account is answered from one Redis read until its scores really change.
 */
export const DEFAULT_CACHE_TTLS_MS: CacheTtls = {
  metrics: 60_000,
  traits: 15 * 60_000,
  segments: 10 * 60_000,
  insights: 30 * 60_000,
  // Ours (the anchor has no explanation): as long as traits, the block the filter reads.
  explanation: 15 * 60_000,
};

export function isAccountBlock(name: string): name is AccountBlock {
  return (ACCOUNT_BLOCKS as readonly string[]).includes(name);
}

/** An account with its latest metrics of the profile read: what every lookup returns. */
export interface AccountRecord {
  id: string;
  trackingId: string;
  name: string | null;
  domain: string | null;
  metrics: ServedAccountMetrics;
}

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
  explanation: ScoreExplanation;
}
