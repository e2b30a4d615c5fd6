import { signalId } from '@coil/signals';
import { parseJson, runCli } from '../support/cli';
import { ScoringFixture } from '../scoring/support/scoring-fixture';

describe('CLI: signal settings, signals list', () => {
  const fixture = new ScoringFixture();
  let workspaceId: string;

  beforeAll(async () => {
    workspaceId = await fixture.workspace('signal CLI');
  });

  afterAll(() => fixture.close());

  it('shows the defaults when no option is given', async () => {
    expect(parseJson(await runCli(['signal', 'settings', '--workspace', workspaceId, '--json']))).toEqual({
      workspace_id: workspaceId,
      score_threshold: 10,
      watched_traits: ['plan', 'status', 'mrr'],
      retention_days: 90,
    });
  });

  it('changes what is given and stores it on the workspace', async () => {
    const args = ['signal', 'settings', '--workspace', workspaceId, '--threshold', '15', '--watch', 'plan, seats', '--json'];
    expect(parseJson(await runCli(args))).toEqual({
      workspace_id: workspaceId,
      score_threshold: 15,
      watched_traits: ['plan', 'seats'],
      retention_days: 90,
    });
    const changed = parseJson(await runCli(['signal', 'settings', '--workspace', workspaceId, '--retention-days', '30', '--json']));
    expect(changed).toMatchObject({ score_threshold: 15, watched_traits: ['plan', 'seats'], retention_days: 30 });
    const stored = await fixture.pool.query(
      'SELECT signal_score_threshold, signal_watched_traits, signal_retention_days FROM workspaces WHERE workspace_id = $1',
      [workspaceId],
    );
    expect(stored.rows).toEqual([{ signal_score_threshold: 15, signal_watched_traits: ['plan', 'seats'], signal_retention_days: 30 }]);
    const prose = await runCli(['signal', 'settings', '--workspace', workspaceId]);
    expect(prose.stdout).toContain('trait_changed for the traits: plan, seats');
    expect(prose.stdout).toContain('kept 30 days');
  });

  it('lists the stored signals, newest first, filtered by kind', async () => {
    const accountId = String(await fixture.account(workspaceId, 'acme-1'));
    const subject = { type: 'account' as const, id: accountId, tracking_id: 'acme-1', name: 'Acme' };
    const rows = [
      { kind: 'segment_entered', at: '2025-09-20T10:00:00.000Z', data: { segment: { id: '3', name: 'At risk' } } },
      { kind: 'trait_changed', at: '2025-09-21T10:00:00.000Z', data: { trait: 'plan', before: 'trial', after: 'pro' } },
    ] as const;
    for (const row of rows) {
      await fixture.pool.query(
        `INSERT INTO signals (workspace_id, id, kind, subject_type, subject_id, subject, occurred_at, data)
         VALUES ($1, $2, $3, 'account', $4, $5, $6, $7)`,
        [workspaceId, signalId(workspaceId, row.kind, subject, row.at), row.kind, accountId, subject, row.at, row.data],
      );
    }
    const all = parseJson<{ signals: { kind: string; subject: object }[]; next_cursor: string | null }>(
      await runCli(['signals', 'list', '--workspace', workspaceId, '--json']),
    );
    expect(all.signals.map((signal) => signal.kind)).toEqual(['trait_changed', 'segment_entered']);
    expect(all.signals[0].subject).toEqual(subject);
    const [filtered, prose] = await Promise.all([
      runCli(['signals', 'list', '--workspace', workspaceId, '--kind', 'segment_entered', '--limit', '1', '--json']),
      runCli(['signals', 'list', '--workspace', workspaceId, '--limit', '1']),
    ]);
    expect(parseJson(filtered)).toMatchObject({
      signals: [{ kind: 'segment_entered', data: { segment: { name: 'At risk' } } }],
      next_cursor: null,
    });
    expect(prose.stdout).toMatch(/^2025-09-21T10:00:00.000Z {2}trait_changed {2}account acme-1 \(Acme\)/);
    expect(prose.stdout).toContain('More: --cursor ');
  });

  it('answers a bad kind and a missing workspace with JSON errors', async () => {
    const [badKind, missing] = await Promise.all([
      runCli(['signals', 'list', '--workspace', workspaceId, '--kind', 'bogus', '--json']),
      runCli(['signal', 'settings', '--workspace', '8999999999999999999', '--json']),
    ]);
    expect(badKind.code).not.toBe(0);
    expect(JSON.parse(badKind.stderr)).toMatchObject({ error: { code: 'invalid_parameter', details: { parameter: 'kind' } } });
    expect(missing.code).not.toBe(0);
    expect(JSON.parse(missing.stderr)).toMatchObject({ error: { code: 'not_found' } });
  });

  it.each([
    ['a threshold of 0', ['--threshold', '0']],
    ['a fractional threshold', ['--threshold', '2.5']],
    ['retention beyond 400 days', ['--retention-days', '401']],
    ['a trait key with a control character', ['--watch', 'a\u0007b']],
  ])('prints usage and exits non-zero on %s', async (_, options) => {
    const run = await runCli(['signal', 'settings', '--workspace', workspaceId, ...options]);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Usage: coil signal/);
  });
});
