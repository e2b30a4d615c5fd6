import { scoresVersionKey } from '@coil/platform';
import type { Insights } from '@coil/scoring';
import { DEFAULT_CACHE_TTLS_MS, type AccountRecord } from '../blocks/account-block';
import { BlockCache } from '../cache/block-cache';
import { InMemoryCacheStore } from '../cache/in-memory-cache-store';
import type { ServedAccountMetrics } from '../metrics/served-metrics';
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
};

function account(id: string): AccountRecord {
  return { id, trackingId: `ext-${id}`, name: 'TechCorp', domain: 'techcorp.com', metrics: METRICS };
}

/** The lookup repository: accounts by id or by domain, recording every read. */
class FakeAccounts {
  readonly finds: Lookup[] = [];
  rows: AccountRecord[] = [account('456')];

  async find(workspaceId: string, lookup: Lookup): Promise<AccountRecord[]> {
    this.finds.push(lookup);
    return this.rows.filter((row) => workspaceId === '13' && (lookup.kind === 'id' ? row.id === lookup.id : row.domain === lookup.value));
  }
}

let clock: number;
let store: InMemoryCacheStore;
let accounts: FakeAccounts;
let traitLoads: string[];
let reader: AccountReader;

function query(lookup: Lookup, blocks: AccountQuery['expand']['blocks'] = ['traits']): AccountQuery {
  return { workspaceId: '13', lookup, expand: { blocks, unknown: [] } };
}

beforeEach(() => {
  clock = Date.parse('2025-09-21T10:00:00Z');
  store = new InMemoryCacheStore();
  accounts = new FakeAccounts();
  traitLoads = [];
  const now = (): Date => new Date(clock);
  const cache = new BlockCache(
    store,
    {
      traits: async (_, accountId) => {
        traitLoads.push(accountId);
        return { plan: 'pro' };
      },
      segments: async () => Promise.reject(new Error('segments unavailable')),
      insights: async () => ({}) as Insights,
    },
    { keyPrefix: PREFIX, ttlsMs: DEFAULT_CACHE_TTLS_MS, now, onLoadError: () => undefined },
  );
  reader = new AccountReader(accounts, cache, now);
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
});
