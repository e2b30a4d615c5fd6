import { startApi, type ApiHarness } from './api-harness';
import { Seed } from './seed';

// Today is 2025-09-21; the default profile scores over 7 days (2025-09-15..21).
let api: ApiHarness;
let accountId: string;

beforeAll(async () => {
  api = await startApi({ now: () => new Date('2025-09-21T12:00:00Z') });
  const seed = new Seed(api.prisma, api.workspace.workspace_id);
  const profile = await seed.defaultProfile(7);
  accountId = await seed.account({ trackingId: 'insights-1' });
  await seed.score(profile, accountId, '2025-09-07', { engagementScore: 80, activeUsers: 3, totalPeople: 3 });
  await seed.score(profile, accountId, '2025-09-14', { engagementScore: 70, activeUsers: 3, totalPeople: 3 });
  await seed.score(profile, accountId, '2025-09-21', { engagementScore: 52, activeUsers: 1, totalPeople: 3 });
  const [busy, light, quiet] = [await seed.user('busy'), await seed.user('light'), await seed.user('quiet')];
  for (const user of [busy, light, quiet]) await seed.member(accountId, user);
  await seed.counts(busy, accountId, 'report_created', '2025-09-20', 8);
  await seed.counts(busy, '0', 'report_shared', '2025-09-19', 1);
  await seed.counts(light, accountId, 'report_created', '2025-09-16', 1);
  await seed.counts(quiet, accountId, 'report_created', '2025-09-07', 4);
  await seed.feature('Reports', ['report_created', 'report_shared']);
  await seed.feature('Exports', ['export_done']);
});
afterAll(() => api.close());

it('insights are assembled from scores, daily counts, memberships and features', async () => {
  const response = await api.get(`/v1/accounts?workspace_id=${api.workspace.workspace_id}&id=${accountId}&expand=insights`);
  expect(response.status).toBe(200);
  const insights = response.body.insights as {
    signals: { kind: string; value: number }[];
    top_features: unknown;
    unused_features: unknown;
    generated_at: string;
  };
  const signals = Object.fromEntries(insights.signals.map((signal) => [signal.kind, signal.value]));
  expect(signals).toEqual({
    score_drop: -18,
    score_decline_two_periods: -28,
    active_users_drop: -0.67,
    quiet_users: 1,
    unused_features: 1,
    concentration: 0.9,
  });
  expect(insights.top_features).toEqual([{ name: 'Reports', count: 10 }]);
  expect(insights.unused_features).toEqual(['Exports']);
  expect(insights.generated_at).toBe('2025-09-21T12:00:00.000Z');
});
