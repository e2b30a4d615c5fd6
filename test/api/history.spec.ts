import { startApi, type ApiHarness } from './api-harness';
import { Seed } from './seed';

// Today is 2025-09-21: the default 90 days are 2025-06-24..2025-09-21.
let api: ApiHarness;
let workspaceId: string;
let accountId: string;
let quietAccountId: string;
let userId: string;

beforeAll(async () => {
  api = await startApi({ now: () => new Date('2025-09-21T23:59:59Z') });
  workspaceId = api.workspace.workspace_id;
  const seed = new Seed(api.prisma, workspaceId);
  const profile = await seed.defaultProfile(7);
  const paid = await seed.profile('paid only');
  accountId = await seed.account({ trackingId: 'history-1', domain: 'history.example' });
  quietAccountId = await seed.account({ trackingId: 'history-2', domain: 'twin.example' });
  await seed.account({ trackingId: 'history-3', domain: 'twin.example' });
  const days: [string, number, number, number, number][] = [
    ['2025-06-23', 10, 100, 1, 10], // one day too old for 90 days
    ['2025-06-24', 12, 120, 1, 12],
    ['2025-09-19', 40, 400, 3, 40],
    ['2025-09-20', 45.5, 455, 2, 45],
    ['2025-09-21', 61.2, 612, 4, 61],
    ['2025-09-22', 99, 990, 9, 99], // tomorrow: not served
  ];
  for (const [day, engagementScore, rawScore, activeUsers, scoringProfileEvents] of days) {
    await seed.score(profile, accountId, day, { engagementScore, rawScore, activeUsers, scoringProfileEvents });
  }
  await seed.score(paid, accountId, '2025-09-21', { engagementScore: 88, rawScore: 2000, activeUsers: 6, scoringProfileEvents: 300 });

  userId = await seed.user('history-user', { email: 'h@example.com' });
  await seed.userScore(profile, userId, '2025-09-20', { engagementScore: 20, rawScore: 0, scoringProfileEvents: 0 });
  await seed.userScore(profile, userId, '2025-09-21', { engagementScore: 33.3, rawScore: 66, scoringProfileEvents: 7 });

  await seed.workspaceScore(profile, '2025-09-20', { meanScore: 41.25, accounts: 3, activeAccounts: 2, activeUsers: 5 });
  await seed.workspaceScore(profile, '2025-09-21', { meanScore: 50.5, accounts: 3, activeAccounts: 3, activeUsers: 7 });
  await seed.workspaceScore(paid, '2025-09-21', { meanScore: 70, accounts: 1, activeAccounts: 1, activeUsers: 2 });
});
afterAll(() => api.close());

const point = (day: string, engagement_score: number, raw_score: number, active_users: number, scoring_profile_events: number) => ({
  day,
  engagement_score,
  raw_score,
  active_users,
  scoring_profile_events,
});

function error(status: string, code: string, message: string, details?: Record<string, unknown>) {
  return { error: { message, status, code, ...(details && { details }) } };
}

const DAYS_REASON = 'must be a whole number of days from 1 to 400';

describe('GET /v1/accounts/history', () => {
  it('the last 90 days by default, oldest first, one point per stored day, nothing after today', async () => {
    const response = await api.get(`/v1/accounts/history?workspace_id=${workspaceId}&id=${accountId}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: accountId,
      profile: 'default',
      points: [
        point('2025-06-24', 12, 120, 1, 12),
        point('2025-09-19', 40, 400, 3, 40),
        point('2025-09-20', 45.5, 455, 2, 45),
        point('2025-09-21', 61.2, 612, 4, 61),
      ],
    });
  });

  it('days=N covers the N days ending today; a match lookup finds the account', async () => {
    const response = await api.get(`/v1/accounts/history?workspace_id=${workspaceId}&match_type=domain&match_value=history.example&days=2`);
    expect(response.body).toEqual({
      id: accountId,
      profile: 'default',
      points: [point('2025-09-20', 45.5, 455, 2, 45), point('2025-09-21', 61.2, 612, 4, 61)],
    });
    const one = await api.get(`/v1/accounts/history?workspace_id=${workspaceId}&id=${accountId}&days=1`);
    expect((one.body.points as unknown[]).length).toBe(1);
    const most = await api.get(`/v1/accounts/history?workspace_id=${workspaceId}&id=${accountId}&days=400`);
    expect((most.body.points as { day: string }[]).map((p) => p.day)).toEqual([
      '2025-06-23',
      '2025-06-24',
      '2025-09-19',
      '2025-09-20',
      '2025-09-21',
    ]);
  });

  it('?profile=NAME reads that profile’s days', async () => {
    const response = await api.get(`/v1/accounts/history?workspace_id=${workspaceId}&id=${accountId}&profile=paid%20only`);
    expect(response.body).toEqual({ id: accountId, profile: 'paid only', points: [point('2025-09-21', 88, 2000, 6, 300)] });
  });

  it('an account never scored has no points', async () => {
    const response = await api.get(`/v1/accounts/history?workspace_id=${workspaceId}&id=${quietAccountId}`);
    expect(response.body).toEqual({ id: quietAccountId, profile: 'default', points: [] });
  });
});

describe('GET /v1/users/history', () => {
  it('the user’s days; active_users is 1 on a day with scored events, else 0', async () => {
    const response = await api.get(`/v1/users/history?workspace_id=${workspaceId}&match_type=email&match_value=h@example.com&days=30`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: userId,
      profile: 'default',
      points: [point('2025-09-20', 20, 0, 0, 0), point('2025-09-21', 33.3, 66, 1, 7)],
    });
  });
});

describe('GET /v1/workspace/history', () => {
  it('mean score, accounts, active accounts and users per day, for the profile asked for', async () => {
    const response = await api.get(`/v1/workspace/history?workspace_id=${workspaceId}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      workspace_id: workspaceId,
      profile: 'default',
      points: [
        { day: '2025-09-20', mean_score: 41.25, accounts: 3, active_accounts: 2, active_users: 5 },
        { day: '2025-09-21', mean_score: 50.5, accounts: 3, active_accounts: 3, active_users: 7 },
      ],
    });
    const paid = await api.get(`/v1/workspace/history?workspace_id=${workspaceId}&profile=paid%20only&days=1`);
    expect(paid.body).toEqual({
      workspace_id: workspaceId,
      profile: 'paid only',
      points: [{ day: '2025-09-21', mean_score: 70, accounts: 1, active_accounts: 1, active_users: 2 }],
    });
  });
});

describe('history errors', () => {
  const paths = () => ({
    accounts: `/v1/accounts/history?workspace_id=${workspaceId}&id=${accountId}`,
    users: `/v1/users/history?workspace_id=${workspaceId}&id=${userId}`,
    workspace: `/v1/workspace/history?workspace_id=${workspaceId}`,
  });

  it.each(['0', '401', 'abc', '1.5', '007', '-1', ''])('days=%s is a 400 naming days', async (days) => {
    for (const path of Object.values(paths())) {
      const response = await api.get(`${path}&days=${days}`);
      expect(response.status).toBe(400);
      expect(response.body).toEqual(
        error('bad_request', 'invalid_parameter', `days ${DAYS_REASON}`, { parameter: 'days', reason: DAYS_REASON }),
      );
    }
  });

  it('an unknown profile is a 400 listing the profiles', async () => {
    for (const path of Object.values(paths())) {
      const response = await api.get(`${path}&profile=nope`);
      expect(response.body).toEqual(
        error('bad_request', 'invalid_parameter', 'unknown profile "nope"', { parameter: 'profile', available: ['default', 'paid only'] }),
      );
    }
  });

  it.each(['/v1/accounts/history', '/v1/users/history'])('%s without id or match pair: missing_lookup_parameter', async (path) => {
    const response = await api.get(`${path}?workspace_id=${workspaceId}&days=30`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual(
      error('bad_request', 'missing_lookup_parameter', 'At least one lookup parameter is required', {
        available_parameters: ['id', 'match_type/match_value pairs'],
      }),
    );
  });

  it('no workspace_id: missing_workspace_id', async () => {
    const response = await api.get('/v1/workspace/history?days=3');
    expect(response.body).toEqual(error('bad_request', 'missing_workspace_id', 'workspace_id is required', { parameter: 'workspace_id' }));
  });

  it('a token of another workspace gets the 404 of a missing record; no token a 401', async () => {
    const other = await api.admin.createWorkspace(`history-other-${Date.now()}`);
    for (const path of Object.values(paths())) {
      const response = await api.get(path, other.api_token);
      expect(response.status).toBe(404);
      expect(response.body).toEqual(error('not_found', 'not_found', 'Resource not found'));
      expect((await api.get(path, null)).body).toEqual(error('unauthorized', 'unauthorized', 'Invalid or expired token'));
    }
  });

  it('an unknown id is a 404, a match on several accounts a 409', async () => {
    const missing = await api.get(`/v1/accounts/history?workspace_id=${workspaceId}&id=999999999`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(error('not_found', 'not_found', 'Resource not found'));
    const twins = await api.get(`/v1/accounts/history?workspace_id=${workspaceId}&match_type=domain&match_value=twin.example`);
    expect(twins.status).toBe(409);
    expect(twins.body).toMatchObject({
      error: { code: 'ambiguous_match', details: { candidate_ids: [quietAccountId, expect.any(String)] } },
    });
  });
});
