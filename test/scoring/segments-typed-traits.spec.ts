import { createScoringRunner } from '@coil/scoring-pass';
import { createSettings } from '@coil/settings';
import { WorkspaceRepository } from '@coil/workspaces';
import { ScoringFixture } from './support/scoring-fixture';

const now = new Date('2025-09-21T08:00:00Z');
const today = '2025-09-21';

describe("a scoring run compares traits as the workspace's trait types", () => {
  const fixture = new ScoringFixture();
  const runner = createScoringRunner(fixture.pool);
  const settings = createSettings(fixture.pool);
  const workspaces = new WorkspaceRepository(fixture.pool);

  afterAll(() => fixture.close());

  async function members(workspaceId: string, segment: string): Promise<string[]> {
    const result = await fixture.pool.query<{ tracking_id: string }>(
      `SELECT a.tracking_id FROM segment_memberships sm
       JOIN segments s ON s.workspace_id = sm.workspace_id AND s.id = sm.segment_id
       JOIN accounts a ON a.workspace_id = sm.workspace_id AND a.id = sm.account_id
       WHERE sm.workspace_id = $1 AND s.name = $2 AND sm.left_at IS NULL ORDER BY a.tracking_id`,
      [workspaceId, segment],
    );
    return result.rows.map((row) => row.tracking_id);
  }

  it('in segment rules: numbers sent as text, dates against now + 7d, the configured created-at trait', async () => {
    const workspaceId = await fixture.workspace();
    await fixture.account(workspaceId, 'text-1000', { mrr: '1000', trial_end: '2025-09-25T00:00:00Z', signup: '2024-01-01' });
    await fixture.account(workspaceId, 'number-1000', { mrr: 1000, trial_end: 1_759_276_800, createdAt: '2024-01-01' });
    await fixture.account(workspaceId, 'abc', { mrr: 'abc', trial_end: 'soon' });
    await settings.traitTypes.set(workspaceId, 'mrr', 'number');
    await settings.traitTypes.set(workspaceId, 'trial_end', 'date');
    await workspaces.setAccountSettings(workspaceId, { createdAtTrait: 'signup' });
    await settings.segments.create(workspaceId, 'Big', 'mrr > 999');
    await settings.segments.create(workspaceId, 'Not five', 'mrr != 5');
    await settings.segments.create(workspaceId, 'Trial ending', 'trial_end < now + 7d');

    await runner.scoreWorkspace(workspaceId, now);

    expect(await members(workspaceId, 'Big')).toEqual(['number-1000', 'text-1000']);
    expect(await members(workspaceId, 'Not five')).toEqual(['number-1000', 'text-1000']);
    // 1759276800 is 2025-10-01: not within 7 days.
    expect(await members(workspaceId, 'Trial ending')).toEqual(['text-1000']);
    // The workspace reads `signup`; `createdAt` does not count, and accounts never seen have no first_seen.
    expect(await members(workspaceId, 'Mature')).toEqual(['text-1000']);
  });

  it('in profile filters: a percentage sent with its sign', async () => {
    const workspaceId = await fixture.workspace();
    const high = await fixture.accountWithUser(workspaceId, 'high', { usage: '45%' });
    const low = await fixture.accountWithUser(workspaceId, 'low', { usage: '5 %' });
    const bad = await fixture.accountWithUser(workspaceId, 'bad', { usage: 'most' });
    await fixture.counts(
      workspaceId,
      [high, low, bad].map(({ user }) => ({ user, event: 'x', day: today, count: 1 })),
    );
    await settings.traitTypes.set(workspaceId, 'usage', 'percentage');
    await settings.profiles.set({ workspaceId, filter: 'account.usage > 40' });

    await runner.scoreWorkspace(workspaceId, now);

    const scored = await fixture.accountScores(workspaceId);
    expect(scored.map((row) => row.account_id)).toEqual([String(high.account)]);
  });
});
