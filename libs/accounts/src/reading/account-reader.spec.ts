import { scoresVersionKey } from '@coil/platform';
import type { Insights } from '@coil/scoring';
import { DEFAULT_CACHE_TTLS_MS, type AccountRecord } from '../blocks/account-block';
import { BlockCache } from '../cache/block-cache';
import { InMemoryCacheStore } from '../cache/in-memory-cache-store';
import type { ServedAccountMetrics } from '../metrics/served-metrics';
import { unknownProfile, type ResolvedProfile } from '../profiles/profile-resolver';
import type { AccountQuery } from '../query/account-query';
import type { Lookup } from '../query/query-validator';
import { AccountReader } from './account-reader';

const PREFIX = 'spec:read';
const METRICS: ServedAccountMetrics = {
  engagement_score: 42,
  engagement_score_change: 3,
  raw_score: 840,
  owner_name: null,
  first_seen: '2025-02-01',
  last_seen: '2025-09-20',
  active_users: 5,
  activation_rate: 0.4,
  overall_scored_events: 900,
  recently_scored_events: 60,
  scoring_profile_events: 20,
  total_people_count: 7,
  total_active_people_count: 5,
  frequency: 4,
  adoption_rate: 0.5,
  lifetime_adoption_rate: 0.75,
  last_active: '2025-09-20',
  trend: 'steady',
  activation: null,
  profile: 'default',
};

function account(id: string): AccountRecord {
  return { id, trackingId: `ext-${id}`, name: 'TechCorp', domain: 'techcorp.com', metrics: METRICS };
}

/** The lookup repository: accounts by id or by domain, recording every read. */
class FakeAccounts {
  readonly finds: Lookup[] = [];
  readonly profiles: string[] = [];
  rows: AccountRecord[] = [account('456')];

  async find(workspaceId: string, profile: ResolvedProfile, lookup: Lookup): Promise<AccountRecord[]> {
    this.finds.push(lookup);
    this.profiles.push(profile.name);
    return this.rows
      .filter((row) => workspaceId === '13' && (lookup.kind === 'id' ? row.id === lookup.id : row.domain === lookup.value))
      .map((row) => ({ ...row, metrics: { ...row.metrics, profile: profile.name } }));
  }
}

/** Two profiles, default and "paid only"; every resolution recorded. */
class FakeProfiles {
  readonly resolved: (string | null)[] = [];

  async resolve(_: string, name: string | null): Promise<ResolvedProfile> {
    this.resolved.push(name);
    if (name === null || name === 'default') return { id: '1', name: 'default', windowDays: 30 };
    if (name === 'paid only') return { id: '2', name, windowDays: 7 };
    throw unknownProfile(name, ['default', 'paid only']);
  }
}

let clock: number;
let store: InMemoryCacheStore;
let accounts: FakeAccounts;
let profiles: FakeProfiles;
let traitLoads: string[];
let insightLoads: (string | null)[];
let reader: AccountReader;

function query(lookup: Lookup, blocks: AccountQuery['expand']['blocks'] = ['traits'], profile: string | null = null): AccountQuery {
  return { workspaceId: '13', lookup, expand: { blocks, unknown: [] }, profile };
}

beforeEach(() => {
  clock = Date.parse('2025-09-21T10:00:00Z');
  store = new InMemoryCacheStore();
  accounts = new FakeAccounts();
  profiles = new FakeProfiles();
  traitLoads = [];
  insightLoads = [];
  const now = (): Date => new Date(clock);
  const cache = new BlockCache(
    store,
    {
      traits: async (_, accountId) => {
        traitLoads.push(accountId);
        return { plan: 'pro' };
      },
      segments: async () => Promise.reject(new Error('segments unavailable')),
      insights: async (_, __, profile) => {
        insightLoads.push(profile);
        return { summary: profile ?? 'default' } as unknown as Insights;
      },
      explanation: async () => Promise.reject(new Error('not asked for here')),
    },
    { keyPrefix: PREFIX, ttlsMs: DEFAULT_CACHE_TTLS_MS, now, onLoadError: () => undefined },
  );
  reader = new AccountReader(accounts, profiles, cache, now);
});

describe('AccountReader', () => {
  it('by id: reads the account once, then answers it and its blocks from the cache with their age', async () => {
    const first = await reader.read(query({ kind: 'id', id: '456' }));
    clock += 30_000;
    const second = await reader.read(query({ kind: 'id', id: '456' }));

    expect(accounts.finds).toHaveLength(1);
    expect(traitLoads).toEqual(['456']);
    expect(second.body).toEqual(first.body);
    expect(second.body).toMatchObject({ id: '456', tracking_id: 'ext-456', metrics: METRICS, traits: { plan: 'pro' } });
    expect(second.body._expansions.cached_at).toEqual({ metrics: '2025-09-21T10:00:00.000Z', traits: '2025-09-21T10:00:00.000Z' });
    expect([first.ageSeconds, second.ageSeconds]).toEqual([0, 30]);
  });

  it('by id: reads the account again once a scoring run has bumped the workspace’s scores version', async () => {
    await reader.read(query({ kind: 'id', id: '456' }));
    store.values.set(scoresVersionKey(PREFIX, '13'), '1');
    await reader.read(query({ kind: 'id', id: '456' }));
    await reader.read(query({ kind: 'id', id: '456' }));

    expect(accounts.finds).toHaveLength(2);
    expect(traitLoads).toEqual(['456']);
  });

  it('by match: reads the account every time, its blocks from the cache under the id found', async () => {
    await reader.read(query({ kind: 'match', field: 'domain', value: 'techcorp.com' }));
    const byId = await reader.read(query({ kind: 'id', id: '456' }));
    await reader.read(query({ kind: 'match', field: 'domain', value: 'techcorp.com' }));

    expect(accounts.finds.map((lookup) => lookup.kind)).toEqual(['match', 'match']);
    expect(traitLoads).toEqual(['456']);
    expect(byId.body.traits).toEqual({ plan: 'pro' });
  });

  it('answers 404 for no account and 409 with the candidates for several', async () => {
    accounts.rows = [account('456'), account('789')];

    await expect(reader.read(query({ kind: 'id', id: '999' }))).rejects.toMatchObject({ code: 'not_found' });
    await expect(reader.read(query({ kind: 'match', field: 'domain', value: 'techcorp.com' }))).rejects.toMatchObject({
      code: 'ambiguous_match',
      details: { candidate_ids: ['456', '789'], more_candidates: false },
    });
  });

  it('serves a block that failed as null, named in _expansions.error, beside the others', async () => {
    const answer = await reader.read(query({ kind: 'id', id: '456' }, ['segments', 'traits']));

    expect(answer.body).toMatchObject({ segments: null, traits: { plan: 'pro' } });
    expect(answer.body._expansions.error).toBe('Could not load segments; try again shortly');
  });

  it('?profile=: metrics and insights cached per profile, traits shared; the profile resolved on a miss only', async () => {
    const byId: Lookup = { kind: 'id', id: '456' };
    const base = await reader.read(query(byId, ['traits', 'insights']));
    const paid = await reader.read(query(byId, ['traits', 'insights'], 'paid only'));
    const paidAgain = await reader.read(query(byId, ['traits', 'insights'], 'paid only'));

    expect(base.body.metrics.profile).toBe('default');
    expect(paid.body.metrics.profile).toBe('paid only');
    expect(paidAgain.body).toEqual(paid.body);
    expect(paid.body.insights).toEqual({ summary: 'paid only' });
    expect(accounts.profiles).toEqual(['default', 'paid only']);
    expect(profiles.resolved).toEqual([null, 'paid only']);
    expect(insightLoads).toEqual([null, 'paid only']);
    expect(traitLoads).toEqual(['456']);
    expect([...store.values.keys()].filter((key) => key.includes('profile=')).sort()).toEqual([
      `${PREFIX}:{13:456}:insights:profile=paid%20only`,
      `${PREFIX}:{13:456}:metrics:profile=paid%20only`,
    ]);
  });

  it('?profile= naming no profile: 400 listing the profiles, and nothing cached', async () => {
    const read = reader.read(query({ kind: 'id', id: '456' }, [], 'nope'));

    await expect(read).rejects.toMatchObject({
      status: 'bad_request',
      code: 'invalid_parameter',
      message: 'unknown profile "nope"',
      details: { parameter: 'profile', available: ['default', 'paid only'] },
    });
    expect(accounts.finds).toHaveLength(0);
    expect(store.values.size).toBe(0);
  });
});
