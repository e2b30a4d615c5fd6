import { createPgPool } from '@coil/database';
import { engagementScore } from '@coil/scoring';
import { createScoringRunner } from '@coil/scoring-pass';
import { loadConfig } from '@coil/platform';
import type { Pool } from 'pg';
import { startApi, type ApiHarness } from './api-harness';
import { Seed } from './seed';

// Two scoring runs a frame apart (7-day default profile): 2025-09-14 (frame 09-08..09-14) and
// 2025-09-21 (09-15..09-21). The account "explain-1" does the anchor's worked example in the
// second week (counts 3, 5, 10, 20, 15 at weights 9, 7, 5, 3, 1: raw 187), after a busier first
// week, so its drivers are known: comment_added -120, dashboard_viewed +40, report_created -18.
const FIRST_RUN = new Date('2025-09-14T12:00:00Z');
const SECOND_RUN = new Date('2025-09-21T12:00:00Z');

type Explanation = {
  id?: string;
  profile: string;
  time_frame: { start: string; end: string; days: number };
  raw_score: number;
  benchmark: { p90: number; accounts_in_benchmark: number; formula: string };
  engagement_score: number | null;
  contributions: { feature: string | null; event: string; count: number; weight: number; points: number; share: number }[];
  change: {
    from: number;
    to: number;
    delta: number;
    since: string;
    drivers: { feature: string | null; event: string; delta_points: number }[];
  } | null;
  filters_applied: { rule: string; in_scope: boolean; excluded_members: number }[];
};

let api: ApiHarness;
let pool: Pool;
let seed: Seed;
let ws: string;
const ids: Record<string, string> = {};

async function weekOf(user: string, account: string, day: string, counts: Record<string, number>): Promise<void> {
  for (const [event, count] of Object.entries(counts)) await seed.counts(user, account, event, day, count);
}

beforeAll(async () => {
  api = await startApi({ now: () => new Date('2025-09-22T08:00:00Z') });
  pool = createPgPool(loadConfig().databaseUrl, { max: 2 });
  ws = api.workspace.workspace_id;
  seed = new Seed(api.prisma, ws);
  const profile = await seed.defaultProfile(7);
  await seed.feature('Reports', ['report_created']);
  await seed.feature('Dashboards', ['dashboard_viewed']);
  // A direct weight wins over the feature's 5; the event still belongs to Reports.
  for (const [event, weight] of Object.entries({ report_created: 9, invite_sent: 7, comment_added: 3, page_viewed: 1 })) {
    await seed.eventWeight(profile, event, weight);
  }
  const admins = await seed.profile('admins', 7);
  await api.prisma.scoringProfile.update({
    where: { workspaceId_id: { workspaceId: BigInt(ws), id: BigInt(admins) } },
    data: { filter: 'role = admin' },
  });

  ids.account = await seed.account({ trackingId: 'explain-1' });
  ids.admin = await seed.user('explain-admin', { role: 'admin' });
  ids.viewer = await seed.user('explain-viewer', { role: 'viewer' });
  for (const user of [ids.admin, ids.viewer]) await seed.member(ids.account, user);
  await weekOf(ids.admin, ids.account, '2025-09-10', { report_created: 5, invite_sent: 5 });
  await weekOf(ids.viewer, ids.account, '2025-09-11', { dashboard_viewed: 2, page_viewed: 15 });
  await weekOf(ids.viewer, '0', '2025-09-12', { comment_added: 60 }); // no account named: it goes to every account of the user
  await weekOf(ids.admin, ids.account, '2025-09-20', { report_created: 3, invite_sent: 5 });
  await weekOf(ids.viewer, ids.account, '2025-09-19', { dashboard_viewed: 10, page_viewed: 15 });
  await weekOf(ids.viewer, '0', '2025-09-18', { comment_added: 20 });
  await weekOf(ids.viewer, ids.account, '2025-09-22', { comment_added: 100 }); // after the last run: not in its frame

  // Steady accounts that set the benchmark; "outside" has only a viewer, so the admins profile leaves it out.
  for (const [index, count] of [400, 500, 600].entries()) {
    const account = await seed.account({ trackingId: `steady-${index}` });
    const user = await seed.user(`steady-${index}`, { role: index === 0 ? 'viewer' : 'admin' });
    await seed.member(account, user);
    for (const day of ['2025-09-10', '2025-09-17']) await seed.counts(user, account, 'page_viewed', day, count);
    if (index === 0) ids.outside = account;
  }
  const runner = createScoringRunner(pool);
  await runner.scoreWorkspace(ws, FIRST_RUN);
  await runner.scoreWorkspace(ws, SECOND_RUN);
});

afterAll(async () => {
  await api.close();
  await pool.end();
});

async function explain(query: string): Promise<Explanation> {
  const response = await api.get(`/v1/accounts/explain?workspace_id=${ws}&${query}`);
  expect(response.status).toBe(200);
  return response.body as unknown as Explanation;
}

describe('GET /v1/accounts/explain', () => {
  it("splits the anchor's 187 by event: points add up to raw_score exactly, shares to 1", async () => {
    const explanation = await explain('match_type=tracking_id&match_value=explain-1');
    expect(explanation).toMatchObject({
      id: ids.account,
      profile: 'default',
      time_frame: { start: '2025-09-15', end: '2025-09-21', days: 7 },
    });
    expect(explanation.raw_score).toBe(187);
    expect(explanation.contributions.map((c) => [c.feature, c.event, c.count, c.weight, c.points])).toEqual([
      [null, 'comment_added', 20, 3, 60],
      ['Dashboards', 'dashboard_viewed', 10, 5, 50],
      [null, 'invite_sent', 5, 7, 35],
      ['Reports', 'report_created', 3, 9, 27],
      [null, 'page_viewed', 15, 1, 15],
    ]);
    expect(explanation.contributions.reduce((sum, c) => sum + c.points, 0)).toBe(explanation.raw_score);
    expect(Math.abs(explanation.contributions.reduce((sum, c) => sum + c.share, 0) - 1)).toBeLessThan(1e-9);
  });

  it("recomputes the served score from raw_score and the run's stored benchmark with the formula it names", async () => {
    const explanation = await explain(`id=${ids.account}`);
    const stored = await api.prisma.accountScore.findFirstOrThrow({
      where: { workspaceId: BigInt(ws), accountId: BigInt(ids.account), period: new Date('2025-09-21T00:00:00Z') },
      orderBy: { profileId: 'asc' },
    });
    expect(explanation.benchmark).toEqual({
      p90: stored.benchmark,
      accounts_in_benchmark: 4,
      formula: expect.stringContaining('exp(-ln(10) * raw_score / p90)'),
    });
    expect(explanation.engagement_score).toBe(engagementScore(187, stored.benchmark));
    const account = await api.get(`/v1/accounts?workspace_id=${ws}&id=${ids.account}`);
    expect(account.body.metrics).toMatchObject({ raw_score: 187, engagement_score: explanation.engagement_score });
  });

  it('names the drivers of the change since the run one frame earlier, and they add up to the raw change', async () => {
    const { change } = await explain(`id=${ids.account}`);
    const account = (await api.get(`/v1/accounts?workspace_id=${ws}&id=${ids.account}`)).body.metrics as {
      engagement_score_change: number;
    };
    expect(change).toMatchObject({ since: '2025-09-14', delta: account.engagement_score_change });
    expect(change?.drivers).toEqual([
      { feature: null, event: 'comment_added', delta_points: -120 },
      { feature: 'Dashboards', event: 'dashboard_viewed', delta_points: 40 },
      { feature: 'Reports', event: 'report_created', delta_points: -18 },
    ]);
    expect(change?.drivers.reduce((sum, driver) => sum + driver.delta_points, 0)).toBe(187 - 285);
  });

  it('the score_drop insight says what the drivers say', async () => {
    const { change } = await explain(`id=${ids.account}`);
    const insights = (await api.get(`/v1/accounts?workspace_id=${ws}&id=${ids.account}&expand=insights`)).body.insights as {
      signals: { kind: string; message: string; value: number }[];
    };
    expect(insights.signals.find((signal) => signal.kind === 'score_drop')).toEqual({
      kind: 'score_drop',
      message: `Engagement score fell from ${change?.from} to ${change?.to}: comment_added -120 points, Reports: report_created -18 points`,
      value: change?.delta,
    });
  });

  it("counts only the users a profile's filter lets in, and explains an account it leaves out", async () => {
    const admins = await explain(`id=${ids.account}&profile=admins`);
    expect(admins.filters_applied).toEqual([{ rule: 'role = admin', in_scope: true, excluded_members: 1 }]);
    expect(admins.contributions).toEqual([{ feature: 'Reports', event: 'report_created', count: 3, weight: 5, points: 15, share: 1 }]);
    const outside = await explain(`id=${ids.outside}&profile=admins`);
    expect(outside).toMatchObject({ raw_score: 0, engagement_score: null, contributions: [], change: null });
    expect(outside.filters_applied).toEqual([{ rule: 'role = admin', in_scope: false, excluded_members: 1 }]);
  });

  it('answers the lookup errors of /v1/accounts', async () => {
    expect((await api.get(`/v1/accounts/explain?workspace_id=${ws}&id=999999`)).status).toBe(404);
    expect((await api.get(`/v1/accounts/explain?workspace_id=${ws}`)).body).toMatchObject({ error: { code: 'missing_lookup_parameter' } });
    const unknown = await api.get(`/v1/accounts/explain?workspace_id=${ws}&id=${ids.account}&profile=nope`);
    expect(unknown.body).toMatchObject({
      error: { code: 'invalid_parameter', details: { parameter: 'profile', available: ['default', 'admins'] } },
    });
  });
});

describe('expand=explanation', () => {
  it('on /v1/accounts is the same explanation, cached with its time', async () => {
    const { id: _id, ...direct } = await explain(`id=${ids.account}`);
    const response = await api.get(`/v1/accounts?workspace_id=${ws}&id=${ids.account}&expand=explanation`);
    expect(response.body.explanation).toEqual(direct);
    expect((response.body._expansions as { cached_at: Record<string, string> }).cached_at.explanation).toEqual(expect.any(String));
  });

  it("on /v1/users explains a user's own score: all its events, whichever account they named", async () => {
    const response = await api.get(`/v1/users?workspace_id=${ws}&id=${ids.viewer}&expand=explanation`);
    expect(response.status).toBe(200);
    const explanation = response.body.explanation as Explanation;
    expect(explanation.contributions.map((c) => [c.event, c.points])).toEqual([
      ['comment_added', 60],
      ['dashboard_viewed', 50],
      ['page_viewed', 15],
    ]);
    expect(explanation.raw_score).toBe(125);
    expect(explanation.benchmark.accounts_in_benchmark).toBe(5);
    expect(response.body._expansions).toMatchObject({ available: ['explanation'], unknown_parameters: [] });
    const plain = await api.get(`/v1/users?workspace_id=${ws}&id=${ids.viewer}`);
    expect(plain.body).not.toHaveProperty('explanation');
    expect(plain.body).not.toHaveProperty('_expansions');
  });
});
