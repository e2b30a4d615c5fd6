import { DEFAULT_CACHE_TTLS_MS, type CacheTtls } from '@coil/accounts';

/** Read-API settings not (yet) in CoilConfig; tests and the benchmark override them. */
export interface ApiOptions {
  /** Leads every cache key; defaults to "<COIL_QUEUE_PREFIX>:read". */
  cacheKeyPrefix?: string;
  /** Per entry; `metrics: 0` reads every account from Postgres (end-to-end tests that score then read). */
  cacheTtlsMs: CacheTtls;
  /** Requests per second per read token (token bucket, burst of one second). */
  rateLimitPerSecond: number;
  now: () => Date;
}

export const DEFAULT_API_OPTIONS: ApiOptions = {
  cacheTtlsMs: DEFAULT_CACHE_TTLS_MS,
  rateLimitPerSecond: 100,
  now: () => new Date(),
};

/** API_RATE_LIMIT until CoilConfig carries it: the benchmark needs more than the default. */
export function apiOptionsFromEnv(env: Record<string, string | undefined>): Partial<ApiOptions> {
  const raw = env.API_RATE_LIMIT;
  if (raw === undefined || raw === '') return {};
  const rate = Number(raw);
  if (!Number.isInteger(rate) || rate < 1) throw new Error(`API_RATE_LIMIT must be an integer >= 1, got "${raw}"`);
  return { rateLimitPerSecond: rate };
}
