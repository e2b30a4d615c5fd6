import type { Lookup } from '../query/query-validator';
import type { UserRecord } from '../repositories/user-lookup.repository';
import { UserReader } from './user-reader';

const METRICS = { engagement_score: 64.5, raw_score: 129, scoring_profile_events: 30, first_seen: '2025-09-01', last_seen: '2025-09-21' };

function user(id: string): UserRecord {
  return { id, externalId: `user-${id}`, name: 'Ada', email: null, accountIds: ['3'], metrics: METRICS };
}

describe('UserReader', () => {
  it('answers the one user found as the body of GET /v1/users', async () => {
    const reader = new UserReader({ find: async () => [user('5')] });

    expect(await reader.read({ workspaceId: '13', lookup: { kind: 'id', id: '5' } })).toEqual({
      id: '5',
      external_id: 'user-5',
      name: 'Ada',
      email: null,
      account_ids: ['3'],
      metrics: METRICS,
      _links: { self: { href: '/v1/users?id=5&workspace_id=13' } },
    });
  });

  it('answers 404 for none and 409 naming the candidates for several', async () => {
    const lookup: Lookup = { kind: 'match', field: 'email', value: 'ada@example.com' };

    await expect(new UserReader({ find: async () => [] }).read({ workspaceId: '13', lookup })).rejects.toMatchObject({ code: 'not_found' });
    await expect(new UserReader({ find: async () => [user('5'), user('6')] }).read({ workspaceId: '13', lookup })).rejects.toMatchObject({
      code: 'ambiguous_match',
      message: '2 users match this email; repeat the request with id set to one of details.candidate_ids',
    });
  });
});
