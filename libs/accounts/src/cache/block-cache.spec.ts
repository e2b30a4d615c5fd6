import { scoresVersionKey } from '@coil/platform';
import type { Insights, ScoreExplanation } from '@coil/scoring';
import type { AccountBlock, AccountRecord, CacheTtls } from '../blocks/account-block';
import { BlockCache, type BlockLoaders } from './block-cache';
import { InMemoryCacheStore } from './in-memory-cache-store';

const MINUTE = 60_000;
const TTLS: CacheTtls = { metrics: MINUTE, traits: 15 * MINUTE, segments: 10 * MINUTE, insights: 0, explanation: 15 * MINUTE };
const PREFIX = 'spec:read';
const ACCOUNT = { id: '456', trackingId: 'ext-1', name: null, domain: null } as unknown as AccountRecord;

let clock: number;
let store: InMemoryCacheStore;
let loads: Record<AccountBlock, number>;
let failures: AccountBlock[];
let cache: BlockCache;

function loaders(): BlockLoaders {
  return {
    traits: async (_, accountId) => {
      loads.traits += 1;
      return { plan: `pro-${accountId}` };
    },
    segments: async () => {
      loads.segments += 1;
      throw new Error('segments table unreachable');
    },
    insights: async () => {
      loads.insights += 1;
      return { summary: 'steady' } as unknown as Insights;
    },
    explanation: async () => {
      loads.explanation += 1;
      return { raw_score: 187 } as unknown as ScoreExplanation;
    },
  };
}

beforeEach(() => {
  clock = Date.parse('2025-09-21T10:00:00Z');
  store = new InMemoryCacheStore();
  loads = { traits: 0, segments: 0, insights: 0, explanation: 0 };
  failures = [];
  cache = new BlockCache(store, loaders(), {
    keyPrefix: PREFIX,
    ttlsMs: TTLS,
    now: () => new Date(clock),
    onLoadError: (block) => failures.push(block),
  });
});

describe('BlockCache', () => {
  it('computes a missing block once, stores it under the account’s hash tag, then serves it until its limit', async () => {
    const first = await cache.fill('13', '456', ['traits'], {});
    clock += 15 * MINUTE - 1;
    const cached = await cache.peek('13', '456', ['traits']);
    clock += 1;
    const expired = await cache.peek('13', '456', ['traits']);

    expect(first.entries.traits).toEqual({ value: { plan: 'pro-456' }, cachedAt: '2025-09-21T10:00:00.000Z' });
    expect(store.writes).toEqual([`${PREFIX}:{13:456}:traits`]);
    expect(cached.traits).toEqual(first.entries.traits);
    expect(expired).toEqual({});
    expect(loads.traits).toBe(1);
  });

  it('shares one computation between concurrent misses of a block', async () => {
    const reads = await Promise.all([1, 2, 3].map(() => cache.fill('13', '456', ['traits'], {})));

    expect(loads.traits).toBe(1);
    expect(reads[1].entries.traits).toBe(reads[0].entries.traits);
    expect(reads[2].entries.traits).toBe(reads[0].entries.traits);
  });

  it('leaves a failed block out, names it, and computes it again next time', async () => {
    const read = await cache.fill('13', '456', ['segments', 'traits'], {});
    await cache.fill('13', '456', ['segments'], {});

    expect(read.failed).toEqual(['segments']);
    expect(Object.keys(read.entries)).toEqual(['traits']);
    expect(failures).toEqual(['segments', 'segments']);
    expect(loads.segments).toBe(2);
  });

  it('does not compute what the caller already holds, and stores nothing for a limit of 0', async () => {
    const known = { traits: { value: { plan: 'known' }, cachedAt: '2025-09-21T09:59:00.000Z' } };

    const read = await cache.fill('13', '456', ['traits', 'insights'], known);

    expect(read.entries.traits).toBe(known.traits);
    expect(loads).toEqual({ traits: 0, segments: 0, insights: 1, explanation: 0 });
    expect(store.writes).toEqual([]);
    expect(await cache.peek('13', '456', ['insights'])).toEqual({});
  });

  it('serves stored metrics only for the scores version they were computed under', async () => {
    await cache.store('13', '456', 'metrics', ACCOUNT, await cache.scoresVersion('13'));
    const before = await cache.peek('13', '456', ['metrics']);
    store.values.set(scoresVersionKey(PREFIX, '13'), '1');
    const after = await cache.peek('13', '456', ['metrics']);

    expect(before.metrics).toEqual({ value: ACCOUNT, cachedAt: '2025-09-21T10:00:00.000Z', scoresVersion: '0' });
    expect(after).toEqual({});
  });

  it('reads as empty and still answers when the store is unreachable', async () => {
    store.unreachable = true;

    expect(await cache.peek('13', '456', ['metrics', 'traits'])).toEqual({});
    expect(await cache.scoresVersion('13')).toBe('0');
    expect((await cache.fill('13', '456', ['traits'], {})).entries.traits?.value).toEqual({ plan: 'pro-456' });
  });
});
