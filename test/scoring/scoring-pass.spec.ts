import { createScoringRunner } from '@coil/scoring-pass';
import { ScoringFixture } from './support/scoring-fixture';

const now = new Date('2025-09-21T15:00:00Z');
const today = '2025-09-21';

describe('ScoringRunner.scoreWorkspace', () => {
  const fixture = new ScoringFixture();
  const runner = createScoringRunner(fixture.pool);

  afterAll(() => fixture.close());

  it("stores the anchor's worked example: counts 3,5,10,20,15 at weights 9,7,5,3,1 give raw 187", async () => {
    const workspaceId = await fixture.workspace();
    const { account, user } = await fixture.accountWithUser(workspaceId, 'acme');
    const events = [
      ['a', 3, 9],
      ['b', 5, 7],
      ['c', 10, 5],
      ['d', 20, 3],
      ['e', 15, 1],
    ] as const;
    await fixture.counts(
      workspaceId,
      events.map(([event, count]) => ({ user, event, day: today, count })),
    );
    const profile = await fixture.prisma.scoringProfile.create({
      data: { workspaceId: BigInt(workspaceId), name: 'default', isDefault: true, windowDays: 30 },
    });
    await fixture.prisma.eventWeight.createMany({
      data: events.map(([event, , weight]) => ({ workspaceId: BigInt(workspaceId), profileId: profile.id, event, weight })),
    });

    const summary = await runner.scoreWorkspace(workspaceId, now);

    const [stored] = await fixture.accountScores(workspaceId);
    expect(stored).toMatchObject({ account_id: String(account), period: today, raw_score: 187, engagement_score: 90.1, benchmark: 187 });
    expect(stored).toMatchObject({ active_users: 1, activation_rate: 1, scoring_profile_events: '53', total_people_count: 1 });
    expect(summary.profiles).toEqual([expect.objectContaining({ name: 'default', accounts: 1, users: 1, period: today })]);
  });

  it("normalises the anchor's 13 accounts against the 90th percentile 208.2 with the exponential formula", async () => {
    const raws = [475, 89, 101, 7, 3, 21, 2, 149, 223, 1, 13, 9, 37];
    const workspaceId = await fixture.workspace();
    const accounts: bigint[] = [];
    for (const [index, raw] of raws.entries()) {
      const { account, user } = await fixture.accountWithUser(workspaceId, `account-${index}`);
      accounts.push(account);
      await fixture.counts(workspaceId, [{ user, event: 'used', day: today, count: raw }]);
    }

    await runner.scoreWorkspace(workspaceId, now);

    const stored = await fixture.accountScores(workspaceId);
    const byAccount = new Map(stored.map((row) => [row.account_id, row]));
    raws.forEach((raw, index) => {
      const row = byAccount.get(String(accounts[index]));
      const expected = Math.round(10 * (1 + 99 * (1 - Math.exp((-Math.log(10) * raw) / 208.2)))) / 10;
      expect(row?.benchmark).toBeCloseTo(208.2, 9);
      expect(row?.raw_score).toBe(raw);
      expect(row?.engagement_score).toBe(expected);
    });
    expect(byAccount.get(String(accounts[0]))?.engagement_score).toBe(99.5);
  });

  it('attributes counts without an account to every account of the user, named ones to that account only', async () => {
    const workspaceId = await fixture.workspace();
    const first = await fixture.account(workspaceId, 'first');
    const second = await fixture.account(workspaceId, 'second');
    const user = await fixture.user(workspaceId, 'shared');
    const anonymous = await fixture.user(workspaceId, 'anon-1', { identified: false });
    await Promise.all([first, second].map((account) => fixture.member(workspaceId, account, user)));
    await fixture.member(workspaceId, first, anonymous);
    await fixture.counts(workspaceId, [
      { user, event: 'login', day: today, count: 4 },
      { user, account: second, event: 'report', day: today, count: 6 },
      { user: anonymous, account: first, event: 'report', day: today, count: 100 },
    ]);

    await runner.scoreWorkspace(workspaceId, now);

    const stored = await fixture.accountScores(workspaceId);
    expect(stored.map((row) => [row.account_id, row.raw_score, row.total_people_count])).toEqual([
      [String(first), 4, 1],
      [String(second), 10, 1],
    ]);
    const users = await fixture.prisma.userScore.findMany({ where: { workspaceId: BigInt(workspaceId) } });
    expect(users.map((row) => [row.userId, row.rawScore])).toEqual([[user, 10]]);
  });

  it('scores a workspace without any configuration (default profile created, every event weight 1)', async () => {
    const workspaceId = await fixture.workspace();
    const { user } = await fixture.accountWithUser(workspaceId, 'solo');
    await fixture.counts(workspaceId, [{ user, event: 'anything', day: '2025-08-23', count: 2 }]);

    const summary = await runner.scoreWorkspace(workspaceId, now);

    expect(summary.profiles).toEqual([expect.objectContaining({ name: 'default', is_default: true, window_days: 30 })]);
    expect(await fixture.accountScores(workspaceId)).toEqual([
      expect.objectContaining({ raw_score: 2, engagement_score: 90.1, activation_rate: 1 }),
    ]);
  });

  it('rejects an unknown workspace', async () => {
    await expect(runner.scoreWorkspace('8999999999999999999', now)).rejects.toMatchObject({ code: 'not_found' });
  });
});
