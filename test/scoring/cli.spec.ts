import { SUGGESTED_SEGMENTS } from '@coil/scoring';
import { parseJson, runCli } from '../support/cli';
import { ScoringFixture } from './support/scoring-fixture';

describe('scoring commands of the CLI', () => {
  const fixture = new ScoringFixture();
  let workspaceId: string;

  beforeAll(async () => {
    workspaceId = await fixture.workspace('CLI scoring spec');
    const { user } = await fixture.accountWithUser(workspaceId, 'cli-account');
    const today = new Date().toISOString().slice(0, 10);
    await fixture.counts(workspaceId, [
      { user, event: 'report_created', day: today, count: 3 },
      { user, event: 'login', day: today, count: 5 },
    ]);
  });

  afterAll(() => fixture.close());

  it('configures a profile, a feature and a direct weight, printing JSON', async () => {
    const ws = workspaceId;
    const profile = parseJson(await runCli(['profile', 'set', '--workspace', ws, '--window', '7', '--filter', '', '--json']));
    expect(profile).toEqual({
      workspace_id: ws,
      id: expect.any(String),
      name: 'default',
      window_days: 7,
      filter: null,
      normalization: 'exponential',
      is_default: true,
    });

    const feature = parseJson(
      await runCli(['feature', 'set', '--workspace', ws, '--name', 'Reports', '--events', 'report_created', '--weight', '4', '--json']),
    );
    expect(feature).toMatchObject({ name: 'Reports', weight: 4, events: ['report_created'], moved: [] });
    const weight = parseJson(await runCli(['event', 'weight', '--workspace', ws, '--event', 'login', '--weight', '2', '--json']));
    expect(weight).toMatchObject({ workspace_id: ws, profile: 'default', event: 'login', weight: 2 });
    expect(parseJson(await runCli(['feature', 'list', '--workspace', ws, '--json']))).toEqual([
      { id: expect.any(String), name: 'Reports', weight: 4, events: ['report_created'] },
    ]);
  });

  it('recomputes scores with JSON lines when not on a terminal', async () => {
    const run = await runCli(['scores', 'recompute', '--workspace', workspaceId]);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.slice(0, -1).map((line) => line.step)).toEqual(['score', 'write', 'segments']);
    expect(lines.at(-1)).toMatchObject({ type: 'done', workspace_id: workspaceId, seconds: expect.any(Number) });
    const [row] = await fixture.accountScores(workspaceId);
    expect(row.raw_score).toBe(3 * 4 + 5 * 2);
  });

  it('creates, lists and deletes segments', async () => {
    const ws = workspaceId;
    const created = parseJson<{ id: string }>(
      await runCli(['segment', 'create', '--workspace', ws, '--name', 'Busy', '--rule', 'raw_score > 10', '--json']),
    );
    const listed = parseJson<Array<{ name: string; members: number }>>(await runCli(['segment', 'list', '--workspace', ws, '--json']));
    expect(listed.map((segment) => segment.name)).toEqual([...SUGGESTED_SEGMENTS.map((suggestion) => suggestion.name), 'Busy']);
    expect(parseJson(await runCli(['segment', 'delete', '--workspace', ws, '--id', created.id, '--json']))).toMatchObject({ name: 'Busy' });
  });

  it('answers a missing workspace with a JSON error and a non-zero exit', async () => {
    const run = await runCli(['feature', 'list', '--workspace', '8999999999999999999', '--json']);
    expect(run.code).not.toBe(0);
    expect(JSON.parse(run.stderr)).toMatchObject({ error: { code: 'not_found' } });
  });

  it.each([
    ['a mistyped command', ['scores', 'recompte', '--workspace', '1']],
    ['a window other than 1, 7 or 30', ['profile', 'set', '--workspace', '1', '--window', '14']],
    ['a weight above 10', ['feature', 'set', '--workspace', '1', '--name', 'F', '--events', 'a', '--weight', '11']],
    ['a fractional weight', ['event', 'weight', '--workspace', '1', '--event', 'a', '--weight', '2.5']],
    ['a workspace id that is not a number', ['scores', 'recompute', '--workspace', 'abc']],
    ['an unknown normalisation', ['profile', 'set', '--workspace', '1', '--normalization', 'linear']],
    ['delete without --name or --id', ['segment', 'delete', '--workspace', '1']],
    ['a missing required option', ['segment', 'create', '--workspace', '1', '--name', 'x']],
  ])('prints usage and exits non-zero on %s', async (_, args) => {
    const run = await runCli(args);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Usage: coil/);
  });
});
