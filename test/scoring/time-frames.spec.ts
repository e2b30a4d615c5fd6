import { createScoringRunner } from '@coil/scoring-pass';
import { ScoringFixture } from './support/scoring-fixture';

describe('time frames roll over at UTC midnight', () => {
  const fixture = new ScoringFixture();
  const runner = createScoringRunner(fixture.pool);

  afterAll(() => fixture.close());

  it('counts yesterday and 7 days ago in a 7-day window until 23:59:59Z, and drops the older day at 00:00:00Z', async () => {
    const workspaceId = await fixture.workspace();
    const { user } = await fixture.accountWithUser(workspaceId, 'rolling');
    await fixture.prisma.scoringProfile.create({
      data: { workspaceId: BigInt(workspaceId), name: 'weekly', isDefault: true, windowDays: 7 },
    });
    await fixture.counts(workspaceId, [
      { user, event: 'login', day: '2025-03-09', count: 2 }, // yesterday of the first run
      { user, event: 'login', day: '2025-03-04', count: 5 }, // 6 days before: the window's first day
      { user, event: 'login', day: '2025-03-02', count: 40 }, // 8 days before: outside
    ]);

    await runner.scoreWorkspace(workspaceId, new Date('2025-03-10T23:59:59.999Z'));
    await runner.scoreWorkspace(workspaceId, new Date('2025-03-11T00:00:00.000Z'));

    const rows = await fixture.accountScores(workspaceId);
    expect(rows.map((row) => [row.period, row.raw_score, row.scoring_profile_events])).toEqual([
      ['2025-03-10', 7, '7'],
      ['2025-03-11', 2, '2'],
    ]);
  });

  it('keeps each period as its own row and reads the change from the stored previous period', async () => {
    const workspaceId = await fixture.workspace();
    const busy = await fixture.accountWithUser(workspaceId, 'busy');
    const quiet = await fixture.accountWithUser(workspaceId, 'quiet');
    await fixture.prisma.scoringProfile.create({
      data: { workspaceId: BigInt(workspaceId), name: 'daily', isDefault: true, windowDays: 1 },
    });
    await fixture.counts(workspaceId, [
      { user: busy.user, event: 'x', day: '2025-03-10', count: 10 },
      { user: quiet.user, event: 'x', day: '2025-03-10', count: 10 },
      { user: busy.user, event: 'x', day: '2025-03-11', count: 10 },
      { user: quiet.user, event: 'x', day: '2025-03-11', count: 1 },
    ]);

    await runner.scoreWorkspace(workspaceId, new Date('2025-03-10T12:00:00Z'));
    await runner.scoreWorkspace(workspaceId, new Date('2025-03-11T12:00:00Z'));

    const rows = await fixture.accountScores(workspaceId);
    const second = rows.filter((row) => row.period === '2025-03-11');
    expect(rows.filter((row) => row.period === '2025-03-10').map((row) => row.engagement_score_change)).toEqual([null, null]);
    // Day one: two equal accounts both at the benchmark (90.1); day two: B = 9.1, so busy rises, quiet falls.
    expect(second.map((row) => [row.engagement_score, row.engagement_score_change])).toEqual([
      [92.1, 2],
      [23.1, -67],
    ]);
  });
});
