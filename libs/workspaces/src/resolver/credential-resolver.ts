import { CoilError } from '@coil/domain';
import type { CredentialKind } from '../credentials/credential-kind';
import { hashCredential, hashesMatch } from '../credentials/credential-secret';
import type { CredentialRecord, CredentialRepository } from '../repositories/credential.repository';
import { TtlCache } from './ttl-cache';

export interface CredentialCacheOptions {
  /** How long a valid secret is trusted without a database read: also how late a revocation bites. */
  positiveTtlMs: number;
  /** How long an unknown secret is refused without a database read: also how late a new key works. */
  negativeTtlMs: number;
  maxEntries: number;
  now: () => number;
}

export interface CredentialCacheStats {
  hits: number;
  misses: number;
}

const DEFAULTS: CredentialCacheOptions = {
  positiveTtlMs: 30_000,
  negativeTtlMs: 5_000,
  maxEntries: 10_000,
  now: Date.now,
};

/** The one query the hot path makes of each credential table. */
export type CredentialLookups = Record<CredentialKind, Pick<CredentialRepository, 'findActiveByHash'>>;

// Far above any secret we issue; longer input is refused before hashing.
const MAX_SECRET_LENGTH = 512;

/**
 * Turns an ingest key or read token into its workspace id on the hot path. Entries are keyed
 * by the secret's hash so raw secrets never sit in memory longer than a request.
 */
export class CredentialResolver {
  private readonly options: CredentialCacheOptions;
  private readonly cache: TtlCache<string | null>;
  private readonly inFlight = new Map<string, Promise<string | null>>();
  private readonly counters: CredentialCacheStats = { hits: 0, misses: 0 };

  constructor(
    private readonly credentials: CredentialLookups,
    options: Partial<CredentialCacheOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.cache = new TtlCache(this.options.maxEntries, this.options.now);
  }

  /** The workspace id of an active ingest key, or null. */
  resolveIngestKey(rawKey: string): Promise<string | null> {
    return this.resolve('ingest_key', rawKey);
  }

  /** The workspace id of an active read-API token, or null. */
  resolveReadToken(rawToken: string): Promise<string | null> {
    return this.resolve('read_token', rawToken);
  }

  stats(): CredentialCacheStats {
    return { ...this.counters };
  }

  private async resolve(kind: CredentialKind, raw: string): Promise<string | null> {
    // Callers pass values taken from untrusted bodies; a non-string must fail, not throw.
    if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_SECRET_LENGTH) return null;
    const hash = hashCredential(raw);
    const cacheKey = `${kind}:${hash}`;
    const cached = this.cache.get(cacheKey);
    if (cached) {
      this.counters.hits += 1;
      return cached.value;
    }
    this.counters.misses += 1;
    // Concurrent misses on one secret (a burst from a new client) share one database read.
    let lookup = this.inFlight.get(cacheKey);
    if (!lookup) {
      lookup = this.lookUp(kind, hash, cacheKey).finally(() => this.inFlight.delete(cacheKey));
      this.inFlight.set(cacheKey, lookup);
    }
    return lookup;
  }

  private async lookUp(kind: CredentialKind, hash: string, cacheKey: string): Promise<string | null> {
    let rows: CredentialRecord[];
    try {
      rows = await this.credentials[kind].findActiveByHash(hash);
    } catch {
      return this.duringOutage(cacheKey);
    }
    const workspaces = new Set(rows.filter((row) => hashesMatch(row.hash, hash)).map((row) => row.workspaceId));
    // The same secret in two workspaces cannot be told apart, so it opens neither.
    const workspaceId = workspaces.size === 1 ? [...workspaces][0] : null;
    const ttl = workspaceId === null ? this.options.negativeTtlMs : this.options.positiveTtlMs;
    this.cache.set(cacheKey, workspaceId, ttl);
    return workspaceId;
  }

  /**
   * PostgreSQL unreachable: a secret known before keeps working (the ingest
   * keeps answering 202 through a database outage); an unknown one cannot be checked.
   */
  private duringOutage(cacheKey: string): string {
    const known = this.cache.stale(cacheKey)?.value;
    if (known) return known;
    throw new CoilError('service_unavailable', 'service_unavailable', 'Credentials cannot be checked right now; retry later');
  }
}
