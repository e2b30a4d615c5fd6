import {
  addUtcDays,
  eventWeighting,
  formatUtcDay,
  isInFrame,
  parseUtcDay,
  previousTimeFrame,
  scoredEventCount,
  timeFrame,
  type EventWeighting,
  type TimeFrame,
} from '@coil/scoring';
import { createScoringRunner } from '@coil/scoring-pass';
import { generateWorkspace, type GeneratedProfile, type GeneratedWorkspace } from './support/generated-workspace';
import { accountMetrics, accountTotalsFromRows, normalizeScores, rawScore, type DailyCountRow } from './support/reference-model';
import { ScoringFixture, type SeededWorkspace, type StoredMetrics, type StoredUserScore } from './support/scoring-fixture';

/*
 * The SQL scoring pass against the reference model, on seeded random workspaces. Every value is
 * compared exactly: raws and counts are sums of integers (exact in float8 and in a JS number),
 * and the scores and benchmarks come from the same float operations on equal inputs on both
 * sides (the pass scores its SQL totals with @coil/scoring), so any difference is a real one.
 */

const TODAY = '2025-09-21';
// Runs 30, 7 and 1 days apart, so that every window finds a stored previous period at the last run.
const RUNS = [-30, -7, -1, 0].map((offset) => new Date(addUtcDays(parseUtcDay(TODAY), offset).getTime() + 15 * 3600_000));
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

/** A feature's weight applies to each of its events; a direct weight wins. */
function weightingOf(data: GeneratedWorkspace, profile: GeneratedProfile): EventWeighting {
  const weights = new Map<string, number>();
  for (const feature of data.features) for (const event of feature.events) weights.set(event, feature.weight);
  for (const [event, weight] of Object.entries(profile.weights)) weights.set(event, weight);
  return eventWeighting(weights);
}

/** Per account, the rows the model attributes to it: identified users' counts naming it, and those naming no account of its members. */
function attributedRows(data: GeneratedWorkspace, ids: SeededWorkspace): DailyCountRow[][] {
  const rows: DailyCountRow[][] = Array.from({ length: data.accounts }, () => []);
  for (const count of data.counts) {
    if (!data.users[count.user].identified) continue;
    const row = { userId: ids.userIds[count.user], event: count.event, day: parseUtcDay(count.day), count: count.count };
    const accounts =
      count.account === null ? data.memberships.filter(([, user]) => user === count.user).map(([account]) => account) : [count.account];
    for (const account of accounts) rows[account].push(row);
  }
  return rows;
}

/** A user's counts per event in the frame, whichever account they named. */
function frameCountsOf(data: GeneratedWorkspace, user: number, frame: TimeFrame): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of data.counts) {
    if (row.user === user && isInFrame(parseUtcDay(row.day), frame)) counts.set(row.event, (counts.get(row.event) ?? 0) + row.count);
  }
  return counts;
}

const byKey =
  <T extends { profileId: string; period: string }>(id: (row: T) => string) =>
  (a: T, b: T) =>
    `${a.profileId}|${a.period}|${id(a)}`.localeCompare(`${b.profileId}|${b.period}|${id(b)}`);

/** What the reference model says every run stores, run after run (the change reads the model's earlier scores). */
function expectedScores(data: GeneratedWorkspace, ids: SeededWorkspace): { accounts: StoredMetrics[]; users: StoredUserScore[] } {
  const rows = attributedRows(data, ids);
  const identifiedMembers = (account: number): string[] =>
    data.memberships.filter(([a, user]) => a === account && data.users[user].identified).map(([, user]) => ids.userIds[user]);
  const workspaceEvents = data.counts.map((count) => count.event);
  const scoreOf = new Map<string, number>();
  const accounts: StoredMetrics[] = [];
  const users: StoredUserScore[] = [];
  for (const now of RUNS) {
    for (const [index, profile] of data.profiles.entries()) {
      const profileId = ids.profileIds[index];
      const weighting = weightingOf(data, profile);
      const frame = timeFrame(now, profile.windowDays);
      const period = formatUtcDay(frame.end);
      const inputs = ids.accountIds.map((accountId, account) => ({
        accountId,
        rows: rows[account],
        memberUserIds: identifiedMembers(account),
        weighting,
        frame,
        now,
      }));
      const { benchmark } = normalizeScores(
        new Map(inputs.map((input) => [input.accountId, accountTotalsFromRows(input).rawScore])),
        profile.normalization,
      );
      for (const input of inputs) {
        const previousScore = scoreOf.get(`${profileId}|${formatUtcDay(previousTimeFrame(frame).end)}|${input.accountId}`) ?? null;
        const metrics = accountMetrics({
          ...input,
          benchmark,
          method: profile.normalization,
          scoredEventCount: scoredEventCount(weighting, workspaceEvents),
          previousScore,
        });
        scoreOf.set(`${profileId}|${period}|${input.accountId}`, metrics.engagement_score);
        accounts.push({ profileId, period, accountId: input.accountId, benchmark, metrics });
      }
      const identified = ids.userIds.filter((_, user) => data.users[user].identified);
      const raws = new Map(
        identified.map((userId) => [
          userId,
          rawScore(frameCountsOf(data, ids.userIds.indexOf(userId), frame), weighting.weights, weighting.unlistedWeight),
        ]),
      );
      const normalized = normalizeScores(raws, profile.normalization);
      for (const [userId, raw] of raws) {
        users.push({
          profileId,
          period,
          userId,
          rawScore: raw,
          engagementScore: normalized.scores.get(userId)!,
          benchmark: normalized.benchmark,
        });
      }
    }
  }
  return { accounts: accounts.sort(byKey((row) => row.accountId)), users: users.sort(byKey((row) => row.userId)) };
}

describe('the SQL scoring pass agrees with the reference model on generated workspaces', () => {
  const fixture = new ScoringFixture();
  const runner = createScoringRunner(fixture.pool);

  afterAll(() => fixture.close());

  it.each(SEEDS)('seed %i: every account and user score and metric of every profile and run', async (seed) => {
    const data = generateWorkspace(seed, TODAY);
    const ids = await fixture.seed(data);

    for (const now of RUNS) await runner.scoreWorkspace(ids.workspaceId, now);

    const expected = expectedScores(data, ids);
    expect((await fixture.storedMetrics(ids.workspaceId)).sort(byKey((row) => row.accountId))).toEqual(expected.accounts);
    expect((await fixture.storedUserScores(ids.workspaceId)).sort(byKey((row) => row.userId))).toEqual(expected.users);
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
  });
});
