import { startApi, type ApiHarness } from './api-harness';
import { Seed } from './seed';

let api: ApiHarness;
let userId: string;
let accountId: string;

beforeAll(async () => {
  api = await startApi();
  const workspaceId = api.workspace.workspace_id;
  const seed = new Seed(api.prisma, workspaceId);
  const profile = await seed.defaultProfile();
  accountId = await seed.account({ trackingId: 'users-acct' });
  userId = await seed.user('user-1', { email: 'ada@example.com', name: 'Ada' });
  await seed.user('user-2', { email: 'shared@example.com' });
  await seed.user('user-3', { email: 'shared@example.com' });
  await seed.member(accountId, userId);
  await api.prisma.userAlias.create({ data: { workspaceId: BigInt(workspaceId), externalId: 'anon-9', userId: BigInt(userId) } });
  for (const [period, score] of [
    ['2025-09-20', 40],
    ['2025-09-21', 64.5],
  ] as const) {
    await api.prisma.userScore.create({
      data: {
        workspaceId: BigInt(workspaceId),
        profileId: BigInt(profile),
        userId: BigInt(userId),
        period: new Date(`${period}T00:00:00Z`),
        rawScore: score * 2,
        engagementScore: score,
        benchmark: 10,
        scoringProfileEvents: 30n,
        firstSeen: new Date('2025-09-01T00:00:00Z'),
        lastSeen: new Date(`${period}T00:00:00Z`),
      },
    });
  }
});
afterAll(() => api.close());

const users = (query: string) => api.get(`/v1/users?workspace_id=${api.workspace.workspace_id}&${query}`);

describe('GET /v1/users', () => {
  it('by id: the user with the latest metrics of the default profile', async () => {
    const response = await users(`id=${userId}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: userId,
      external_id: 'user-1',
      name: 'Ada',
      email: 'ada@example.com',
      account_ids: [accountId],
      metrics: {
        engagement_score: 64.5,
        raw_score: 129,
        scoring_profile_events: 30,
        first_seen: '2025-09-01',
        last_seen: '2025-09-21',
        engagement_score_change: null,
        frequency: 0,
        adoption_rate: 0,
        lifetime_adoption_rate: 0,
        last_active: null,
        trend: 'steady',
        activation: null,
        profile: 'default',
      },
      _links: { self: { href: `/v1/users?id=${userId}&workspace_id=${api.workspace.workspace_id}` } },
    });
  });

  it.each([
    ['external_id', 'user-1'],
    ['external_id', 'anon-9'],
    ['email', 'ada@example.com'],
  ])('by match_type=%s (%s)', async (matchType, value) => {
    const response = await users(`match_type=${matchType}&match_value=${value}`);
    expect(response.body.id).toBe(userId);
  });

  it('never scored: zeroed metrics; ambiguous: 409; the same errors as /v1/accounts', async () => {
    const shared = await users('match_type=email&match_value=shared@example.com');
    expect(shared.status).toBe(409);
    expect(shared.body).toMatchObject({
      error: { code: 'ambiguous_match', status: 'conflict', details: { candidate_ids: expect.any(Array) } },
    });
    const candidate = (shared.body.error as { details: { candidate_ids: string[] } }).details.candidate_ids[0];
    expect((await users(`id=${candidate}`)).body.metrics).toEqual({
      engagement_score: 0,
      raw_score: 0,
      scoring_profile_events: 0,
      first_seen: null,
      last_seen: null,
      engagement_score_change: null,
      frequency: 0,
      adoption_rate: 0,
      lifetime_adoption_rate: 0,
      last_active: null,
      trend: 'steady',
      activation: null,
      profile: 'default',
    });
    expect((await users('')).body).toMatchObject({ error: { code: 'missing_lookup_parameter' } });
    expect((await users('id=999999999')).status).toBe(404);
    const other = await api.admin.createWorkspace('users-other');
    expect((await api.get(`/v1/users?workspace_id=${api.workspace.workspace_id}&id=${userId}`, other.api_token)).body).toEqual({
      error: { message: 'Resource not found', status: 'not_found', code: 'not_found' },
    });
  });
});
