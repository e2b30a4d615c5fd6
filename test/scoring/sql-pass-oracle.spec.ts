import { addUtcDays, parseUtcDay } from '@coil/scoring';
import { createScoringRunner } from '@coil/scoring-pass';
import { expectedScores } from './support/expected-scores';
import { generateWorkspace } from './support/generated-workspace';
import { ScoringFixture } from './support/scoring-fixture';

/*
 * The SQL scoring pass against the reference model, on seeded random workspaces. Every value is
 * compared exactly: raws and counts are sums of integers (exact in float8 and in a JS number),
 * and the scores and benchmarks come from the same float operations on equal inputs on both
 * sides (the pass scores its SQL totals with @coil/scoring), so any difference is a real one.
 */

const TODAY = '2025-09-21';
// Runs 30, 9, 7 and 1 days apart: at the last run every window finds a stored score one frame
// ago, the 7-day one two of them (9 and 7 days ago: the later one counts).
const RUNS = [-30, -9, -7, -1, 0].map((offset) => new Date(addUtcDays(parseUtcDay(TODAY), offset).getTime() + 15 * 3600_000));
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

const byKey =
  <T extends { profileId: string; period: string }>(id: (row: T) => string) =>
  (a: T, b: T) =>
    `${a.profileId}|${a.period}|${id(a)}`.localeCompare(`${b.profileId}|${b.period}|${id(b)}`);

describe('the SQL scoring pass agrees with the reference model on generated workspaces', () => {
  const fixture = new ScoringFixture();
  const runner = createScoringRunner(fixture.pool);

  afterAll(() => fixture.close());

  it.each(SEEDS)('seed %i: every account, user and workspace score and metric of every profile and run', async (seed) => {
    const data = generateWorkspace(seed, TODAY);
    const ids = await fixture.seed(data);

    for (const now of RUNS) await runner.scoreWorkspace(ids.workspaceId, now);

    const expected = expectedScores(data, ids, RUNS);
    const accountKey = byKey<{ profileId: string; period: string; accountId: string }>((row) => row.accountId);
    const userKey = byKey<{ profileId: string; period: string; userId: string }>((row) => row.userId);
    expect((await fixture.storedMetrics(ids.workspaceId)).sort(accountKey)).toEqual(expected.accounts.sort(accountKey));
    expect((await fixture.storedUserScores(ids.workspaceId)).sort(userKey)).toEqual(expected.users.sort(userKey));
    expect((await fixture.storedWorkspaceScores(ids.workspaceId)).sort(byKey(() => ''))).toEqual(expected.workspaces.sort(byKey(() => '')));
  });

  it('generates workspaces that exercise what the pass distinguishes', () => {
    const workspaces = SEEDS.map((seed) => generateWorkspace(seed, TODAY));
    const profiles = workspaces.flatMap((data) => data.profiles);
    expect(new Set(profiles.map((profile) => profile.windowDays))).toEqual(new Set([1, 7, 30]));
    expect(new Set(profiles.map((profile) => profile.normalization))).toEqual(new Set(['exponential', 'winsorized']));
    expect(profiles.some((profile) => Object.keys(profile.weights).length === 0)).toBe(true);
    expect(workspaces.some((data) => data.features.length > 0)).toBe(true);
    const counts = workspaces.flatMap((data) => data.counts.map((count) => ({ ...count, identified: data.users[count.user].identified })));
    expect(counts.some((count) => count.account === null) && counts.some((count) => count.account !== null)).toBe(true);
    expect(counts.some((count) => !count.identified)).toBe(true);
    expect(counts.some((count) => count.day > TODAY)).toBe(true);
    const checklists = workspaces.map((data) => data.checklist);
    expect(checklists.some((checklist) => checklist === null)).toBe(true);
    expect(checklists.some((checklist) => checklist?.requiredUsers === null)).toBe(true);
    expect(checklists.some((checklist) => (checklist?.requiredUsers ?? 0) > 0)).toBe(true);
    expect(checklists.some((checklist) => checklist?.steps.some((step) => step.kind === 'feature'))).toBe(true);
  });

  it('expects values that tell the new metrics apart (activated and not, lifetime above period adoption, changes)', () => {
    const expected = SEEDS.map((seed) => {
      const data = generateWorkspace(seed, TODAY);
      const position = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`);
      const ids = {
        workspaceId: '1',
        accountIds: position('', data.accounts),
        userIds: position('', data.users.length),
        profileIds: position('', data.profiles.length),
      };
      return expectedScores(data, ids, RUNS);
    });
    const rows = expected.flatMap(({ accounts, users }) => [
      ...accounts.map((row) => row.engagement),
      ...users.map((row) => row.engagement),
    ]);
    expect(rows.some((row) => row.activation?.activated_at != null)).toBe(true);
    expect(rows.some((row) => row.activation !== null && row.activation.activated_at === null && row.activation.rate > 0)).toBe(true);
    expect(rows.some((row) => row.frequency > 1)).toBe(true);
    expect(rows.some((row) => row.lifetime_adoption_rate > row.adoption_rate && row.adoption_rate > 0)).toBe(true);
    expect(expected.some(({ accounts }) => accounts.some((row) => row.metrics.engagement_score_change !== null))).toBe(true);
    expect(expected.some(({ users }) => users.some((row) => row.engagementScoreChange !== null && row.engagementScoreChange !== 0))).toBe(
      true,
    );
  });
});
