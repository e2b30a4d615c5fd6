import type { CreatedWorkspace } from '@coil/workspaces';
import { startApi, type ApiHarness } from './api-harness';
import { Seed } from './seed';

// Today is 2025-09-21; days=3 is 2025-09-19..21.
let api: ApiHarness;
let workspaceId: string;
const accounts: Record<string, string> = {};
let noFeatures: CreatedWorkspace;

beforeAll(async () => {
  api = await startApi({ now: () => new Date('2025-09-21T08:00:00Z') });
  workspaceId = api.workspace.workspace_id;
  const seed = new Seed(api.prisma, workspaceId);
  await seed.defaultProfile(7);
  await seed.feature('Reports', ['report_shared', 'report_created']);
  await seed.feature('Exports', ['export_done']);
  await seed.feature('Empty', []);
  for (const name of ['acme', 'beta', 'gamma']) accounts[name] = await seed.account({ trackingId: `features-${name}` });
  const [ann, bob, cat, dan, eve] = [
    await seed.user('ann'),
    await seed.user('bob'),
    await seed.user('cat'),
    await seed.user('dan'),
    await seed.user('eve'),
  ];
  const anon = (
    await api.prisma.user.create({ data: { workspaceId: BigInt(workspaceId), externalId: 'anon-1', identified: false } })
  ).id.toString();
  await seed.member(accounts.acme, ann);
  await seed.member(accounts.acme, bob);
  await seed.member(accounts.acme, anon);
  await seed.member(accounts.beta, cat);
  await seed.member(accounts.gamma, cat);
  await seed.member(accounts.gamma, dan);
  await seed.counts(cat, accounts.beta, 'export_done', '2025-09-10', 1);
  await seed.counts(ann, accounts.acme, 'report_created', '2025-09-19', 3);
  await seed.counts(bob, accounts.acme, 'export_done', '2025-09-19', 1);
  await seed.counts(dan, accounts.gamma, 'login', '2025-09-19', 5); // not scored: gamma is not active that day
  await seed.counts(ann, accounts.acme, 'report_shared', '2025-09-20', 2);
  await seed.counts(cat, '0', 'report_created', '2025-09-20', 4); // no account: counts for beta and gamma
  await seed.counts(eve, '0', 'export_done', '2025-09-20', 1); // a user of no account: a user, no account
  await seed.counts(anon, accounts.acme, 'report_created', '2025-09-20', 100); // anonymous: never counted
  await seed.counts(bob, accounts.acme, 'report_created', '2025-09-21', 1);
  await seed.counts(dan, accounts.gamma, 'export_done', '2025-09-21', 2);

  noFeatures = await api.admin.createWorkspace(`features-none-${Date.now()}`);
  const plain = new Seed(api.prisma, noFeatures.workspace_id);
  await plain.defaultProfile(30);
  const weighted = await plain.profile('weighted');
  await plain.eventWeight(weighted, 'signup', 3);
  await plain.eventWeight(weighted, 'invite', 2);
  const [b1, b2] = [await plain.account({ trackingId: 'b1' }), await plain.account({ trackingId: 'b2' })];
  const [u1, u2] = [await plain.user('u1'), await plain.user('u2')];
  await plain.member(b1, u1);
  await plain.member(b2, u2);
  await plain.counts(u1, b1, 'legacy', '2025-01-01', 1);
  await plain.counts(u2, b2, 'invite', '2025-09-20', 1);
  await plain.counts(u1, b1, 'login', '2025-09-21', 2);
  await plain.counts(u1, b1, 'signup', '2025-09-21', 1);
});
afterAll(() => api.close());

const use = (accounts: number, users: number, events: number, adoption: number) => ({ accounts, users, events, adoption });
const day = (date: string, accounts: number, users: number, events: number, adoption: number) => ({
  day: date,
  ...use(accounts, users, events, adoption),
});
const ZERO = use(0, 0, 0, 0);

function error(status: string, code: string, message: string, details?: Record<string, unknown>) {
  return { error: { message, status, code, ...(details && { details }) } };
}

describe('GET /v1/features', () => {
  it('per feature and day: accounts, users, events, adoption among the accounts active that day; totals over the range', async () => {
    const response = await api.get(`/v1/features?workspace_id=${workspaceId}&days=3`);
    expect(response.status).toBe(200);
    // Active accounts (a scored event): 09-19 acme; 09-20 acme, beta, gamma; 09-21 acme, gamma; the range: all three.
    expect(response.body).toEqual({
      features: [
        {
          name: 'Exports',
          events: ['export_done'],
          days: [day('2025-09-19', 1, 1, 1, 1), day('2025-09-20', 0, 1, 1, 0), day('2025-09-21', 1, 1, 2, 0.5)],
          totals: use(2, 3, 4, 0.67),
        },
        {
          name: 'Reports',
          events: ['report_created', 'report_shared'],
          days: [day('2025-09-19', 1, 1, 3, 1), day('2025-09-20', 3, 2, 6, 1), day('2025-09-21', 1, 1, 1, 0.5)],
          totals: use(3, 3, 10, 1),
        },
      ],
    });
  });

  it('30 days by default: a point for every day, zeros where nothing was used', async () => {
    const response = await api.get(`/v1/features?workspace_id=${workspaceId}`);
    const [exports] = (response.body as { features: { days: { day: string }[]; totals: unknown }[] }).features;
    expect(exports.days).toHaveLength(30);
    expect(exports.days[0]).toEqual(day('2025-08-23', 0, 0, 0, 0));
    expect(exports.days[18]).toEqual(day('2025-09-10', 1, 1, 1, 1));
    expect(exports.totals).toEqual(use(3, 4, 5, 1));
  });

  it('without features, each event the profile scores is a feature: every event sent when nothing is configured', async () => {
    const response = await api.get(`/v1/features?workspace_id=${noFeatures.workspace_id}&days=2`, noFeatures.api_token);
    expect(response.body).toEqual({
      features: [
        {
          name: 'invite',
          events: ['invite'],
          days: [day('2025-09-20', 1, 1, 1, 1), day('2025-09-21', 0, 0, 0, 0)],
          totals: use(1, 1, 1, 0.5),
        },
        { name: 'legacy', events: ['legacy'], days: [day('2025-09-20', 0, 0, 0, 0), day('2025-09-21', 0, 0, 0, 0)], totals: ZERO },
        {
          name: 'login',
          events: ['login'],
          days: [day('2025-09-20', 0, 0, 0, 0), day('2025-09-21', 1, 1, 2, 1)],
          totals: use(1, 1, 2, 0.5),
        },
        {
          name: 'signup',
          events: ['signup'],
          days: [day('2025-09-20', 0, 0, 0, 0), day('2025-09-21', 1, 1, 1, 1)],
          totals: use(1, 1, 1, 0.5),
        },
      ],
    });
  });

  it('?profile=NAME: that profile’s scored events', async () => {
    const response = await api.get(`/v1/features?workspace_id=${noFeatures.workspace_id}&days=2&profile=weighted`, noFeatures.api_token);
    const features = (response.body as { features: { name: string; totals: unknown }[] }).features;
    expect(features.map((feature) => [feature.name, feature.totals])).toEqual([
      ['invite', use(1, 1, 1, 0.5)],
      ['signup', use(1, 1, 1, 0.5)],
    ]);
  });
});

describe('GET /v1/accounts/features', () => {
  it('the account’s use of each feature in the range, the last day ever used, used and unused', async () => {
    const acme = await api.get(`/v1/accounts/features?workspace_id=${workspaceId}&id=${accounts.acme}&days=3`);
    expect(acme.status).toBe(200);
    expect(acme.body).toEqual({
      id: accounts.acme,
      features: [
        { name: 'Exports', events: 1, users: 1, last_used: '2025-09-19' },
        { name: 'Reports', events: 6, users: 2, last_used: '2025-09-21' },
      ],
      used: ['Exports', 'Reports'],
      unused: [],
    });

    const beta = await api.get(`/v1/accounts/features?workspace_id=${workspaceId}&match_type=tracking_id&match_value=features-beta&days=3`);
    expect(beta.body).toEqual({
      id: accounts.beta,
      features: [
        { name: 'Exports', events: 0, users: 0, last_used: '2025-09-10' },
        { name: 'Reports', events: 4, users: 1, last_used: '2025-09-20' },
      ],
      used: ['Reports'],
      unused: ['Exports'],
    });
    const betaMonth = await api.get(`/v1/accounts/features?workspace_id=${workspaceId}&id=${accounts.beta}`);
    expect(betaMonth.body).toMatchObject({ used: ['Exports', 'Reports'], unused: [] });
  });

  it('an account that used nothing: every feature unused', async () => {
    const other = await new Seed(api.prisma, noFeatures.workspace_id).account({ trackingId: 'b3' });
    const response = await api.get(
      `/v1/accounts/features?workspace_id=${noFeatures.workspace_id}&id=${other}&profile=weighted`,
      noFeatures.api_token,
    );
    expect(response.body).toEqual({
      id: other,
      features: [
        { name: 'invite', events: 0, users: 0, last_used: null },
        { name: 'signup', events: 0, users: 0, last_used: null },
      ],
      used: [],
      unused: ['invite', 'signup'],
    });
  });
});

describe('features errors', () => {
  const reason = 'must be a whole number of days from 1 to 400';
  const paths = () => [`/v1/features?workspace_id=${workspaceId}`, `/v1/accounts/features?workspace_id=${workspaceId}&id=${accounts.acme}`];

  it.each(['0', '401', 'abc'])('days=%s', async (days) => {
    for (const path of paths()) {
      const response = await api.get(`${path}&days=${days}`);
      expect(response.status).toBe(400);
      expect(response.body).toEqual(error('bad_request', 'invalid_parameter', `days ${reason}`, { parameter: 'days', reason }));
    }
  });

  it('an unknown profile', async () => {
    for (const path of paths()) {
      expect((await api.get(`${path}&profile=nope`)).body).toEqual(
        error('bad_request', 'invalid_parameter', 'unknown profile "nope"', { parameter: 'profile', available: ['default'] }),
      );
    }
  });

  it('/v1/accounts/features without a lookup', async () => {
    const response = await api.get(`/v1/accounts/features?workspace_id=${workspaceId}`);
    expect(response.body).toEqual(
      error('bad_request', 'missing_lookup_parameter', 'At least one lookup parameter is required', {
        available_parameters: ['id', 'match_type/match_value pairs'],
      }),
    );
  });

  it('a token of another workspace: 404', async () => {
    for (const path of paths()) {
      const response = await api.get(path, noFeatures.api_token);
      expect(response.status).toBe(404);
      expect(response.body).toEqual(error('not_found', 'not_found', 'Resource not found'));
    }
  });
});
