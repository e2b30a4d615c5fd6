import { trendOf } from '@coil/scoring';
import { createScoringRunner } from '@coil/scoring-pass';
import { ScoringFixture } from './support/scoring-fixture';

// The daily history on a fake clock: every run passes its own `now`.

const at = (day: string): Date => new Date(`${day}T12:00:00Z`);

describe('score history', () => {
  const fixture = new ScoringFixture();
  const runner = createScoringRunner(fixture.pool);

  afterAll(() => fixture.close());

  async function changesOn(workspaceId: string, period: string) {
    const accounts = (await fixture.accountScores(workspaceId)).filter((row) => row.period === period);
    const users = (await fixture.storedUserScores(workspaceId)).filter((row) => row.period === period);
    return {
      accounts: accounts.map((row) => [row.engagement_score, row.engagement_score_change]),
      users: users.sort((a, b) => Number(a.userId) - Number(b.userId)).map((row) => [row.engagementScore, row.engagementScoreChange]),
    };
  }

  it('has a change one 7-day frame after the first run (day D + 7), and none the day before (D + 6)', async () => {
    const workspaceId = await fixture.workspace();
    await fixture.prisma.scoringProfile.create({
      data: { workspaceId: BigInt(workspaceId), name: 'weekly', isDefault: true, windowDays: 7 },
    });
    const busy = await fixture.accountWithUser(workspaceId, 'busy');
    const quiet = await fixture.accountWithUser(workspaceId, 'quiet');
    await fixture.counts(workspaceId, [
      { user: busy.user, event: 'x', day: '2025-03-10', count: 10 },
      { user: quiet.user, event: 'x', day: '2025-03-10', count: 10 },
      { user: busy.user, event: 'x', day: '2025-03-17', count: 10 },
      { user: quiet.user, event: 'x', day: '2025-03-17', count: 1 },
    ]);

    await runner.scoreWorkspace(workspaceId, at('2025-03-10')); // D
    await runner.scoreWorkspace(workspaceId, at('2025-03-16')); // D + 6: only D + 6 - 7 .. D - 1 may serve, empty
    await runner.scoreWorkspace(workspaceId, at('2025-03-17')); // D + 7: D serves

    expect(await changesOn(workspaceId, '2025-03-16')).toEqual({
      accounts: [
        [90.1, null],
        [90.1, null],
      ],
      users: [
        [90.1, null],
        [90.1, null],
      ],
    });
    // D + 7: B = 9.1 over raws 10 and 1, so busy rises to 92.1 and quiet falls to 23.1 from 90.1.
    const changes = await changesOn(workspaceId, '2025-03-17');
    expect(changes).toEqual({
      accounts: [
        [92.1, 2],
        [23.1, -67],
      ],
      users: [
        [92.1, 2],
        [23.1, -67],
      ],
    });
    expect(changes.accounts.map(([, change]) => trendOf(change))).toEqual(['steady', 'cold']);
  });

  it('reads the latest stored score of the earlier frame when a day was skipped', async () => {
    const workspaceId = await fixture.workspace();
    await fixture.prisma.scoringProfile.create({
      data: { workspaceId: BigInt(workspaceId), name: 'weekly', isDefault: true, windowDays: 7 },
    });
    const { user } = await fixture.accountWithUser(workspaceId, 'solo');
    await fixture.counts(workspaceId, [{ user, event: 'x', day: '2025-03-10', count: 10 }]);

    await runner.scoreWorkspace(workspaceId, at('2025-03-01')); // no events yet: 1
    await runner.scoreWorkspace(workspaceId, at('2025-03-04')); // still 1 (its frame ends before the count)
    await runner.scoreWorkspace(workspaceId, at('2025-03-12')); // 90.1; reads 03-04 (latest of 03-01 and 03-04, both in 03-06 - 7 .. 03-05)

    const latest = (await fixture.accountScores(workspaceId)).find((row) => row.period === '2025-03-12');
    expect(latest).toMatchObject({ engagement_score: 90.1, engagement_score_change: 89.1 });
  });

  it('writes one workspace row per profile and run, and keeps 400 days of account, user and workspace rows', async () => {
    const workspaceId = await fixture.workspace();
    const other = await fixture.workspace();
    for (const id of [workspaceId, other]) {
      const { user } = await fixture.accountWithUser(id, 'a');
      const second = await fixture.accountWithUser(id, 'b');
      await fixture.counts(id, [
        { user, event: 'x', day: '2025-09-21', count: 10 },
        { user: second.user, event: 'x', day: '2024-08-16', count: 3 },
      ]);
    }
    await runner.scoreWorkspace(other, at('2024-08-16'));
    for (const day of ['2024-08-16', '2024-08-17', '2025-09-21']) await runner.scoreWorkspace(workspaceId, at(day));

    const periods = async (table: string, id: string): Promise<string[]> => {
      const result = await fixture.pool.query<{ period: string }>(
        `SELECT DISTINCT to_char(period, 'YYYY-MM-DD') AS period FROM ${table} WHERE workspace_id = $1 ORDER BY 1`,
        [id],
      );
      return result.rows.map((row) => row.period);
    };
    // 2025-09-21 minus 400 days is 2024-08-17: that day stays, the day before goes.
    for (const table of ['account_scores', 'user_scores', 'workspace_scores']) {
      expect([table, await periods(table, workspaceId)]).toEqual([table, ['2024-08-17', '2025-09-21']]);
      expect([table, await periods(table, other)]).toEqual([table, ['2024-08-16']]);
    }
    expect(await fixture.storedWorkspaceScores(workspaceId)).toEqual([
      // Each day one account is active alone (its own benchmark: 90.1), the other scores 1.
      expect.objectContaining({ period: '2024-08-17', meanScore: 45.6, accounts: 2, activeAccounts: 1, activeUsers: 1 }),
      expect.objectContaining({ period: '2025-09-21', meanScore: 45.6, accounts: 2, activeAccounts: 1, activeUsers: 1 }),
    ]);
  });
});
