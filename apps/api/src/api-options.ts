import { DEFAULT_CACHE_TTLS_MS, type CacheTtls } from '@coil/accounts';

/** Read-API settings that tests and the benchmark override; the rate limit comes from CoilConfig. */
export interface ApiOptions {
  /** Leads every cache key; defaults to "<COIL_QUEUE_PREFIX>:read". */
  cacheKeyPrefix?: string;
  /** Per entry; `metrics: 0` reads every account from Postgres (end-to-end tests that score then read). */
  cacheTtlsMs: CacheTtls;
  now: () => Date;
  /** The built page served at / (default: dist/dashboard, where `npm run build` puts it). */
  dashboardDir?: string;
}

export const DEFAULT_API_OPTIONS: ApiOptions = {
  cacheTtlsMs: DEFAULT_CACHE_TTLS_MS,
  now: () => new Date(),
};
