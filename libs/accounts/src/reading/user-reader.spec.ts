import type { ScoreExplanation } from '@coil/scoring';
import { BlockCache } from '../cache/block-cache';
import { InMemoryCacheStore } from '../cache/in-memory-cache-store';
import { DEFAULT_CACHE_TTLS_MS } from '../blocks/account-block';
import type { ScoreExplainer } from '../explanation/score-explainer';
import { unknownProfile, type ResolvedProfile } from '../profiles/profile-resolver';
import type { Lookup } from '../query/query-validator';
import type { UserRecord } from '../repositories/user-lookup.repository';
import type { UserMetrics } from '../metrics/served-metrics';
import { UserReader } from './user-reader';

const METRICS: UserMetrics = {
  engagement_score: 64.5,
  raw_score: 129,
  scoring_profile_events: 30,
  first_seen: '2025-09-01',
  last_seen: '2025-09-21',
  engagement_score_change: 12,
  frequency: 3,
  adoption_rate: 0.5,
  lifetime_adoption_rate: 1,
  last_active: '2025-09-21',
  trend: 'hot',
  activation: { rate: 1, completed: ['Report_Created'], missing: [], activated_at: '2025-09-02' },
  profile: 'default',
};

function user(id: string): UserRecord {
  return { id, externalId: `user-${id}`, name: 'Ada', email: null, accountIds: ['3'], metrics: METRICS };
}

const DEFAULT: ResolvedProfile = { id: '1', name: 'default', windowDays: 30 };
const profiles = {
  resolve: async (_: string, name: string | null): Promise<ResolvedProfile> => {
    if (name === null) return DEFAULT;
    throw unknownProfile(name, ['default']);
  },
};

const EXPLANATION = { profile: 'default', raw_score: 129 } as unknown as ScoreExplanation;

function explainerCounting(calls: string[]): Pick<ScoreExplainer, 'explain'> {
  return {
    explain: async (type, _, lookup, profile) => {
      calls.push(`${type}:${lookup.kind === 'id' ? lookup.id : lookup.value}:${profile ?? 'default'}`);
      return { id: '5', explanation: EXPLANATION };
    },
  };
}

function cacheAt(clock: () => number): BlockCache {
  const options = { keyPrefix: 'spec:read', ttlsMs: DEFAULT_CACHE_TTLS_MS, now: () => new Date(clock()), onLoadError: () => undefined };
  return new BlockCache(new InMemoryCacheStore(), {} as never, options);
}

const noExplainer = explainerCounting([]);
const noCache = cacheAt(() => 0);

describe('UserReader', () => {
  it('answers the one user found, in the profile resolved, as the body of GET /v1/users', async () => {
    const read: ResolvedProfile[] = [];
    const reader = new UserReader(
      {
        find: async (_, profile) => {
          read.push(profile);
          return [user('5')];
        },
      },
      profiles,
      noExplainer,
      noCache,
    );

    expect(await reader.read({ workspaceId: '13', lookup: { kind: 'id', id: '5' }, expand: null, profile: null })).toEqual({
      id: '5',
      external_id: 'user-5',
      name: 'Ada',
      email: null,
      account_ids: ['3'],
      metrics: METRICS,
      _links: { self: { href: '/v1/users?id=5&workspace_id=13' } },
    });
    expect(read).toEqual([DEFAULT]);
  });

  it('answers 400 for an unknown profile, 404 for none and 409 naming the candidates for several', async () => {
    const lookup: Lookup = { kind: 'match', field: 'email', value: 'ada@example.com' };
    const reader = (rows: UserRecord[]) => new UserReader({ find: async () => rows }, profiles, noExplainer, noCache);

    await expect(reader([user('5')]).read({ workspaceId: '13', lookup, expand: null, profile: 'x' })).rejects.toMatchObject({
      code: 'invalid_parameter',
      details: { parameter: 'profile', available: ['default'] },
    });
    await expect(reader([]).read({ workspaceId: '13', lookup, expand: null, profile: null })).rejects.toMatchObject({ code: 'not_found' });
    await expect(reader([user('5'), user('6')]).read({ workspaceId: '13', lookup, expand: null, profile: null })).rejects.toMatchObject({
      code: 'ambiguous_match',
      message: '2 users match this email; repeat the request with id set to one of details.candidate_ids',
    });
  });

  it('expand=explanation: the block computed once, then served from the cache for 15 minutes', async () => {
    const calls: string[] = [];
    let clock = Date.parse('2025-09-21T10:00:00Z');
    const reader = new UserReader(
      { find: async () => [user('5')] },
      profiles,
      explainerCounting(calls),
      cacheAt(() => clock),
    );
    const query = {
      workspaceId: '13',
      lookup: { kind: 'id', id: '5' } as Lookup,
      expand: { blocks: ['explanation' as const], unknown: ['x'] },
      profile: null,
    };

    const first = await reader.read(query);
    expect(Object.keys(first)).toEqual([
      'id',
      'external_id',
      'name',
      'email',
      'account_ids',
      'metrics',
      'explanation',
      '_expansions',
      '_links',
    ]);
    expect(first.explanation).toEqual(EXPLANATION);
    expect(first._expansions).toMatchObject({ available: ['explanation'], unknown_parameters: ['x'], error: null });
    clock += 14 * 60_000;
    expect((await reader.read(query)).explanation).toEqual(EXPLANATION);
    expect(calls).toEqual(['user:5:default']);
    clock += 2 * 60_000;
    await reader.read(query);
    expect(calls).toHaveLength(2);
  });
});
