import { createSettings } from '@coil/settings';
import { createScoringRunner } from '@coil/scoring-pass';
import { ScoringFixture } from './support/scoring-fixture';

const now = new Date('2025-09-21T10:00:00Z');
const today = '2025-09-21';

describe('profile configuration in a scoring pass', () => {
  const fixture = new ScoringFixture();
  const runner = createScoringRunner(fixture.pool);
  const { profiles, features, eventWeights: weights } = createSettings(fixture.pool);

  afterAll(() => fixture.close());

  it("applies a feature's weight to its events and lets a direct weight win; unlisted events stop scoring", async () => {
    const workspaceId = await fixture.workspace();
    const { user } = await fixture.accountWithUser(workspaceId, 'weights');
    await fixture.counts(workspaceId, [
      { user, event: 'report_created', day: today, count: 2 },
      { user, event: 'report_shared', day: today, count: 3 },
      { user, event: 'login', day: today, count: 100 },
    ]);
    await features.set({ workspaceId, name: 'Reports', events: 'report_created,report_shared', weight: 7 });
    await runner.scoreWorkspace(workspaceId, now);
    await weights.set({ workspaceId, event: 'report_shared', weight: 2 });
    await runner.scoreWorkspace(workspaceId, new Date('2025-09-21T11:00:00Z'));

    const [row] = await fixture.accountScores(workspaceId);
    expect(row.raw_score).toBe(2 * 7 + 3 * 2);
    expect(row.activation_rate).toBe(1);
  });

  it('refuses to put an event in a second feature unless the move is explicit', async () => {
    const workspaceId = await fixture.workspace();
    await features.set({ workspaceId, name: 'A', events: 'x,y', weight: 3 });

    await expect(features.set({ workspaceId, name: 'B', events: 'y', weight: 4 })).rejects.toMatchObject({ status: 'conflict' });
    const moved = await features.set({ workspaceId, name: 'B', events: 'y', weight: 4, move: true });

    expect(moved.moved).toEqual([{ event: 'y', from: 'A' }]);
    expect(await features.list(workspaceId)).toEqual([
      expect.objectContaining({ name: 'A', weight: 3, events: ['x'] }),
      expect.objectContaining({ name: 'B', weight: 4, events: ['y'] }),
    ]);
  });

  it("excludes accounts outside the profile's trait filter and removes their rows of the period", async () => {
    const workspaceId = await fixture.workspace();
    const paid = await fixture.accountWithUser(workspaceId, 'paid', { plan: 'paid' });
    const free = await fixture.accountWithUser(workspaceId, 'free', { plan: 'free' });
    const unknown = await fixture.accountWithUser(workspaceId, 'unknown');
    await fixture.counts(
      workspaceId,
      [paid, free, unknown].map(({ user }) => ({ user, event: 'x', day: today, count: 5 })),
    );
    await runner.scoreWorkspace(workspaceId, now);
    expect(await fixture.accountScores(workspaceId)).toHaveLength(3);

    await profiles.set({ workspaceId, filter: 'plan = paid' });
    await runner.scoreWorkspace(workspaceId, now);

    expect((await fixture.accountScores(workspaceId)).map((row) => row.account_id)).toEqual([String(paid.account)]);
  });

  it('filters on user traits: only matching users count toward their account', async () => {
    const workspaceId = await fixture.workspace();
    const account = await fixture.account(workspaceId, 'team');
    const admin = await fixture.user(workspaceId, 'admin', { traits: { role: 'admin' } });
    const viewer = await fixture.user(workspaceId, 'viewer', { traits: { role: 'viewer' } });
    await fixture.member(workspaceId, account, admin);
    await fixture.member(workspaceId, account, viewer);
    await fixture.counts(workspaceId, [
      { user: admin, event: 'x', day: today, count: 3 },
      { user: viewer, event: 'x', day: today, count: 30 },
    ]);
    await profiles.set({ workspaceId, name: 'admins', filter: 'user.role = admin', windowDays: 7, normalization: 'winsorized' });

    await runner.scoreWorkspace(workspaceId, now);

    const [row] = await fixture.accountScores(workspaceId);
    expect(row).toMatchObject({ raw_score: 3, active_users: 1, total_people_count: 1, engagement_score: 100 });
  });

  it('keeps one default profile per workspace and validates filters', async () => {
    const workspaceId = await fixture.workspace();
    const first = await profiles.set({ workspaceId, name: 'first' });
    const second = await profiles.set({ workspaceId, name: 'second', windowDays: 1 });
    expect([first.is_default, second.is_default]).toEqual([true, false]);

    await profiles.set({ workspaceId, name: 'second', makeDefault: true });
    const stored = await fixture.prisma.scoringProfile.findMany({ where: { workspaceId: BigInt(workspaceId) }, orderBy: { id: 'asc' } });
    expect(stored.map((profile) => [profile.name, profile.isDefault, profile.windowDays])).toEqual([
      ['first', false, 30],
      ['second', true, 1],
    ]);
    await expect(profiles.set({ workspaceId, filter: 'plan == paid' })).rejects.toMatchObject({
      status: 'bad_request',
      details: { position: 6 },
    });
  });
});
