import { startApi, type ApiHarness } from './api-harness';
import { Seed } from './seed';

let api: ApiHarness;
let seed: Seed;
let workspaceId: string;
let scoredId: string;
let neverScoredId: string;

beforeAll(async () => {
  api = await startApi();
  workspaceId = api.workspace.workspace_id;
  seed = new Seed(api.prisma, workspaceId);
  const profile = await seed.defaultProfile();
  const other = await seed.profile('paid only');
  scoredId = await seed.account({
    trackingId: 'ext-12345',
    name: 'TechCorp Solutions',
    domain: 'techcorp.com',
    traits: { owner_name: 'Sarah Johnson', owner: 'ignored', intercom_id: 'ic-1', salesforce_id: 42 },
  });
  neverScoredId = await seed.account({ trackingId: 'ext-new', traits: { owner: 'Bob' } });
  await seed.score(profile, scoredId, '2025-09-20', { engagementScore: 70, change: 1 });
  await seed.score(profile, scoredId, '2025-09-21', {
    engagementScore: 75.5,
    change: 5.5,
    frequency: 4,
    adoptionRate: 0.6,
    lifetimeAdoptionRate: 0.8,
    lastActive: '2025-09-20',
    activation: { activated_at: null, missing: ['feature:Reports>=2'], completed: ['Report_Created'], rate: 0.5 },
  });
  await seed.score(other, scoredId, '2025-09-22', { engagementScore: 10 });
  await seed.segment('At risk', scoredId, '2025-09-20T00:00:00Z');
  await seed.segment('Dormant', scoredId, '2025-08-01T00:00:00Z', '2025-08-10T00:00:00Z');
});
afterAll(() => api.close());

const accounts = (query: string) => api.get(`/v1/accounts?workspace_id=${workspaceId}&${query}`);

describe('GET /v1/accounts lookups', () => {
  it('by id: the exact body, metrics from the latest row of the default profile', async () => {
    const response = await accounts(`id=${scoredId}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: scoredId,
      name: 'TechCorp Solutions',
      domain: 'techcorp.com',
      tracking_id: 'ext-12345',
      metrics: {
        engagement_score: 75.5,
        engagement_score_change: 5.5,
        raw_score: 755,
        owner_name: 'Sarah Johnson',
        first_seen: '2025-01-15',
        last_seen: '2025-09-21',
        active_users: 3,
        activation_rate: 0.5,
        overall_scored_events: 1000,
        recently_scored_events: 100,
        scoring_profile_events: 50,
        total_people_count: 4,
        total_active_people_count: 3,
        frequency: 4,
        adoption_rate: 0.6,
        lifetime_adoption_rate: 0.8,
        last_active: '2025-09-20',
        trend: 'steady',
        activation: { rate: 0.5, completed: ['Report_Created'], missing: ['feature:Reports>=2'], activated_at: null },
        profile: 'default',
      },
      _expansions: {
        available: ['traits', 'segments', 'insights', 'explanation'],
        documentation: 'Use expand=option1,option2 to include additional data',
        unknown_parameters: [],
        error: null,
        cached_at: { metrics: expect.any(String) },
      },
      _links: { self: { href: `/v1/accounts?id=${scoredId}&workspace_id=${workspaceId}` } },
    });
  });

  it('a never-scored account: zeroed metrics, null days and null absent traits, no key missing', async () => {
    const response = await accounts(`id=${neverScoredId}`);
    expect(response.body).toMatchObject({ name: null, domain: null, tracking_id: 'ext-new' });
    expect(response.body.metrics).toEqual({
      engagement_score: 0,
      engagement_score_change: null,
      raw_score: 0,
      owner_name: 'Bob',
      first_seen: null,
      last_seen: null,
      active_users: 0,
      activation_rate: 0,
      overall_scored_events: 0,
      recently_scored_events: 0,
      scoring_profile_events: 0,
      total_people_count: 0,
      total_active_people_count: 0,
      frequency: 0,
      adoption_rate: 0,
      lifetime_adoption_rate: 0,
      last_active: null,
      trend: 'steady',
      activation: null,
      profile: 'default',
    });
  });

  it('serves the metrics in the documented order: the existing keys first, as before, then the new ones', async () => {
    const response = await accounts(`id=${scoredId}`);
    const metrics = response.body.metrics as Record<string, unknown>;
    expect(Object.keys(metrics)).toEqual([
      'engagement_score',
      'engagement_score_change',
      'raw_score',
      'owner_name',
      'first_seen',
      'last_seen',
      'active_users',
      'activation_rate',
      'overall_scored_events',
      'recently_scored_events',
      'scoring_profile_events',
      'total_people_count',
      'total_active_people_count',
      'frequency',
      'adoption_rate',
      'lifetime_adoption_rate',
      'last_active',
      'trend',
      'activation',
      'profile',
    ]);
    expect(Object.keys(metrics.activation as object)).toEqual(['rate', 'completed', 'missing', 'activated_at']);
  });

  it.each([
    ['tracking_id', 'ext-12345'],
    ['domain', 'techcorp.com'],
    ['name', 'TechCorp Solutions'],
    ['intercom_id', 'ic-1'],
    ['salesforce_id', '42'],
    ['owner_name', 'Sarah Johnson'],
  ])('by match_type=%s', async (matchType, value) => {
    const response = await accounts(`match_type=${matchType}&match_value=${encodeURIComponent(value)}`);
    expect(response.status).toBe(200);
    expect(response.body.id).toBe(scoredId);
  });

  it('id wins over match_type/match_value', async () => {
    const response = await accounts(`id=${neverScoredId}&match_type=tracking_id&match_value=ext-12345`);
    expect(response.body.id).toBe(neverScoredId);
  });

  it('a match on no account is 404', async () => {
    expect((await accounts('match_type=domain&match_value=nobody.example')).status).toBe(404);
  });

  it('expand: blocks asked for, unknown names reported, not fatal', async () => {
    const response = await accounts(`id=${scoredId}&expand=traits,segments,bogus,insights,traits`);
    expect(response.status).toBe(200);
    expect(response.body.traits).toEqual({
      name: 'TechCorp Solutions',
      domain: 'techcorp.com',
      owner_name: 'Sarah Johnson',
      owner: 'ignored',
      intercom_id: 'ic-1',
      salesforce_id: 42,
    });
    expect(response.body.segments).toEqual([{ id: expect.any(String), name: 'At risk', entered_at: '2025-09-20T00:00:00Z' }]);
    expect(response.body.insights).toMatchObject({
      health: expect.any(String),
      signals: expect.any(Array),
      generated_at: expect.any(String),
    });
    expect(response.body._expansions).toMatchObject({ unknown_parameters: ['bogus'], error: null });
    expect(Object.keys(response.body)).toEqual([
      'id',
      'name',
      'domain',
      'tracking_id',
      'metrics',
      'traits',
      'segments',
      'insights',
      '_expansions',
      '_links',
    ]);
  });
});
