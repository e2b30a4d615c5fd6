import { SUGGESTED_SEGMENTS } from '@coil/scoring';
import { createScoringRunner } from '@coil/scoring-pass';
import { createSettings } from '@coil/settings';
import { ScoringFixture } from './support/scoring-fixture';

const today = '2025-09-21';
const firstRun = new Date('2025-09-21T08:00:00Z');
const secondRun = new Date('2025-09-21T09:00:00Z');

describe('segment membership after scoring runs', () => {
  const fixture = new ScoringFixture();
  const runner = createScoringRunner(fixture.pool);
  const segments = createSettings(fixture.pool).segments;

  afterAll(() => fixture.close());

  async function stays(workspaceId: string): Promise<Array<[string, string, string, string | null]>> {
    const rows = await fixture.pool.query<{ name: string; account: string; entered: Date; left: Date | null }>(
      `SELECT s.name, sm.account_id::text AS account, sm.entered_at AS entered, sm.left_at AS left
       FROM segment_memberships sm JOIN segments s ON s.workspace_id = sm.workspace_id AND s.id = sm.segment_id
       WHERE sm.workspace_id = $1 ORDER BY s.name, sm.account_id, sm.entered_at`,
      [workspaceId],
    );
    return rows.rows.map((row) => [row.name, row.account, row.entered.toISOString(), row.left?.toISOString() ?? null]);
  }

  it('records an account leaving one segment and entering another when it crosses a threshold', async () => {
    const workspaceId = await fixture.workspace();
    const a = await fixture.accountWithUser(workspaceId, 'a', { plan: 'paid' });
    const b = await fixture.accountWithUser(workspaceId, 'b', { status: 'trial' });
    await segments.create(workspaceId, 'Low', 'engagement_score < 50');
    await fixture.counts(
      workspaceId,
      [a, b].map(({ user }) => ({ user, event: 'x', day: today, count: 10 })),
    );

    await runner.scoreWorkspace(workspaceId, firstRun);
    await fixture.counts(workspaceId, [{ user: a.user, event: 'y', day: today, count: 90 }]);
    const summary = await runner.scoreWorkspace(workspaceId, secondRun);

    const [A, B, t1, t2] = [String(a.account), String(b.account), firstRun.toISOString(), secondRun.toISOString()];
    expect(await stays(workspaceId)).toEqual([
      ['Active today', A, t1, null],
      ['Active today', B, t1, null],
      ['Highly engaged', A, t1, null],
      ['Highly engaged', B, t1, t2],
      ['Low', B, t2, null],
      ['New', A, t1, null],
      ['New', B, t1, null],
      ['Product-qualified', B, t1, t2],
    ]);
    expect(summary.segments).toEqual({ entered: 1, left: 2 });
  });

  it('gives a new workspace the suggested segments, and lists and deletes segments', async () => {
    const workspaceId = await fixture.workspace();

    const listed = await segments.list(workspaceId);
    expect(listed.map((segment) => [segment.name, segment.builtin])).toEqual(SUGGESTED_SEGMENTS.map((segment) => [segment.name, true]));
    await expect(segments.create(workspaceId, 'Bad', 'engagement_score >')).rejects.toMatchObject({ status: 'bad_request' });
    await expect(segments.create(workspaceId, 'New', 'x = 1')).rejects.toMatchObject({ status: 'conflict' });

    const deleted = await segments.delete(workspaceId, { name: 'Dormant' });
    await expect(segments.delete(workspaceId, { id: deleted.id })).rejects.toMatchObject({ code: 'not_found' });
    expect((await segments.list(workspaceId)).map((segment) => segment.name)).not.toContain('Dormant');
  });
});
