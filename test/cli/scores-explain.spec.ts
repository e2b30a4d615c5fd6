import { createScoringRunner } from '@coil/scoring-pass';
import { parseJson, runCli } from '../support/cli';
import { ScoringFixture } from '../scoring/support/scoring-fixture';

// With nothing configured every event weighs 1; one run on 2025-09-21 (30-day frame).
describe('CLI: scores explain', () => {
  const fixture = new ScoringFixture();
  let workspaceId: string;

  beforeAll(async () => {
    workspaceId = await fixture.workspace('explain CLI');
    const { account, user } = await fixture.accountWithUser(workspaceId, 'explained');
    await fixture.feature(workspaceId, 'Reports', 4, ['report_created']);
    await fixture.counts(workspaceId, [
      { user, account, event: 'report_created', day: '2025-09-20', count: 3 },
      { user, account, event: 'login', day: '2025-09-19', count: 5 },
    ]);
    await createScoringRunner(fixture.pool).scoreWorkspace(workspaceId, new Date('2025-09-21T12:00:00Z'));
  });

  afterAll(() => fixture.close());

  it('prints the explanation GET /v1/accounts/explain answers, with --json', async () => {
    const explained = parseJson<{ raw_score: number; contributions: unknown[]; change: unknown; time_frame: unknown }>(
      await runCli(['scores', 'explain', '--workspace', workspaceId, '--account', 'explained', '--json']),
    );
    // Features configured: login, in none and unweighted, no longer scores.
    expect(explained).toMatchObject({
      raw_score: 12,
      time_frame: { start: '2025-08-23', end: '2025-09-21', days: 30 },
      contributions: [{ feature: 'Reports', event: 'report_created', count: 3, weight: 4, points: 12, share: 1 }],
      change: null,
    });
  });

  it('prints a table for a person', async () => {
    const run = await runCli(['scores', 'explain', '--workspace', workspaceId, '--account', 'explained']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^Account explained \(id \d+\), profile default, 2025-08-23\.\.2025-09-21 \(30 days\)$/);
    expect(lines).toEqual(
      expect.arrayContaining([
        'FEATURE  EVENT           COUNT  WEIGHT  POINTS  SHARE',
        'Reports  report_created      3       4      12  100.00 %',
        '         total                              12  100.00 %',
        'No change yet: no stored score one time frame earlier.',
      ]),
    );
  });

  it('answers 404 for an unknown account', async () => {
    const run = await runCli(['scores', 'explain', '--workspace', workspaceId, '--account', 'nobody', '--json']);
    expect(run.code).not.toBe(0);
    expect(JSON.parse(run.stderr)).toMatchObject({ error: { code: 'not_found' } });
  });
});
