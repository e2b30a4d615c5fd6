import {
  accountActivationOf,
  activationOf,
  addUtcDays,
  adoptionUnits,
  eventWeighting,
  formatUtcDay,
  parseUtcDay,
  roundToTenth,
  scoredEventCount,
  timeFrame,
  utcDay,
  type Activation,
  type EventWeighting,
} from '@coil/scoring';
import type { GeneratedProfile, GeneratedWorkspace } from './generated-workspace';
import {
  accountMetrics,
  accountTotalsFromRows,
  engagementMetrics,
  normalizeScores,
  stepDoneDays,
  userTotalsFromRows,
  type DailyCountRow,
} from './reference-model';
import type { SeededWorkspace, StoredMetrics, StoredUserScore, StoredWorkspaceScore } from './scoring-fixture';

/** A feature's weight applies to each of its events; a direct weight wins. */
export function weightingOf(data: GeneratedWorkspace, profile: GeneratedProfile): EventWeighting {
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

/** Per user, all of its rows, whichever account they named. */
function userRows(data: GeneratedWorkspace, ids: SeededWorkspace): DailyCountRow[][] {
  return data.users.map((_, user) =>
    data.counts
      .filter((count) => count.user === user)
      .map((count) => ({ userId: ids.userIds[user], event: count.event, day: parseUtcDay(count.day), count: count.count })),
  );
}

/** Activation of each account and identified user, by position; null everywhere without a checklist. */
function activations(data: GeneratedWorkspace, accountRows: DailyCountRow[][], rowsOfUsers: DailyCountRow[][]) {
  const checklist = data.checklist;
  if (checklist === null) return { account: (): Activation | null => null, user: (): Activation | null => null };
  const ofUser = rowsOfUsers.map((rows) => activationOf(checklist, stepDoneDays(checklist, data.features, rows)));
  const ofAccount = accountRows.map((rows, account) => {
    const members = data.memberships.filter(([a, user]) => a === account && data.users[user].identified).map(([, user]) => user);
    const activatedAt = members.map((user) => ofUser[user].activated_at).map((day) => (day === null ? null : parseUtcDay(day)));
    return accountActivationOf(checklist, stepDoneDays(checklist, data.features, rows), activatedAt);
  });
  return { account: (index: number): Activation | null => ofAccount[index], user: (index: number): Activation | null => ofUser[index] };
}

/** The latest score stored one time frame ago: period in (today - 2w, today - w], read plainly day by day. */
function scoreOneFrameAgo(
  scores: ReadonlyMap<string, number>,
  key: (period: string) => string,
  now: Date,
  windowDays: number,
): number | null {
  for (let back = windowDays; back < 2 * windowDays; back += 1) {
    const score = scores.get(key(formatUtcDay(addUtcDays(utcDay(now), -back))));
    if (score !== undefined) return score;
  }
  return null;
}

export interface ExpectedScores {
  readonly accounts: StoredMetrics[];
  readonly users: StoredUserScore[];
  readonly workspaces: StoredWorkspaceScore[];
}

/** What the reference model says every run stores, run after run (the change reads the model's earlier scores). */
export function expectedScores(data: GeneratedWorkspace, ids: SeededWorkspace, runs: readonly Date[]): ExpectedScores {
  const rows = attributedRows(data, ids);
  const rowsOfUsers = userRows(data, ids);
  const activation = activations(data, rows, rowsOfUsers);
  const identifiedMembers = (account: number): string[] =>
    data.memberships.filter(([a, user]) => a === account && data.users[user].identified).map(([, user]) => ids.userIds[user]);
  const workspaceEvents = data.counts.map((count) => count.event);
  const scoreOf = new Map<string, number>();
  const expected: ExpectedScores = { accounts: [], users: [], workspaces: [] };
  for (const now of runs) {
    for (const [index, profile] of data.profiles.entries()) {
      const profileId = ids.profileIds[index];
      const weighting = weightingOf(data, profile);
      const adoption = adoptionUnits(weighting, data.features, workspaceEvents);
      const frame = timeFrame(now, profile.windowDays);
      const period = formatUtcDay(frame.end);
      const inputs = ids.accountIds.map((accountId, account) => ({
        accountId,
        rows: rows[account],
        memberUserIds: identifiedMembers(account),
        weighting,
        frame,
        now,
        adoption,
      }));
      const { benchmark } = normalizeScores(
        new Map(inputs.map((input) => [input.accountId, accountTotalsFromRows(input).rawScore])),
        profile.normalization,
      );
      const accountScores: number[] = [];
      let activeAccounts = 0;
      for (const [account, input] of inputs.entries()) {
        const key = (day: string): string => `${profileId}|${day}|account ${input.accountId}`;
        const metrics = accountMetrics({
          ...input,
          benchmark,
          method: profile.normalization,
          scoredEventCount: scoredEventCount(weighting, workspaceEvents),
          previousScore: scoreOneFrameAgo(scoreOf, key, now, profile.windowDays),
        });
        const totals = accountTotalsFromRows(input);
        const engagement = engagementMetrics(totals, adoption.count, activation.account(account));
        scoreOf.set(key(period), metrics.engagement_score);
        accountScores.push(metrics.engagement_score);
        if (metrics.scoring_profile_events > 0) activeAccounts += 1;
        expected.accounts.push({ profileId, period, accountId: input.accountId, benchmark, metrics, engagement });
      }
      const users = data.users.flatMap((user, position) =>
        user.identified
          ? [
              {
                position,
                totals: userTotalsFromRows({ userId: ids.userIds[position], rows: rowsOfUsers[position], weighting, frame, adoption }),
              },
            ]
          : [],
      );
      const normalized = normalizeScores(
        users.map(({ totals }) => totals.rawScore),
        profile.normalization,
      );
      for (const [rank, { position, totals }] of users.entries()) {
        const key = (day: string): string => `${profileId}|${day}|user ${String(totals.userId)}`;
        const engagementScore = normalized.scores[rank];
        const previous = scoreOneFrameAgo(scoreOf, key, now, profile.windowDays);
        scoreOf.set(key(period), engagementScore);
        expected.users.push({
          profileId,
          period,
          userId: String(totals.userId),
          rawScore: totals.rawScore,
          engagementScore,
          engagementScoreChange: previous === null ? null : roundToTenth(engagementScore - previous),
          benchmark: normalized.benchmark,
          engagement: engagementMetrics(totals, adoption.count, activation.user(position)),
        });
      }
      const total = accountScores.reduce((sum, score) => sum + score, 0);
      expected.workspaces.push({
        profileId,
        period,
        meanScore: accountScores.length === 0 ? 0 : roundToTenth(total / accountScores.length),
        accounts: accountScores.length,
        activeAccounts,
        activeUsers: users.filter(({ totals }) => totals.scoringProfileEvents > 0).length,
      });
    }
  }
  return expected;
}
