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
    );

    expect(await reader.read({ workspaceId: '13', lookup: { kind: 'id', id: '5' }, profile: null })).toEqual({
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
    const reader = (rows: UserRecord[]) => new UserReader({ find: async () => rows }, profiles);

    await expect(reader([user('5')]).read({ workspaceId: '13', lookup, profile: 'x' })).rejects.toMatchObject({
      code: 'invalid_parameter',
      details: { parameter: 'profile', available: ['default'] },
    });
    await expect(reader([]).read({ workspaceId: '13', lookup, profile: null })).rejects.toMatchObject({ code: 'not_found' });
    await expect(reader([user('5'), user('6')]).read({ workspaceId: '13', lookup, profile: null })).rejects.toMatchObject({
      code: 'ambiguous_match',
      message: '2 users match this email; repeat the request with id set to one of details.candidate_ids',
    });
  });
});
