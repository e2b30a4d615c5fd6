import {
  AccountInsights,
  AccountLookupRepository,
  AccountSegmentsRepository,
  AccountTraitsRepository,
  DEFAULT_CACHE_TTLS_MS,
} from '@coil/accounts';
import IORedis from 'ioredis';
import { scoresVersionKey } from '@coil/platform';
import { startApi, type ApiHarness } from './api-harness';
import { Seed } from './seed';

const MINUTE = 60_000;
let clock = Date.now();
let api: ApiHarness;
let accountId: string;
const url = () => `/v1/accounts?workspace_id=${api.workspace.workspace_id}&id=${accountId}`;

const loads = {
  metrics: jest.spyOn(AccountLookupRepository.prototype, 'find'),
  traits: jest.spyOn(AccountTraitsRepository.prototype, 'traits'),
  segments: jest.spyOn(AccountSegmentsRepository.prototype, 'currentSegments'),
  insights: jest.spyOn(AccountInsights.prototype, 'generate'),
};

function loadCounts(): Record<keyof typeof loads, number> {
  return {
    metrics: loads.metrics.mock.calls.length,
    traits: loads.traits.mock.calls.length,
    segments: loads.segments.mock.calls.length,
    insights: loads.insights.mock.calls.length,
  };
}

beforeAll(async () => {
  api = await startApi({ now: () => new Date(clock) });
});
afterAll(() => api.close());

beforeEach(async () => {
  clock = Date.now();
  accountId = await new Seed(api.prisma, api.workspace.workspace_id).account({
    trackingId: `cache-${clock}-${Math.random()}`,
    traits: { plan: 'trial' },
  });
  Object.values(loads).forEach((spy) => spy.mockClear());
});

describe('per-block cache', () => {
  it('expand=traits reads traits only, never computes insights or segments', async () => {
    await api.get(`${url()}&expand=traits`);
    expect(loadCounts()).toEqual({ metrics: 1, traits: 1, segments: 0, insights: 0 });
  });

  it('a second read within the limits touches Postgres for nothing, and says how old each entry is', async () => {
    const first = await api.get(`${url()}&expand=traits,segments,insights`);
    clock += DEFAULT_CACHE_TTLS_MS.metrics / 2;
    const second = await api.get(`${url()}&expand=traits,segments,insights`);

    expect(loadCounts()).toEqual({ metrics: 1, traits: 1, segments: 1, insights: 1 });
    expect(second.body.traits).toEqual(first.body.traits);
    expect(second.body.insights).toEqual(first.body.insights);
    expect(second.body._expansions).toEqual(first.body._expansions);
    expect(second.headers.age).toBe(String(DEFAULT_CACHE_TTLS_MS.metrics / 2000));
    expect(Object.keys((second.body._expansions as { cached_at: object }).cached_at).sort()).toEqual([
      'insights',
      'metrics',
      'segments',
      'traits',
    ]);
  });

  it('cached metrics are dropped as soon as a scoring run bumps the workspace scores version', async () => {
    await api.get(url());
    await api.get(url());
    expect(loadCounts().metrics).toBe(1);
    const redis = new IORedis(process.env.REDIS_URL!);
    await redis.incr(scoresVersionKey(api.cacheKeyPrefix, api.workspace.workspace_id));
    redis.disconnect();
    await api.get(url());
    await api.get(url());
    expect(loadCounts().metrics).toBe(2);
  });

  it('blocks expire independently, each at its own limit (10, 15, 30 minutes)', async () => {
    const read = () => api.get(`${url()}&expand=traits,segments,insights`);
    await read();
    clock += 10 * MINUTE - 1;
    await read();
    expect(loadCounts()).toMatchObject({ traits: 1, segments: 1, insights: 1 });

    clock += 1; // segments reach 10 minutes
    await read();
    expect(loadCounts()).toMatchObject({ traits: 1, segments: 2, insights: 1 });

    clock += 5 * MINUTE; // traits reach 15 minutes; segments were refreshed 5 minutes ago
    await read();
    expect(loadCounts()).toMatchObject({ traits: 2, segments: 2, insights: 1 });

    clock += 15 * MINUTE; // insights reach 30 minutes
    await read();
    expect(loadCounts()).toMatchObject({ insights: 2 });
  });

  it('a refreshed block carries the new data and its new cached_at', async () => {
    const before = await api.get(`${url()}&expand=traits`);
    await api.prisma.account.update({
      where: { workspaceId_id: { workspaceId: BigInt(api.workspace.workspace_id), id: BigInt(accountId) } },
      data: { traits: { plan: 'paid' } },
    });
    const cached = await api.get(`${url()}&expand=traits`);
    clock += DEFAULT_CACHE_TTLS_MS.traits;
    const refreshed = await api.get(`${url()}&expand=traits`);

    expect(cached.body.traits).toEqual({ plan: 'trial' });
    expect(refreshed.body.traits).toEqual({ plan: 'paid' });
    const cachedAt = (body: Record<string, unknown>) => (body._expansions as { cached_at: { traits: string } }).cached_at.traits;
    expect(cachedAt(cached.body)).toBe(cachedAt(before.body));
    expect(cachedAt(refreshed.body)).toBe(new Date(clock).toISOString());
  });
});

describe('Redis TTL is the limit', () => {
  let shortLived: ApiHarness;
  beforeAll(async () => {
    // Long enough for two reads on a loaded machine, short enough to wait for.
    shortLived = await startApi({ cacheTtlsMs: { metrics: 0, traits: 1000, segments: 60_000, insights: 60_000, explanation: 60_000 } });
  });
  afterAll(() => shortLived.close());

  it('an entry is gone from Redis once its limit has passed, on the real clock', async () => {
    const id = await new Seed(shortLived.prisma, shortLived.workspace.workspace_id).account({ trackingId: 'ttl-1' });
    const path = `/v1/accounts?workspace_id=${shortLived.workspace.workspace_id}&id=${id}&expand=traits,segments`;
    Object.values(loads).forEach((spy) => spy.mockClear());
    await shortLived.get(path);
    await shortLived.get(path);
    expect(loadCounts()).toEqual({ metrics: 2, traits: 1, segments: 1, insights: 0 });

    await new Promise((resolve) => setTimeout(resolve, 1050));
    await shortLived.get(path);
    expect(loadCounts()).toEqual({ metrics: 3, traits: 2, segments: 1, insights: 0 });
  });
});
