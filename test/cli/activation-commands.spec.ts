import { createPgPool } from '@coil/database';
import { ActivationChecklistRepository, createSettings } from '@coil/settings';
import { createWorkspaceAdmin } from '@coil/workspaces';
import { parseJson, runCli } from '../support/cli';

describe('CLI: activation set, show, clear', () => {
  const pool = createPgPool(process.env.DATABASE_URL!, { max: 2 });
  const checklists = new ActivationChecklistRepository(pool);
  let workspaceId: string;
  // What set and show answer for the checklist the first test sets.
  const expected = (id: string) => ({
    workspace_id: id,
    steps: [
      { label: 'Report_Created', kind: 'event', name: 'Report_Created', min_count: 1 },
      { label: 'Invite Sent>=3', kind: 'event', name: 'Invite Sent', min_count: 3 },
      { label: 'feature:Reports', kind: 'feature', name: 'Reports', min_count: 1 },
    ],
    per_user: 2,
  });

  beforeAll(async () => {
    workspaceId = (await createWorkspaceAdmin(pool).createWorkspace('activation CLI')).workspace_id;
    await createSettings(pool).features.set({ workspaceId, name: 'Reports', events: 'report_created,report_shared', weight: 3 });
  });

  afterAll(() => pool.end());

  it('sets a checklist with a per-user count and stores it', async () => {
    const steps = 'Report_Created, Invite Sent>=3,feature:Reports';
    const set = parseJson(await runCli(['activation', 'set', '--workspace', workspaceId, '--steps', steps, '--per-user', '2', '--json']));
    expect(set).toEqual(expected(workspaceId));
    expect(await checklists.get(workspaceId)).toEqual({
      steps: [
        { kind: 'event', name: 'Report_Created', minCount: 1 },
        { kind: 'event', name: 'Invite Sent', minCount: 3 },
        { kind: 'feature', name: 'Reports', minCount: 1 },
      ],
      requiredUsers: 2,
    });
  });

  it('shows the checklist as JSON and as a numbered list', async () => {
    const [json, text] = await Promise.all([
      runCli(['activation', 'show', '--workspace', workspaceId, '--json']),
      runCli(['activation', 'show', '--workspace', workspaceId]),
    ]);
    expect(parseJson(json)).toEqual(expected(workspaceId));
    expect(text.stdout).toContain('1. Report_Created\n2. Invite Sent>=3\n3. feature:Reports\n');
    expect(text.stdout).toContain('when 2 of its users are');
  });

  it('refuses bad steps and an unknown feature with a 400 body, keeping the stored checklist', async () => {
    const before = await checklists.get(workspaceId);
    const [bad, unknown] = await Promise.all([
      runCli(['activation', 'set', '--workspace', workspaceId, '--steps', 'A,A>=2', '--json']),
      runCli(['activation', 'set', '--workspace', workspaceId, '--steps', 'A,feature:Exports', '--json']),
    ]);

    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect(JSON.parse(bad.stderr)).toEqual({
      error: {
        status: 'bad_request',
        code: 'invalid_parameter',
        message: 'activation step 2 ("A>=2"): it repeats step 1 (A)',
        details: { parameter: 'steps', step: 'A>=2', position: 2, reason: 'it repeats step 1 (A)' },
      },
    });
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(JSON.parse(unknown.stderr)).toMatchObject({
      error: { status: 'bad_request', code: 'unknown_feature', details: { feature: 'Exports', available: ['Reports'] } },
    });
    expect(await checklists.get(workspaceId)).toEqual(before);
  });

  it('clears the checklist, then shows none', async () => {
    expect(parseJson(await runCli(['activation', 'clear', '--workspace', workspaceId, '--json']))).toEqual({
      workspace_id: workspaceId,
      cleared: true,
    });
    expect(await checklists.get(workspaceId)).toBeNull();
    expect(await createSettings(pool).activation.show(workspaceId)).toEqual({ workspace_id: workspaceId, steps: [], per_user: null });
  });

  it.each([
    ['a per-user count of 0', ['activation', 'set', '--workspace', '1', '--steps', 'A', '--per-user', '0']],
    ['a per-user count above 1000', ['activation', 'set', '--workspace', '1', '--steps', 'A', '--per-user', '1001']],
    ['set without --steps', ['activation', 'set', '--workspace', '1']],
    ['show with a workspace id that is not a number', ['activation', 'show', '--workspace', 'abc']],
  ])('prints usage and exits non-zero on %s', async (_, args) => {
    const run = await runCli(args);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Usage: coil activation/);
  });
});
