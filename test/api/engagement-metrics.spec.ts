import { startApi, type ApiHarness } from './api-harness';
import { Seed } from './seed';

// The metrics added by the engagement model, on rows seeded with known values, and ?profile=.
let api: ApiHarness;
let workspaceId: string;
const ids: Record<string, string> = {};
let userId: string;

const ACTIVATED = { rate: 1, completed: ['Report_Created', 'Invite Sent>=3'], missing: [], activated_at: '2025-09-18' };

beforeAll(async () => {
  api = await startApi();
  workspaceId = api.workspace.workspace_id;
  const seed = new Seed(api.prisma, workspaceId);
  const profile = await seed.defaultProfile(7);
  const paid = await seed.profile('paid only', 30);
  // Each account one side of a trend threshold.
  for (const [name, change] of [
    ['hot', 10],
    ['warm', 9.9],
    ['cool', -9.9],
    ['cold', -10],
    ['new', null],
  ] as const) {
    ids[name] = await seed.account({ trackingId: `trend-${name}` });
    await seed.score(profile, ids[name], '2025-09-21', { engagementScore: 50 + (change ?? 0), change });
  }
  await seed.score(paid, ids.hot, '2025-09-21', {
    engagementScore: 91.5,
    change: -12,
    rawScore: 4200,
    activeUsers: 5,
    scoringProfileEvents: 420,
    frequency: 6,
    adoptionRate: 0.67,
    lifetimeAdoptionRate: 1,
    lastActive: '2025-09-21',
    activation: ACTIVATED,
  });
  userId = await seed.user('metrics-user', { email: 'm@example.com' });
  await seed.userScore(profile, userId, '2025-09-20', { engagementScore: 30, change: 2 });
  await seed.userScore(profile, userId, '2025-09-21', {
    engagementScore: 41,
    rawScore: 82,
    change: 11,
    scoringProfileEvents: 12,
    frequency: 4,
    adoptionRate: 0.5,
    lifetimeAdoptionRate: 0.75,
    lastActive: '2025-09-21',
    activation: { rate: 0.5, completed: ['Report_Created'], missing: ['Invite Sent>=3'], activated_at: null },
  });
  await seed.userScore(paid, userId, '2025-09-21', { engagementScore: 77, rawScore: 154, change: -10, scoringProfileEvents: 0 });
});
afterAll(() => api.close());

function error(message: string, details: Record<string, unknown>) {
  return { error: { message, status: 'bad_request', code: 'invalid_parameter', details } };
}

const UNKNOWN_PROFILE = error('unknown profile "nope"', { parameter: 'profile', available: ['default', 'paid only'] });

describe('new metrics on /v1/accounts', () => {
  it('trend: hot at +10, cold at -10, steady inside the thresholds and without a change', async () => {
    const trends: Record<string, unknown> = {};
    for (const name of ['hot', 'warm', 'cool', 'cold', 'new']) {
      const response = await api.get(`/v1/accounts?workspace_id=${workspaceId}&id=${ids[name]}`);
      trends[name] = (response.body.metrics as { trend: string }).trend;
    }
    expect(trends).toEqual({ hot: 'hot', warm: 'steady', cool: 'steady', cold: 'cold', new: 'steady' });
  });

  it('?profile=NAME serves that profile’s row: every new metric exact, the profile named', async () => {
    const response = await api.get(`/v1/accounts?workspace_id=${workspaceId}&id=${ids.hot}&profile=paid%20only`);
    expect(response.status).toBe(200);
    expect(response.body.metrics).toEqual({
      engagement_score: 91.5,
      engagement_score_change: -12,
      raw_score: 4200,
      owner_name: null,
      first_seen: '2025-01-15',
      last_seen: '2025-09-21',
      active_users: 5,
      activation_rate: 0.5,
      overall_scored_events: 1000,
      recently_scored_events: 100,
      scoring_profile_events: 420,
      total_people_count: 4,
      total_active_people_count: 3,
      frequency: 6,
      adoption_rate: 0.67,
      lifetime_adoption_rate: 1,
      last_active: '2025-09-21',
      trend: 'cold',
      activation: ACTIVATED,
      profile: 'paid only',
    });
    const byDefault = await api.get(`/v1/accounts?workspace_id=${workspaceId}&id=${ids.hot}`);
    expect(byDefault.body.metrics).toMatchObject({ engagement_score: 60, trend: 'hot', activation: null, profile: 'default' });
    const byName = await api.get(`/v1/accounts?workspace_id=${workspaceId}&id=${ids.hot}&profile=default`);
    expect(byName.body.metrics).toEqual(byDefault.body.metrics);
  });

  it('/v1/accounts/list items carry the same metrics, for the profile asked for', async () => {
    const response = await api.get(`/v1/accounts/list?workspace_id=${workspaceId}&profile=paid%20only&limit=1`);
    const page = response.body as { data: { id: string; metrics: Record<string, unknown> }[]; _links: { self: { href: string } } };
    expect(page.data.map((item) => item.id)).toEqual([ids.hot]);
    expect(page.data[0].metrics).toMatchObject({
      engagement_score: 91.5,
      frequency: 6,
      trend: 'cold',
      activation: ACTIVATED,
      profile: 'paid only',
    });
    expect(page._links.self.href).toBe(
      `/v1/accounts/list?workspace_id=${workspaceId}&sort=engagement_score&order=desc&limit=1&profile=paid+only`,
    );

    const all = await api.get(`/v1/accounts/list?workspace_id=${workspaceId}`);
    const items = (all.body as typeof page).data;
    expect(Object.fromEntries(items.map((item) => [item.id, [item.metrics.trend, item.metrics.profile]]))).toEqual({
      [ids.hot]: ['hot', 'default'],
      [ids.warm]: ['steady', 'default'],
      [ids.cool]: ['steady', 'default'],
      [ids.cold]: ['cold', 'default'],
      [ids.new]: ['steady', 'default'],
    });
  });
});

describe('new metrics on /v1/users', () => {
  it('engagement_score_change and the new metrics, appended after the existing keys', async () => {
    const response = await api.get(`/v1/users?workspace_id=${workspaceId}&id=${userId}`);
    expect(response.status).toBe(200);
    expect(response.body.metrics).toEqual({
      engagement_score: 41,
      raw_score: 82,
      scoring_profile_events: 12,
      first_seen: '2025-09-01',
      last_seen: '2025-09-21',
      engagement_score_change: 11,
      frequency: 4,
      adoption_rate: 0.5,
      lifetime_adoption_rate: 0.75,
      last_active: '2025-09-21',
      trend: 'hot',
      activation: { rate: 0.5, completed: ['Report_Created'], missing: ['Invite Sent>=3'], activated_at: null },
      profile: 'default',
    });
    expect(Object.keys(response.body.metrics as object).slice(0, 5)).toEqual([
      'engagement_score',
      'raw_score',
      'scoring_profile_events',
      'first_seen',
      'last_seen',
    ]);
  });

  it('?profile=NAME', async () => {
    const response = await api.get(`/v1/users?workspace_id=${workspaceId}&id=${userId}&profile=paid%20only`);
    expect(response.body.metrics).toMatchObject({
      engagement_score: 77,
      engagement_score_change: -10,
      trend: 'cold',
      profile: 'paid only',
    });
  });
});

describe('?profile= errors', () => {
  it.each([
    ['/v1/accounts', () => `id=${ids.hot}`],
    ['/v1/accounts/list', () => ''],
    ['/v1/users', () => `id=${userId}`],
  ])('%s: an unknown profile is a 400 listing the profiles', async (path, query) => {
    const response = await api.get(`${path}?workspace_id=${workspaceId}&profile=nope&${query()}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual(UNKNOWN_PROFILE);
  });

  it('an unknown profile is a 400 even for an account that does not exist', async () => {
    const response = await api.get(`/v1/accounts?workspace_id=${workspaceId}&id=999999999&profile=nope`);
    expect(response.body).toEqual(UNKNOWN_PROFILE);
  });

  it.each([
    ['profile='],
    ['profile=%20default'],
    ['profile=default%20'],
    ['profile=a%01b'],
    [`profile=${'p'.repeat(201)}`],
    ['profile=a&profile=b'],
  ])('%s is refused by length and characters', async (query) => {
    const response = await api.get(`/v1/accounts?workspace_id=${workspaceId}&id=${ids.hot}&${query}`);
    const reason = 'must be a profile name: 1 to 200 characters, no control characters, no surrounding spaces';
    expect(response.status).toBe(400);
    expect(response.body).toEqual(error(`profile ${reason}`, { parameter: 'profile', reason }));
  });

  it('a name of 200 characters is valid (and unknown here)', async () => {
    const name = 'p'.repeat(200);
    const response = await api.get(`/v1/accounts?workspace_id=${workspaceId}&id=${ids.hot}&profile=${name}`);
    expect(response.body).toEqual(error(`unknown profile "${name}"`, { parameter: 'profile', available: ['default', 'paid only'] }));
  });
});

describe('a workspace scored never yet (no profile stored)', () => {
  it('reads as its default-to-be, "default"; another name is a 400 offering "default"', async () => {
    const other = await api.admin.createWorkspace(`metrics-fresh-${Date.now()}`);
    const accountId = await new Seed(api.prisma, other.workspace_id).account({ trackingId: 'fresh-1' });
    const path = `/v1/accounts?workspace_id=${other.workspace_id}&id=${accountId}`;

    const plain = await api.get(path, other.api_token);
    const named = await api.get(`${path}&profile=default`, other.api_token);
    const unknown = await api.get(`${path}&profile=paid`, other.api_token);

    expect(plain.body.metrics).toMatchObject({ engagement_score: 0, frequency: 0, trend: 'steady', activation: null, profile: 'default' });
    expect(named.body.metrics).toEqual(plain.body.metrics);
    expect(unknown.body).toEqual(error('unknown profile "paid"', { parameter: 'profile', available: ['default'] }));
  });
});
