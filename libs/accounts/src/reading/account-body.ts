import type { Insights, ScoreExplanation } from '@coil/scoring';
import {
  ACCOUNT_BLOCKS,
  type AccountBlock,
  type AccountRecord,
  type AccountSegment,
  type AccountTraits,
  type CacheEntry,
} from '../blocks/account-block';
import type { BlockRead, CachedEntries } from '../cache/block-cache';
import type { ExpandRequest } from '../query/account-query';
import type { ServedAccountMetrics } from '../metrics/served-metrics';

export const EXPAND_DOCUMENTATION = 'Use expand=option1,option2 to include additional data';

export interface Expansions<B extends string = AccountBlock> {
  available: B[];
  documentation: string;
  unknown_parameters: string[];
  error: string | null;
  /** When the metrics and each served block were computed (ISO); none is older than its limit. */
  cached_at: { [E in CacheEntry]?: string };
}

/** The 200 body of GET /v1/accounts; blocks only when asked for. */
export interface AccountBody {
  id: string;
  name: string | null;
  domain: string | null;
  tracking_id: string;
  metrics: ServedAccountMetrics;
  traits?: AccountTraits | null;
  segments?: AccountSegment[] | null;
  insights?: Insights | null;
  explanation?: ScoreExplanation | null;
  _expansions: Expansions;
  _links: { self: { href: string } };
}

export function accountBody(workspaceId: string, account: AccountRecord, expand: ExpandRequest, read: BlockRead): AccountBody {
  // Asked-for blocks always have their key: null when they could not be loaded.
  const blocks = Object.fromEntries(expand.blocks.map((name) => [name, read.entries[name]?.value ?? null]));
  return {
    id: account.id,
    name: account.name,
    domain: account.domain,
    tracking_id: account.trackingId,
    metrics: account.metrics,
    ...blocks,
    _expansions: expansions(ACCOUNT_BLOCKS, expand, read),
    _links: { self: { href: `/v1/accounts?id=${account.id}&workspace_id=${workspaceId}` } },
  };
}

/** The _expansions of a body whose endpoint offers `available`. */
export function expansions<B extends string>(available: readonly B[], expand: ExpandRequest<B>, read: BlockRead): Expansions<B> {
  const cachedAt: Expansions['cached_at'] = {};
  for (const [name, entry] of Object.entries(read.entries)) cachedAt[name as CacheEntry] = entry.cachedAt;
  return {
    available: [...available],
    documentation: EXPAND_DOCUMENTATION,
    unknown_parameters: expand.unknown,
    error: read.failed.length === 0 ? null : `Could not load ${read.failed.join(', ')}; try again shortly`,
    cached_at: cachedAt,
  };
}

/** Age of the oldest entry served, in whole seconds (the Age header). */
export function oldestEntryAgeSeconds(entries: CachedEntries, now: Date): number {
  const times = Object.values(entries).map((entry) => Date.parse(entry.cachedAt));
  return Math.max(0, Math.floor((now.getTime() - Math.min(now.getTime(), ...times)) / 1000));
}
